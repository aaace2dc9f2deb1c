import DedupStage
import Foundation
import LoadStage
import PipelineCore
import RegisterIO

/// The run records of SPEC 10: `manifest.json` and `quality.json` (the same bytes for
/// the same inputs and configuration) and `run.log` (timings and other run-to-run noise).
extension PipelineRun {
  func writeRecords(outcomes: [StageOutcome]) throws {
    let load = try result(Artefacts.loadMeta)
    try AtomicFile.write(try manifest(load: load).rendered(), to: paths.manifest)
    try AtomicFile.write(try quality(load: load).rendered(), to: paths.quality)
    try appendRunLog(outcomes)
  }

  private func manifest(load: LoadMeta) throws -> JSONValue {
    let reports = Dictionary(
      load.sources.flatMap { source in source.files.map { ($0.path, $0) } }, uniquingKeysWith: { a, _ in a })
    let inputs: [JSONValue] = try inputSnapshot().files.map { file in
      let report = reports[file.file.name]
      return .object([
        "source": .string(file.source), "path": .string(file.file.name), "bytes": .int(file.entry.bytes),
        "sha256": .string(file.entry.sha256), "rows_read": .int(report?.rowsRead ?? 0),
        "accepted": .int(report?.accepted ?? 0), "rejected": counts(report?.rejected ?? [:]),
      ])
    }
    let stages: [JSONValue] = StageName.allCases.map { stage in
      var hasher = StableHasher()
      let reads = (stamps[stage]?.reads ?? [:]).map { (key: $0.key.text, value: $0.value) }
      for (key, value) in reads.sorted(by: { $0.key < $1.key }) { hasher.add(key, value) }
      return .object(["stage": .string(stage.rawValue), "input_hash": .string(hasher.finalize())])
    }
    let outputs: [JSONValue] = (stamps[.publish]?.outputs ?? [:]).sorted { $0.key < $1.key }.map {
      .object(["path": .string($0.key), "bytes": .int($0.value.bytes), "sha256": .string($0.value.sha256)])
    }
    return .object([
      "pipeline": .string(config.name), "spec_version": .string(ProgramVersion.spec),
      "program_version": .string(ProgramVersion.current), "config_hash": .string(config.configurationHash),
      "inputs": .array(inputs), "stages": .array(stages), "outputs": .array(outputs),
      // What `regpipe audit` needs to audit the tables without the pipeline file.
      "min_cell": .int(config.publish.minCell),
      "indicators": .array(
        config.parameters.indicators.map { indicator in
          .object([
            "name": .string(indicator.name),
            indicator.combination.rawValue: .array(indicator.services.map { .string($0) }),
          ])
        }),
    ])
  }

  private func quality(load: LoadMeta) throws -> JSONValue {
    let dedup = try result(Artefacts.dedupQuality)
    let classify = try result(Artefacts.classifyFigures)
    let sources: [JSONValue] = load.sources.map { source in
      .object([
        "name": .string(source.name), "rows_read": .int(source.rowsRead), "accepted": .int(source.accepted),
        "rejected": .int(source.rejectedTotal), "rejected_by_reason": counts(source.rejected),
        "filtered_by_reason": counts(source.filtered), "ids_repaired": .int(source.idsRepaired),
      ])
    }
    return .object([
      "pipeline": .string(config.name),
      "sources": .array(sources),
      "dedup": .object(dedupCounts(load: load, dedup: dedup).map { JSONMember($0.key, .int($0.count)) }),
      "classify": .object([
        "typology_method": .string(config.parameters.typology.method.rawValue),
        "typology_fallbacks": .int(classify.typology.fellBackToRules ? 1 : 0),
      ]),
      "warnings": .array(warnings.map { .string($0) }),
    ])
  }

  private func counts(_ byReason: [String: Int]) -> JSONValue {
    .object(byReason.sorted { $0.key < $1.key }.map { JSONMember($0.key, .int($0.value)) })
  }

  func appendRunLog(_ outcomes: [StageOutcome]) throws {
    let stamp = ISO8601DateFormatter().string(from: Date())
    var text = "\(stamp) regpipe \(ProgramVersion.current) run \(config.name)\n"
    for outcome in outcomes { text += "\(stamp)   \(outcome.line) \(String(format: "%.2f", outcome.seconds))s\n" }
    let handle =
      FileHandle(forWritingAtPath: paths.runLog)
      ?? {
        _ = FileManager.default.createFile(atPath: paths.runLog, contents: nil)
        return FileHandle(forWritingAtPath: paths.runLog)!
      }()
    // The throwing calls: Foundation's `write(_:)` is `try!` inside, so a full disk (or a
    // file-size limit) at this point killed regpipe with SIGILL after the tables were out.
    do {
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(text.utf8))
      try handle.close()
    } catch {
      let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
      let cause = underlying.map { String(cString: strerror(Int32($0.code))) } ?? "\(error)"
      throw RunError("\(paths.runLog): cannot append to the run log: \(cause)")
    }
  }
}

/// Dedup's counts (with the ids load repaired) as `quality.json` names them and the
/// report labels them, in the same order.
func dedupCounts(load: LoadMeta, dedup: DedupQuality) -> [(key: String, label: String, count: Int)] {
  [
    ("exact_duplicates", "exact duplicate stays dropped", dedup.exactDuplicates),
    ("same_start_duplicates", "same-start duplicate stays dropped", dedup.sameStartDuplicates),
    ("new_year_splits_stitched", "stays split at New Year stitched", dedup.newYearStitched),
    ("overlaps_stitched", "overlapping stays stitched", dedup.overlapsStitched),
    ("ids_repaired", "person ids repaired", load.sources.reduce(0) { $0 + $1.idsRepaired }),
    ("person_field_conflicts", "persons with conflicting register fields", dedup.personFieldConflicts),
  ]
}
