import DedupStage
import Foundation
import PipelineCore
import PublishStage
import RegisterIO

/// Stage 6: tables and report are built in the stage folder, then installed into
/// `Output/<pipeline>/` — the tables folder swapped whole, so it always holds one
/// complete set.
struct PublishJob: StageJob {
  let name = StageName.publish
  /// Load and dedup for the report's data-quality summary.
  let upstream = [StageName.load, .dedup, .classify, .repeatUse, .welfareUse, .transitions]

  func parameters(of config: PipelineConfig) -> PublishParameters { PublishParameters(config: config) }

  /// The report lists every input file with its size and digest, and says whether the
  /// inputs are synth's.
  func inputReads(_ inputs: InputSnapshot) -> [StampKey: String]? {
    var reads = Dictionary(
      inputs.files.map { (StampKey.input($0.file.name), "\($0.entry.bytes) \($0.entry.sha256)") },
      uniquingKeysWith: { first, _ in first })
    reads[.synthetic] = String(inputs.isSynthetic)
    return reads
  }

  func run(_ input: StageInput<PublishParameters>, into outputs: inout StageOutputs) throws {
    let config = input.parameters.config
    let upstream = input.upstream
    let inputs = input.inputs!
    let classify = try upstream.read(Artefacts.classifyFigures)
    let minCell = config.publish.minCell
    let indicators = config.parameters.indicators
    let (tables, audit) = try PublishStage.publish(
      typology: classify.typology, stays: classify.stays, repeatUse: try upstream.read(Artefacts.repeatUse),
      welfare: try upstream.read(Artefacts.welfareUse), transitions: try upstream.read(Artefacts.transitions),
      indicators: indicators, minCell: minCell)
    let load = try upstream.read(Artefacts.loadMeta)
    let years = load.sources.flatMap { $0.staysByYear.keys }
    let provenance = ReportProvenance(
      pipeline: config.name, programVersion: ProgramVersion.current, specVersion: ProgramVersion.spec,
      window: ("\(config.parameters.window.from)", "\(config.parameters.window.to)"),
      dataYears: years.min().map { ($0, years.max()!) }, synthetic: inputs.isSynthetic)
    let folder = outputs.folder
    try writeTables(
      tables, to: folder + "/tables", pipeline: config.name, minCell: minCell, indicators: indicators,
      formats: config.publish.formats, csvDialect: config.publish.csvDialect, provenance: provenance)
    try AtomicFile.write(audit.record(tables: tables.map(\.name)).rendered(), to: folder + "/disclosure.json")
    let report = renderReport(
      tables: tables, parameters: config.effectiveSettings.map { ($0.name, $0.value) },
      inputs: inputs.files.map { ($0.file.name, $0.entry.bytes, $0.entry.sha256) }, provenance: provenance,
      quality: reportQuality(load: load, dedup: try upstream.read(Artefacts.dedupQuality), warnings: input.warnings))
    try AtomicFile.write(report, to: folder + "/report.html")
  }

  func install(paths: OutputPaths) throws {
    let folder = paths.stage(name.rawValue)
    let staging = paths.folder + "/.tables.staging"
    try AtomicDirectory.removeTree(staging)
    try AtomicDirectory.create(staging)
    for file in try FileManager.default.contentsOfDirectory(atPath: folder + "/tables").sorted() {
      try FileManager.default.copyItem(atPath: folder + "/tables/" + file, toPath: staging + "/" + file)
    }
    try AtomicDirectory.replace(paths.tables, with: staging)
    for (file, destination) in [("report.html", paths.report), ("disclosure.json", paths.disclosure)] {
      try AtomicFile.write(to: destination) { temporary in
        try FileManager.default.copyItem(atPath: folder + "/" + file, toPath: temporary)
      }
    }
  }

  /// The installed tables and report must be the ones the stamp recorded.
  func externalStaleness(paths: OutputPaths) -> String? {
    guard let stamp = StageStamp.read(from: paths.stage(name.rawValue)) else { return nil }
    let installed = Set(
      ((try? FileManager.default.contentsOfDirectory(atPath: paths.tables)) ?? []).map { "tables/" + $0 })
    let expected = Set(stamp.outputs.keys.filter { $0.hasPrefix("tables/") })
    guard installed == expected else { return "published tables are missing or were changed" }
    // By content, not size alone: the manifest lists their SHA-256, and a run killed after
    // the stage folder was committed but before the tables were swapped in leaves the
    // previous tables, which a size check would call up to date when the sizes agree.
    for name in expected.sorted() + ["report.html", "disclosure.json"] {
      let path = paths.folder + "/" + name
      let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
      guard let recorded = stamp.outputs[name], size == recorded.bytes,
        (try? Hashing.sha256(fileAt: path)) == recorded.sha256
      else { return "published \(name) is missing or was changed" }
    }
    return nil
  }

  /// The figures of `quality.json` for the report (without the typology fallback, which
  /// the report's parameters already show).
  private func reportQuality(load: LoadMeta, dedup: DedupQuality, warnings: [String]) -> ReportQuality {
    ReportQuality(
      sources: load.sources.map {
        .init(
          name: $0.name, rowsRead: $0.rowsRead, accepted: $0.accepted, rejected: $0.rejected,
          filtered: $0.filtered.values.reduce(0, +))
      },
      dedup: dedupCounts(load: load, dedup: dedup).map { ($0.label, $0.count) }, warnings: warnings)
  }
}

/// What publish reads of the pipeline file: all of it, since the report lists every
/// effective setting (otherwise a setting that leaves the upstream results
/// byte-identical would leave a report showing its old value).
struct PublishParameters: SettingsRepresentable {
  let config: PipelineConfig

  var settings: [(name: String, value: String)] { config.effectiveSettings.map { ($0.name, $0.value) } }
}
