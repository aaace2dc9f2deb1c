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
  func loadOutput() throws -> LoadOutput {
    if let cached = artefacts.load { return cached }
    let folder = paths.stage(StageName.load.rawValue)
    let meta = try Artefact.readJSON(LoadMeta.self, from: folder + "/sources.json")
    let output = LoadOutput(
      stays: try Artefact.read(Stay.self, from: folder + "/stays.csv.gz"),
      persons: try Artefact.read(PersonRecord.self, from: folder + "/persons.csv.gz"),
      events: try Artefact.read(ServiceEvent.self, from: folder + "/events.csv.gz"),
      serviceNames: meta.serviceNames, sources: meta.sources)
    artefacts.load = output
    return output
  }

  func dedupResult() throws -> DedupResult {
    if let cached = artefacts.dedup { return cached }
    let folder = paths.stage(StageName.dedup.rawValue)
    let result = DedupResult(
      stays: try Artefact.read(Stay.self, from: folder + "/stays.csv.gz"),
      persons: try Artefact.read(PersonRecord.self, from: folder + "/persons.csv.gz"),
      quality: try Artefact.readJSON(DedupQuality.self, from: folder + "/quality.json"))
    artefacts.dedup = result
    return result
  }

  func classifyResult() throws -> ClassifyResult {
    if let cached = artefacts.classify { return cached }
    let folder = paths.stage(StageName.classify.rawValue)
    let figures = try Artefact.readJSON(ClassifyFigures.self, from: folder + "/figures.json")
    let result = ClassifyResult(
      episodes: try Artefact.read(Episode.self, from: folder + "/episodes.csv.gz"),
      typology: try Artefact.read(PersonTypology.self, from: folder + "/typology.csv.gz"),
      typologyFigures: figures.typology, stayFigures: figures.stays)
    artefacts.classify = result
    return result
  }

  func repeatUseFigures() throws -> RepeatUseFigures {
    if let cached = artefacts.repeatUse { return cached }
    let figures = try Artefact.readJSON(
      RepeatUseFigures.self, from: paths.stage(StageName.repeatUse.rawValue) + "/figures.json")
    artefacts.repeatUse = figures
    return figures
  }

  func welfareUseFigures() throws -> WelfareFigures {
    if let cached = artefacts.welfareUse { return cached }
    let figures = try Artefact.readJSON(
      WelfareFigures.self, from: paths.stage(StageName.welfareUse.rawValue) + "/figures.json")
    artefacts.welfareUse = figures
    return figures
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
