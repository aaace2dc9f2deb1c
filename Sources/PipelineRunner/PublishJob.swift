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

  /// Besides its own settings, the report lists every effective setting and every input
  /// file with its digest, so publish reads them all: otherwise a setting or input that
  /// leaves the upstream results byte-identical would leave a report showing old values.
  func reads(_ run: PipelineRun) throws -> [String: String] {
    var reads = settingReads(run.config.effectiveSettings.map { ($0.name, $0.value) })
    for file in try run.inputFiles() { reads["input \(file.name)"] = "\(file.entry.bytes) \(file.entry.sha256)" }
    reads["synthetic"] = String(try isSynthetic(run))
    return reads
  }

  func run(_ run: PipelineRun, into folder: String) throws {
    let classify = try run.classifyFigures()
    let minCell = run.config.publish.minCell
    let indicators = run.config.parameters.indicators
    let (tables, audit) = try PublishStage.publish(
      typology: classify.typology, stays: classify.stays, repeatUse: try run.repeatUseFigures(),
      welfare: try run.welfareUseFigures(), transitions: try run.transitionFigures(), indicators: indicators,
      minCell: minCell)
    let load = try run.loadMeta()
    let years = load.sources.flatMap { $0.staysByYear.keys }
    let provenance = ReportProvenance(
      pipeline: run.config.name, programVersion: ProgramVersion.current, specVersion: ProgramVersion.spec,
      window: ("\(run.config.parameters.window.from)", "\(run.config.parameters.window.to)"),
      dataYears: years.min().map { ($0, years.max()!) }, synthetic: try isSynthetic(run))
    try writeTables(
      tables, to: folder + "/tables", pipeline: run.config.name, minCell: minCell, indicators: indicators,
      formats: run.config.publish.formats, csvDialect: run.config.publish.csvDialect, provenance: provenance)
    try AtomicFile.write(audit.record(tables: tables.map(\.name)).rendered(), to: folder + "/disclosure.json")
    let report = renderReport(
      tables: tables, parameters: run.config.effectiveSettings.map { ($0.name, $0.value) },
      inputs: try run.inputFiles().map { ($0.name, $0.entry.bytes, $0.entry.sha256) }, provenance: provenance,
      quality: try reportQuality(run, load: load))
    try AtomicFile.write(report, to: folder + "/report.html")
  }

  func install(_ run: PipelineRun) throws {
    let folder = run.paths.stage(name.rawValue)
    let staging = run.paths.folder + "/.tables.staging"
    try AtomicDirectory.removeTree(staging)
    try AtomicDirectory.create(staging)
    for file in try FileManager.default.contentsOfDirectory(atPath: folder + "/tables").sorted() {
      try FileManager.default.copyItem(atPath: folder + "/tables/" + file, toPath: staging + "/" + file)
    }
    try AtomicDirectory.replace(run.paths.tables, with: staging)
    for (file, destination) in [("report.html", run.paths.report), ("disclosure.json", run.paths.disclosure)] {
      try AtomicFile.write(to: destination) { temporary in
        try FileManager.default.copyItem(atPath: folder + "/" + file, toPath: temporary)
      }
    }
  }

  /// The installed tables and report must be the ones the stamp recorded.
  func externalStaleness(_ run: PipelineRun) -> String? {
    guard let stamp = StageStamp.read(from: run.paths.stage(name.rawValue)) else { return nil }
    let installed = Set(
      ((try? FileManager.default.contentsOfDirectory(atPath: run.paths.tables)) ?? []).map { "tables/" + $0 })
    let expected = Set(stamp.outputs.keys.filter { $0.hasPrefix("tables/") })
    guard installed == expected else { return "published tables are missing or were changed" }
    // By content, not size alone: the manifest lists their SHA-256, and a run killed after
    // the stage folder was committed but before the tables were swapped in leaves the
    // previous tables, which a size check would call up to date when the sizes agree.
    for name in expected.sorted() + ["report.html", "disclosure.json"] {
      let path = run.paths.folder + "/" + name
      let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
      guard let recorded = stamp.outputs[name], size == recorded.bytes,
        (try? Hashing.sha256(fileAt: path)) == recorded.sha256
      else { return "published \(name) is missing or was changed" }
    }
    return nil
  }

  /// The figures of `quality.json` for the report (without the typology fallback, which
  /// the report's parameters already show).
  private func reportQuality(_ run: PipelineRun, load: LoadMeta) throws -> ReportQuality {
    let dedup = try run.dedupQuality()
    return ReportQuality(
      sources: load.sources.map {
        .init(
          name: $0.name, rowsRead: $0.rowsRead, accepted: $0.accepted, rejected: $0.rejected,
          filtered: $0.filtered.values.reduce(0, +))
      },
      dedup: [
        ("exact duplicate stays dropped", dedup.exactDuplicates),
        ("same-start duplicate stays dropped", dedup.sameStartDuplicates),
        ("stays split at New Year stitched", dedup.newYearStitched),
        ("overlapping stays stitched", dedup.overlapsStitched),
        ("person ids repaired", load.sources.reduce(0) { $0 + $1.idsRepaired }),
        ("persons with conflicting register fields", dedup.personFieldConflicts),
      ], warnings: run.warnings)
  }

  /// Whether every input lies beside a `synth_counts.json`: the marker `regpipe synth`
  /// writes with its registers, so the report can say the data is invented.
  private func isSynthetic(_ run: PipelineRun) throws -> Bool {
    let folders = Set(try run.inputFiles().map { ($0.path as NSString).deletingLastPathComponent })
    return !folders.isEmpty && folders.allSatisfy { FileManager.default.fileExists(atPath: $0 + "/synth_counts.json") }
  }
}
