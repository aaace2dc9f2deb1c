import DedupStage
import Foundation
import LoadStage
import PipelineCore
import RegisterModel

/// One persisted stage result, declared once: the stage that writes it and its file in
/// that stage's folder under `work/`; its value's type gives the codec (`ArtefactValue`).
struct ArtefactFile<Value: ArtefactValue>: Sendable {
  let stage: StageName
  let file: String

  init(_ stage: StageName, _ file: String) {
    self.stage = stage
    self.file = file
  }

  /// The key the cache holds it under.
  var key: String { stage.rawValue + "/" + file }
}

/// A value persisted between stages: person-level records as gzip CSV, figures as JSON.
protocol ArtefactValue {
  static func read(from path: String) throws -> Self
  func write(to path: String) throws
}

extension Array: ArtefactValue where Element: CSVArtefact {
  static func read(from path: String) throws -> [Element] { try Artefact.read(Element.self, from: path) }
  func write(to path: String) throws { try Artefact.write(self, to: path) }
}

/// Figures persisted as pretty JSON with sorted keys.
protocol JSONArtefact: ArtefactValue, Codable {}

extension JSONArtefact {
  static func read(from path: String) throws -> Self { try Artefact.readJSON(Self.self, from: path) }
  func write(to path: String) throws { try Artefact.writeJSON(self, to: path) }
}

extension DedupQuality: JSONArtefact {}
extension RepeatUseFigures: JSONArtefact {}
extension WelfareFigures: JSONArtefact {}
extension TransitionFigures: JSONArtefact {}

/// Every artefact a stage writes and a later stage (or the run records) reads.
enum Artefacts {
  static let loadStays = ArtefactFile<[Stay]>(.load, "stays.csv.gz")
  static let loadPersons = ArtefactFile<[PersonRecord]>(.load, "persons.csv.gz")
  static let loadEvents = ArtefactFile<[ServiceEvent]>(.load, "events.csv.gz")
  static let loadMeta = ArtefactFile<LoadMeta>(.load, "sources.json")
  static let dedupStays = ArtefactFile<[Stay]>(.dedup, "stays.csv.gz")
  static let dedupPersons = ArtefactFile<[PersonRecord]>(.dedup, "persons.csv.gz")
  static let dedupQuality = ArtefactFile<DedupQuality>(.dedup, "quality.json")
  static let episodes = ArtefactFile<[Episode]>(.classify, "episodes.csv.gz")
  static let typology = ArtefactFile<[PersonTypology]>(.classify, "typology.csv.gz")
  static let classifyFigures = ArtefactFile<ClassifyFigures>(.classify, "figures.json")
  static let repeatUse = ArtefactFile<RepeatUseFigures>(.repeatUse, "figures.json")
  static let welfareUse = ArtefactFile<WelfareFigures>(.welfareUse, "figures.json")
  static let transitions = ArtefactFile<TransitionFigures>(.transitions, "figures.json")
}

/// Stage results: those computed in this process, else read back from their stage's
/// folder under `work/` when first asked for, so a single-stage rerun starts from the
/// persisted results and reads only the files it uses (dedup does not read the service
/// events; the run records read no person-level file).
final class ArtefactCache {
  private var values: [String: Any] = [:]
  private let paths: OutputPaths

  init(paths: OutputPaths) { self.paths = paths }

  func value<Value>(_ artefact: ArtefactFile<Value>) throws -> Value {
    if let value = values[artefact.key] as? Value { return value }
    let value = try Value.read(from: paths.stage(artefact.stage.rawValue) + "/" + artefact.file)
    values[artefact.key] = value
    return value
  }

  /// Keeps what a stage just wrote, so the stages after it do not read it back.
  func keep(_ outputs: StageOutputs) {
    values.merge(outputs.values) { _, new in new }
  }
}

/// What a stage writes into its (staging) folder: declared artefacts, kept for the
/// stages after it, and any other file it writes under `folder` itself.
struct StageOutputs {
  let folder: String
  fileprivate(set) var values: [String: Any] = [:]
  /// The stage's files, written by `finish(jobs:)` side by side: load's and dedup's
  /// record files take about a second each to format and compress.
  private var writes: [@Sendable () throws -> Void] = []

  init(folder: String) { self.folder = folder }

  mutating func write<Value>(_ artefact: ArtefactFile<Value>, _ value: Value) {
    precondition(values[artefact.key] == nil, "\(artefact.key) is written twice")
    let path = folder + "/" + artefact.file
    let shared = UncheckedSendable(value)  // only read, by one writer
    writes.append { try shared.value.write(to: path) }
    values[artefact.key] = value
  }

  /// Writes the files on up to `jobs` threads; the first failing file in the order the
  /// stage declared them gives the error.
  func finish(jobs: Int) throws {
    let writes = self.writes
    _ = try parallelMap(writes.count, jobs: jobs) { try writes[$0]() }
  }
}

/// A value handed to another thread that only reads it.
private struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// The results a stage may read: those of the stages it declares upstream, no other.
struct UpstreamResults {
  let stage: StageName
  let upstream: [StageName]
  let cache: ArtefactCache

  func read<Value>(_ artefact: ArtefactFile<Value>) throws -> Value {
    precondition(
      upstream.contains(artefact.stage),
      "stage \(stage.rawValue) reads \(artefact.key) but does not declare \(artefact.stage.rawValue) upstream")
    return try cache.value(artefact)
  }
}

/// `work/load/sources.json`: the service names and how every row was accounted for.
struct LoadMeta: JSONArtefact {
  var serviceNames: [String]
  var sources: [SourceReport]
}

/// `work/classify/figures.json`.
struct ClassifyFigures: JSONArtefact {
  var typology: TypologyFigures
  var stays: StayFigures
}
