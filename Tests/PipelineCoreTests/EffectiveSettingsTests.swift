import PipelineCore
import XCTest

final class EffectiveSettingsTests: XCTestCase {
  func testCanonicalDescriptionOfTheMinimalPipelineShowsEveryDefault() throws {
    let config = try Fixtures.parse(Fixtures.minimal)
    XCTAssertEqual(
      config.canonicalDescription,
      """
      pipeline = "small"
      window.from = 2020-01-01
      window.to = 2020-12-31
      censor_date = 2021-06-30
      sources = ["stays"]
      sources.stays.kind = stays
      sources.stays.files = ["stays.csv"]
      sources.stays.delimiter = auto
      sources.stays.encoding = utf8
      sources.stays.date_format = auto
      sources.stays.extract_date = none
      sources.stays.columns.person_id = "PNR"
      sources.stays.columns.institution_id = "INST"
      sources.stays.columns.start = "START"
      sources.stays.columns.end = "END"
      parameters.id_format = cpr
      parameters.episode_gap_days = 30
      parameters.typology.method = kmeans
      parameters.typology.episodic_min_episodes = 4
      parameters.typology.long_min_nights = 180
      parameters.duration_bands = [30, 90, 180, 365]
      parameters.repeat_bins = [1, 2, 5]
      parameters.lookback_years = 2
      parameters.return_horizons = [180, 365, 730]
      parameters.transition_horizons = [30, 90, 365]
      parameters.planned_exit_codes = ["1"]
      parameters.max_reject_share = 0.01
      publish.min_cell = 5
      publish.formats = [csv, json]
      publish.csv_dialect = standard

      """)
    XCTAssertEqual(config.configurationHash, try Fixtures.parse(Fixtures.minimal).configurationHash)
  }

  func testWrittenDefaultsHashLikeLeftOutOnes() throws {
    let explicit = Fixtures.minimal + "parameters: {episode_gap_days: 30, id_format: cpr}\npublish: {min_cell: 5}\n"
    let baseline = try Fixtures.parse(Fixtures.minimal).configurationHash
    XCTAssertEqual(try Fixtures.parse(explicit).configurationHash, baseline)
    let changed = Fixtures.minimal + "parameters: {episode_gap_days: 31}\n"
    XCTAssertNotEqual(try Fixtures.parse(changed).configurationHash, baseline)
  }

  func testParameterReadsPerStage() throws {
    let config = try Fixtures.parse(Fixtures.specExample)
    let names = { (stage: StageName) in config.parameterReads(for: stage).map(\.0) }
    XCTAssertEqual(names(.dedup), [])
    XCTAssertEqual(
      names(.classify),
      [
        "window.from", "window.to", "censor_date", "parameters.episode_gap_days", "parameters.typology.method",
        "parameters.typology.episodic_min_episodes", "parameters.typology.long_min_nights",
        "parameters.duration_bands", "parameters.planned_exit_codes",
      ])
    XCTAssertEqual(
      names(.repeatUse),
      [
        "window.from", "window.to", "censor_date", "parameters.repeat_bins", "parameters.lookback_years",
        "parameters.return_horizons",
      ])
    XCTAssertEqual(
      names(.welfareUse),
      [
        "window.from", "window.to", "censor_date", "parameters.indicators.psych_and_substance",
        "parameters.indicators.psych_or_substance",
      ])
    XCTAssertEqual(
      names(.transitions), ["window.from", "window.to", "censor_date", "parameters.transition_horizons"])
    XCTAssertEqual(names(.publish), ["pipeline", "publish.min_cell", "publish.formats", "publish.csv_dialect"])

    let load = config.parameterReads(for: .load)
    XCTAssertEqual(load.first.map { [$0.0, $0.1] }, ["censor_date", "2023-12-31"])
    XCTAssertEqual(load.map(\.0).suffix(2), ["parameters.id_format", "parameters.max_reject_share"])
    let values = Dictionary(uniqueKeysWithValues: load)
    XCTAssertEqual(values["sources"], #"["boform110", "population", "psychiatry", "substance"]"#)
    XCTAssertEqual(values["sources.boform110.delimiter"], #"";""#)
    XCTAssertEqual(values["sources.boform110.encoding"], "latin1")
    XCTAssertEqual(values["sources.boform110.extract_date"], "2023-12-31")
    XCTAssertEqual(values["sources.boform110.columns.exit_reason"], #""UDSKRIVNING""#)
    XCTAssertEqual(values["sources.psychiatry.service"], #""psychiatric""#)
    XCTAssertEqual(values["sources.psychiatry.codes"], #"["DF2", "DF3", "DF4", "DF5", "DF6", "DF7", "DF8", "DF9"]"#)
    XCTAssertEqual(
      config.parameterReads(for: .welfareUse).last.map { $0.1 }, #"any_of ["psychiatric", "substance"]"#)
  }

  func testEveryStageIsNamedAsInTheSpec() {
    XCTAssertEqual(
      StageName.allCases.map(\.rawValue),
      [
        "load", "dedup", "classify", "repeat_use", "welfare_use", "transitions", "publish",
      ])
  }
}
