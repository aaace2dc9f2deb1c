import RegisterModel
import XCTest

@testable import PipelineCore

final class AnalysisParametersYAMLTests: XCTestCase {
  private static let services = """
      - name: psychiatry
        kind: services
        service: psychiatric
        files: p.csv
        columns: {person_id: PNR, start: D}
      - name: misuse
        kind: services
        service: substance
        files: s.csv
        columns: {person_id: PNR, start: D}

    """

  /// A pipeline with two services sources; `tail` starts on line 15.
  private func yaml(_ tail: String) -> String { Fixtures.minimal(sources: Self.services) + tail }

  func testParametersOverrideDefaults() throws {
    let config = try Fixtures.parse(
      yaml(
        """
        parameters:
          id_format: opaque
          typology: {method: rules}
          repeat_bins: [1, 3, 6]
          planned_exit_codes: [1, "02"]
          max_reject_share: 0
          indicators:
            both: {all_of: [substance, psychiatric]}
        publish: {formats: [json]}

        """))
    let p = config.parameters
    XCTAssertEqual(p.idFormat, .opaque)
    XCTAssertEqual(p.typology, TypologyParameters(method: .rules, episodicMinEpisodes: 4, longMinNights: 180))
    XCTAssertEqual(p.repeatBins, [1, 3, 6])
    XCTAssertEqual(p.plannedExitCodes, ["1", "02"])
    XCTAssertEqual(p.maxRejectShare, 0)
    XCTAssertEqual(
      p.indicators, [Indicator(name: "both", combination: .allOf, services: ["substance", "psychiatric"])])
    XCTAssertEqual(config.publish, PublishConfig(minCell: 5, formats: [.json]))
  }

  func testWrongTypesAndRanges() {
    XCTAssertEqual(
      Fixtures.problems(
        yaml(
          """
          parameters:
            id_format: CPR
            episode_gap_days: thirty
            lookback_years: 0
            planned_exit_codes: "1"
            max_reject_share: lots
            typology: {method: hierarchical, long_min_nights: 1.5, episodic_min: 4}

          """)),
      [
        "p.yaml:16: 'id_format' in parameters must be one of cpr, opaque; got 'CPR'; did you mean 'cpr'?",
        "p.yaml:17: 'episode_gap_days' in parameters must be an integer, got 'thirty'",
        "p.yaml:18: 'lookback_years' in parameters must be at least 1, got 0",
        "p.yaml:19: 'planned_exit_codes' in parameters must be a list, got '1'",
        "p.yaml:20: 'max_reject_share' in parameters must be a number, got 'lots'",
        "p.yaml:21: unknown key 'episodic_min' in typology; did you mean 'episodic_min_episodes'?",
        "p.yaml:21: 'method' in typology must be one of rules, kmeans; got 'hierarchical'",
        "p.yaml:21: 'long_min_nights' in typology must be an integer, got '1.5'",
      ])
  }

  func testBandsBinsAndHorizonsMustAscend() {
    XCTAssertEqual(
      Fixtures.problems(
        yaml(
          """
          parameters:
            duration_bands: [30, 20]
            repeat_bins: [2, 5]
            return_horizons: [0, 365]
            episode_gap_day: 3

          """)),
      [
        "p.yaml:16: 'duration_bands' in parameters must be ascending positive integers, got [30, 20]",
        "p.yaml:17: 'repeat_bins' in parameters must start at 1 (every user has a stay), got 2",
        "p.yaml:18: each entry of 'return_horizons' in parameters must be at least 1, got 0",
        "p.yaml:19: unknown key 'episode_gap_day' in parameters; did you mean 'episode_gap_days'?",
      ])
  }

  func testIndicatorsNameDefinedServices() {
    XCTAssertEqual(
      Fixtures.problems(
        yaml(
          """
          parameters:
            indicators:
              x: {all_of: [psyk, substance]}
              y: {any_of: [psychiatrc]}
              z: {al_of: [substance]}
              w: [substance]
              v: {all_of: [substance], any_of: [substance]}
              psychiatric: {any_of: [substance]}
              u: {any_of: []}

          """)),
      [
        "p.yaml:17: unknown service 'psyk' in indicator 'x'; services are: psychiatric, substance",
        "p.yaml:18: unknown service 'psychiatrc' in indicator 'y'; did you mean 'psychiatric'? "
          + "services are: psychiatric, substance",
        "p.yaml:19: unknown key 'al_of' in indicator 'z'; did you mean 'all_of'?",
        "p.yaml:20: indicator 'w' must be {all_of: [...]} or {any_of: [...]}, got a list",
        "p.yaml:21: indicator 'v' must be {all_of: [...]} or {any_of: [...]}, not both",
        "p.yaml:22: indicator 'psychiatric' has the name of a service",
        "p.yaml:23: 'any_of' in indicator 'u' must list at least one service",
      ])
  }

  func testPublishProblems() {
    XCTAssertEqual(
      Fixtures.problems(
        yaml(
          """
          publish:
            min_cell: five
            formats: [csv, xls]
            format: [csv]
            csv_dialect: excel

          """)),
      [
        "p.yaml:16: 'min_cell' in publish must be an integer, got 'five'",
        "p.yaml:17: each entry of 'formats' in publish must be one of csv, json, xlsx; got 'xls'; did you mean 'xlsx'?",
        "p.yaml:18: unknown key 'format' in publish; did you mean 'formats'?",
        "p.yaml:19: 'csv_dialect' in publish must be one of standard, 'excel-da'; got 'excel'; did you mean 'excel-da'?",
      ])
    XCTAssertEqual(
      try Fixtures.parse(yaml("publish: {formats: [xlsx, csv], csv_dialect: excel-da}\n")).publish,
      PublishConfig(minCell: 5, formats: [.xlsx, .csv], csvDialect: .excelDanish))
    XCTAssertEqual(
      Fixtures.problems(yaml("publish: {formats: []}\n")),
      [
        "p.yaml:15: 'formats' in publish must list at least one format"
      ])
    XCTAssertEqual(
      Fixtures.problems(yaml("publish: {formats: [csv, csv]}\n")),
      [
        "p.yaml:15: 'formats' in publish lists a format twice"
      ])
  }
}
