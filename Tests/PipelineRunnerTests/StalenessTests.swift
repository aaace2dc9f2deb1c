import Foundation
import PipelineCore
import RegisterIO
import RegisterModel
import XCTest

@testable import PipelineRunner

/// Which stages go stale when one setting of the pipeline file changes: every effective
/// setting of the edge fixture is changed in turn, after a full run, and `status()` must
/// name the setting for exactly the stages the table below says read it; the others
/// downstream of them are stale through their upstream, the rest up to date.
final class StalenessTests: TemporaryFolderCase {
  private static let pipeline = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/edge/pipeline.yaml").path

  /// The stages that read each setting, by its name in `effectiveSettings` (a source's
  /// settings by their key after `sources.<name>.`). Publish reads every setting: the
  /// report lists them all.
  private static let readers: [String: Set<StageName>] = {
    let load: Set<StageName> = [.load, .publish]
    let classify: Set<StageName> = [.classify, .publish]
    let repeatUse: Set<StageName> = [.repeatUse, .publish]
    let window: Set<StageName> = [.classify, .repeatUse, .welfareUse, .transitions, .publish]
    var readers: [String: Set<StageName>] = [
      "window.from": window, "window.to": window,
      "censor_date": [.load, .repeatUse, .transitions, .publish],
      "sources": load, "parameters.id_format": load, "parameters.max_reject_share": load,
      "parameters.episode_gap_days": classify, "parameters.typology.method": classify,
      "parameters.typology.episodic_min_episodes": classify, "parameters.typology.long_min_nights": classify,
      "parameters.duration_bands": classify, "parameters.planned_exit_codes": classify,
      "parameters.repeat_bins": repeatUse, "parameters.lookback_years": repeatUse,
      "parameters.return_horizons": repeatUse,
      "parameters.transition_horizons": [.transitions, .publish],
      "parameters.indicators": [.welfareUse, .publish],
      "publish.min_cell": [.publish], "publish.formats": [.publish], "publish.csv_dialect": [.publish],
    ]
    for key in ["kind", "files", "format", "delimiter", "encoding", "date_format", "extract_date", "columns"] {
      readers["sources." + key] = load
    }
    readers["sources.service"] = load
    readers["sources.codes"] = load
    return readers
  }()

  func testEachSettingMakesExactlyItsReadersStale() throws {
    let config = try PipelineConfig.load(path: Self.pipeline)
    var options = RunOptions()
    options.outputRoot = temporary + "/out"
    options.quiet = true
    try PipelineRun(config: config, options: options).run()

    var checked = 0
    for setting in config.effectiveSettings where setting.name != "pipeline" {
      var changed = config
      let readerKey = try XCTUnwrap(change(setting.name, in: &changed), "no change written for \(setting.name)")
      XCTAssertNotEqual(
        changed.effectiveSettings.first { $0.name == setting.name }?.value, setting.value, setting.name)
      let readers = try XCTUnwrap(Self.readers[readerKey], "no readers listed for \(setting.name)")
      let shortName = setting.name.hasPrefix("parameters.") ? String(setting.name.dropFirst(11)) : setting.name
      let status = try PipelineRun(config: changed, options: options).status()
      var stale: Set<StageName> = []
      for (stage, reason) in status {
        if readers.contains(stage) {
          XCTAssertEqual(reason, "parameter \(shortName) changed", "\(setting.name): \(stage.rawValue)")
          stale.insert(stage)
        } else if let reason {
          XCTAssertTrue(reason.hasPrefix("upstream stage "), "\(setting.name): \(stage.rawValue): \(reason)")
          stale.insert(stage)
        }
      }
      XCTAssertEqual(stale, downstreamClosure(of: readers), setting.name)
      checked += 1
    }
    XCTAssertEqual(checked, config.effectiveSettings.count - 1)

    // The pipeline's name is its output folder: a new name starts from nothing.
    var renamed = config
    renamed.name = "edge2"
    XCTAssertEqual(
      try PipelineRun(config: renamed, options: options).status().map(\.staleReason),
      Array(repeating: "no previous result", count: 7))
  }

  /// The stages that read each stage's results, directly or through others, with it.
  private func downstreamClosure(of stages: Set<StageName>) -> Set<StageName> {
    var result = stages
    for job in StageJobs.all where job.upstream.contains(where: result.contains) { result.insert(job.name) }
    return result
  }

  /// Changes the setting `name` in `config`; returns its key in `readers`, or nil when the
  /// test does not know the setting (a new setting must be added here and to `readers`).
  private func change(_ name: String, in config: inout PipelineConfig) -> String? {
    let parts = name.split(separator: ".").map(String.init)
    if parts[0] == "sources", parts.count > 2, let s = config.sources.firstIndex(where: { $0.name == parts[1] }) {
      let key = parts[2]
      var source = config.sources[s]
      switch key {
      case "kind": source.kind = source.kind == .services ? .persons : .services
      case "files": source.files = source.files.map { "./" + $0 }
      case "format": source.format = source.format == .delimited ? .auto : .delimited
      case "delimiter": source.delimiter = source.delimiter == .byte(9) ? .auto : .byte(9)
      case "encoding": source.statedEncoding = (source.statedEncoding ?? source.encoding) == .utf8 ? .latin1 : .utf8
      case "date_format": source.dateFormat = source.dateFormat == .iso ? .dmy : .iso
      case "extract_date": source.extractDate = config.parameters.censorDate + 1
      case "columns": source.columns[CanonicalColumn(rawValue: parts[3])!] = "OTHER"
      case "service": source.service = "another"
      case "codes": source.codes = ["DZ"]
      default: return nil
      }
      config.sources[s] = source
      return "sources." + key
    }
    var p = config.parameters
    switch name {
    case "window.from": p.window.from = p.window.from + 1
    case "window.to": p.window.to = p.window.to - 1
    case "censor_date": p.censorDate = p.censorDate + 1
    case "sources": config.sources.swapAt(3, 4)
    case "parameters.id_format": p.idFormat = p.idFormat == .cpr ? .opaque : .cpr
    case "parameters.episode_gap_days": p.episodeGapDays += 1
    case "parameters.typology.method": p.typology.method = p.typology.method == .rules ? .kmeans : .rules
    case "parameters.typology.episodic_min_episodes": p.typology.episodicMinEpisodes += 1
    case "parameters.typology.long_min_nights": p.typology.longMinNights += 1
    case "parameters.duration_bands": p.durationBands.append(730)
    case "parameters.repeat_bins": p.repeatBins.append(10)
    case "parameters.lookback_years": p.lookbackYears += 1
    case "parameters.return_horizons": p.returnHorizons.append(1095)
    case "parameters.transition_horizons": p.transitionHorizons.append(730)
    case "parameters.planned_exit_codes": p.plannedExitCodes.append("2")
    case "parameters.max_reject_share": p.maxRejectShare /= 2
    case _ where name.hasPrefix("parameters.indicators."):
      let i = p.indicators.firstIndex { "parameters.indicators." + $0.name == name }!
      p.indicators[i].services.removeLast()
      config.parameters = p
      return "parameters.indicators"
    case "publish.min_cell": config.publish.minCell += 1
    case "publish.formats": config.publish.formats.append(.xlsx)
    case "publish.csv_dialect":
      config.publish.csvDialect = config.publish.csvDialect == .standard ? .excelDanish : .standard
    default: return nil
    }
    config.parameters = p
    return name
  }
}
