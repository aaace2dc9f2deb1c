import ClassifyStage
import DedupStage
import Foundation
import LoadStage
import PipelineCore
import RegisterModel

/// Stage results by stage: those computed in this process, else read back from their
/// folders under `work/`, so a single-stage rerun starts from the persisted results.
final class ArtefactCache {
  var load: LoadOutput?
  var dedup: DedupResult?
  var classify: ClassifyResult?
  var repeatUse: RepeatUseFigures?
  var welfareUse: WelfareFigures?
}

extension PipelineRun {
  /// The cached result at `slot`, else the one `read` gets from `stage`'s folder (cached).
  private func cached<T>(
    _ slot: ReferenceWritableKeyPath<ArtefactCache, T?>, _ stage: StageName, read: (String) throws -> T
  ) throws -> T {
    if let value = artefacts[keyPath: slot] { return value }
    let value = try read(paths.stage(stage.rawValue))
    artefacts[keyPath: slot] = value
    return value
  }

  func loadOutput() throws -> LoadOutput {
    try cached(\.load, .load) { folder in
      let meta = try Artefact.readJSON(LoadMeta.self, from: folder + "/sources.json")
      return LoadOutput(
        stays: try Artefact.read(Stay.self, from: folder + "/stays.csv.gz"),
        persons: try Artefact.read(PersonRecord.self, from: folder + "/persons.csv.gz"),
        events: try Artefact.read(ServiceEvent.self, from: folder + "/events.csv.gz"),
        serviceNames: meta.serviceNames, sources: meta.sources)
    }
  }

  func dedupResult() throws -> DedupResult {
    try cached(\.dedup, .dedup) { folder in
      DedupResult(
        stays: try Artefact.read(Stay.self, from: folder + "/stays.csv.gz"),
        persons: try Artefact.read(PersonRecord.self, from: folder + "/persons.csv.gz"),
        quality: try Artefact.readJSON(DedupQuality.self, from: folder + "/quality.json"))
    }
  }

  func classifyResult() throws -> ClassifyResult {
    try cached(\.classify, .classify) { folder in
      let figures = try Artefact.readJSON(ClassifyFigures.self, from: folder + "/figures.json")
      return ClassifyResult(
        episodes: try Artefact.read(Episode.self, from: folder + "/episodes.csv.gz"),
        typology: try Artefact.read(PersonTypology.self, from: folder + "/typology.csv.gz"),
        typologyFigures: figures.typology, stayFigures: figures.stays)
    }
  }

  func repeatUseFigures() throws -> RepeatUseFigures {
    try cached(\.repeatUse, .repeatUse) { try Artefact.readJSON(RepeatUseFigures.self, from: $0 + "/figures.json") }
  }

  func welfareUseFigures() throws -> WelfareFigures {
    try cached(\.welfareUse, .welfareUse) { try Artefact.readJSON(WelfareFigures.self, from: $0 + "/figures.json") }
  }
}

/// `work/load/sources.json`: the service names and how every row was accounted for.
struct LoadMeta: Codable {
  var serviceNames: [String]
  var sources: [SourceReport]
}

/// `work/classify/figures.json`.
struct ClassifyFigures: Codable {
  var typology: TypologyFigures
  var stays: StayFigures
}
