import Foundation
import PipelineCore
import XCTest

@testable import PipelineRunner

/// The settings each stage's parameter value holds (`StageSettings`), by reflection:
/// named and rendered as `effectiveSettings` names and renders them.
final class StageSettingsTests: XCTestCase {
  private static let config = try! PipelineConfig.load(
    path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/edge/pipeline.yaml").path)

  private func settings(_ stage: StageName) -> [(name: String, value: String)] {
    let job = StageJobs.all.first { $0.name == stage }!
    return StageSettings.of(job.parameters(of: Self.config))
  }

  func testEachStageReadsItsOwnSettings() {
    XCTAssertEqual(settings(.dedup).map(\.name), [])
    XCTAssertEqual(
      settings(.classify).map(\.name),
      [
        "window.from", "window.to", "episode_gap_days", "typology.method", "typology.episodic_min_episodes",
        "typology.long_min_nights", "duration_bands", "planned_exit_codes",
      ])
    XCTAssertEqual(
      settings(.repeatUse).map(\.name),
      ["window.from", "window.to", "censor_date", "repeat_bins", "lookback_years", "return_horizons"])
    XCTAssertEqual(
      settings(.welfareUse).map(\.name),
      [
        "window.from", "window.to", "indicators", "indicators.psych_and_substance",
        "indicators.psych_or_substance",
      ])
    XCTAssertEqual(
      settings(.transitions).map(\.name), ["window.from", "window.to", "censor_date", "transition_horizons"])
    XCTAssertEqual(settings(.publish).count, Self.config.effectiveSettings.count, "the report lists every setting")
  }

  func testValuesAreRenderedAsInTheEffectiveSettings() {
    let effective = Dictionary(uniqueKeysWithValues: Self.config.effectiveSettings.map { ($0.name, $0.value) })
    for stage in StageName.allCases {
      for (name, value) in settings(stage) where name != "indicators" {
        let full = effective[name] != nil ? name : "parameters." + name
        XCTAssertEqual(value, effective[full], "\(stage.rawValue): \(name)")
      }
    }
    let load = Dictionary(uniqueKeysWithValues: settings(.load))
    XCTAssertEqual(load["censor_date"], "2022-12-31")
    XCTAssertEqual(load["id_format"], "cpr")
    XCTAssertEqual(load["max_reject_share"], "0.2")
    XCTAssertEqual(
      load["sources"], #"["boform_a", "boform_b", "population", "psychiatry", "substance", "section85"]"#)
    XCTAssertEqual(load["sources.boform_a.delimiter"], #"";""#)
    XCTAssertEqual(load["sources.boform_a.encoding"], "latin1")
    XCTAssertEqual(load["sources.boform_b.extract_date"], "2022-06-30")
    XCTAssertEqual(load["sources.boform_a.columns.exit_reason"], #""UDSKRIVNING""#)
    XCTAssertEqual(load["sources.psychiatry.service"], #""psychiatric""#)
    XCTAssertEqual(load["sources.psychiatry.codes"], #"["DF2", "DF3"]"#)
    XCTAssertEqual(
      Dictionary(uniqueKeysWithValues: settings(.welfareUse))["indicators.psych_or_substance"],
      #"any_of ["psychiatric", "substance"]"#)
  }
}
