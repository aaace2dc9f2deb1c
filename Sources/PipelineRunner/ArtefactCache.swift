import DedupStage
import Foundation
import LoadStage
import PipelineCore
import RegisterModel

/// Stage results file by file: those computed in this process, else read back from
/// their stage's folder under `work/` when first asked for, so a single-stage rerun
/// starts from the persisted results and reads only the files it uses (dedup does not
/// read the service events; the run records read no person-level file).
final class ArtefactCache {
  var loadStays: [Stay]?
  var loadPersons: [PersonRecord]?
  var loadEvents: [ServiceEvent]?
  var loadMeta: LoadMeta?
  var dedupStays: [Stay]?
  var dedupPersons: [PersonRecord]?
  var dedupQuality: DedupQuality?
  var episodes: [Episode]?
  var typology: [PersonTypology]?
  var classifyFigures: ClassifyFigures?
  var repeatUse: RepeatUseFigures?
  var welfareUse: WelfareFigures?
  var transitions: TransitionFigures?
}

extension PipelineRun {
  /// The cached value at `slot`, else `read` of `file` in `stage`'s folder (cached).
  private func cached<T>(
    _ slot: ReferenceWritableKeyPath<ArtefactCache, T?>, _ stage: StageName, _ file: String,
    read: (String) throws -> T
  ) throws -> T {
    if let value = artefacts[keyPath: slot] { return value }
    let value = try read(paths.stage(stage.rawValue) + "/" + file)
    artefacts[keyPath: slot] = value
    return value
  }

  func loadStays() throws -> [Stay] {
    try cached(\.loadStays, .load, "stays.csv.gz") { try Artefact.read(Stay.self, from: $0) }
  }
  func loadPersons() throws -> [PersonRecord] {
    try cached(\.loadPersons, .load, "persons.csv.gz") { try Artefact.read(PersonRecord.self, from: $0) }
  }
  func loadEvents() throws -> [ServiceEvent] {
    try cached(\.loadEvents, .load, "events.csv.gz") { try Artefact.read(ServiceEvent.self, from: $0) }
  }
  func loadMeta() throws -> LoadMeta {
    try cached(\.loadMeta, .load, "sources.json") { try Artefact.readJSON(LoadMeta.self, from: $0) }
  }

  func dedupStays() throws -> [Stay] {
    try cached(\.dedupStays, .dedup, "stays.csv.gz") { try Artefact.read(Stay.self, from: $0) }
  }
  func dedupPersons() throws -> [PersonRecord] {
    try cached(\.dedupPersons, .dedup, "persons.csv.gz") { try Artefact.read(PersonRecord.self, from: $0) }
  }
  func dedupQuality() throws -> DedupQuality {
    try cached(\.dedupQuality, .dedup, "quality.json") { try Artefact.readJSON(DedupQuality.self, from: $0) }
  }

  func episodes() throws -> [Episode] {
    try cached(\.episodes, .classify, "episodes.csv.gz") { try Artefact.read(Episode.self, from: $0) }
  }
  func typology() throws -> [PersonTypology] {
    try cached(\.typology, .classify, "typology.csv.gz") { try Artefact.read(PersonTypology.self, from: $0) }
  }
  func classifyFigures() throws -> ClassifyFigures {
    try cached(\.classifyFigures, .classify, "figures.json") { try Artefact.readJSON(ClassifyFigures.self, from: $0) }
  }

  func repeatUseFigures() throws -> RepeatUseFigures {
    try cached(\.repeatUse, .repeatUse, "figures.json") { try Artefact.readJSON(RepeatUseFigures.self, from: $0) }
  }
  func welfareUseFigures() throws -> WelfareFigures {
    try cached(\.welfareUse, .welfareUse, "figures.json") { try Artefact.readJSON(WelfareFigures.self, from: $0) }
  }
  func transitionFigures() throws -> TransitionFigures {
    try cached(\.transitions, .transitions, "figures.json") { try Artefact.readJSON(TransitionFigures.self, from: $0) }
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
