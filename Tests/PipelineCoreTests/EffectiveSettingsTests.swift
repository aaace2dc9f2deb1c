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

  func testEveryStageIsNamedAsInTheSpec() {
    XCTAssertEqual(
      StageName.allCases.map(\.rawValue),
      [
        "load", "dedup", "classify", "repeat_use", "welfare_use", "transitions", "publish",
      ])
  }
}
