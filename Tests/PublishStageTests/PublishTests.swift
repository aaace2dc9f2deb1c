import Foundation
import RegisterModel
import XCTest

@testable import PublishStage

final class PublishTests: XCTestCase {
  func testTheThirteenTablesInSpecOrder() throws {
    XCTAssertEqual(
      try Fixtures.tables().map(\.name),
      [
        "typology", "stay_duration", "stay_thresholds", "yearly_users", "repeat_use", "returns", "welfare_use",
        "typology_by_region", "typology_by_sex_age", "stay_thresholds_quarterly", "yearly_users_by_sex_age",
        "typology_by_municipality", "transitions",
      ])
  }

  func testTypologyAfterDisclosureControl() throws {
    XCTAssertEqual(
      try Fixtures.tables()[named: "typology"].csv(),
      """
      group,persons,share_persons,mean_stays,mean_episodes,mean_nights,nights_per_episode,total_nights,share_nights,suppressed
      short,40,0.6349,1.3,1.1,22.5,20.0,900,0.1084,
      episodic,,,,,,,,,persons|share_persons|mean_stays|mean_episodes|mean_nights|nights_per_episode|total_nights|share_nights
      long,,,,,,,,,persons|share_persons|mean_stays|mean_episodes|mean_nights|nights_per_episode|total_nights|share_nights
      total,63,1.0000,1.9,1.3,131.7,102.5,8300,1.0000,

      """)
  }

  /// Figures without the quarters of every year would give an incomplete grid: an error.
  func testMissingQuartersAreAnError() {
    let stays = StayFigures(bandLabels: Fixtures.stays.bandLabels, years: Fixtures.stays.years)
    XCTAssertThrowsError(try stayThresholdsQuarterlyTable(stays)) {
      XCTAssertEqual(
        $0 as? PublishError, PublishError("stay_thresholds_quarterly quarters: 0 values where 8 were expected"))
    }
  }

  func testAMinCellOfOneSuppressesNothing() throws {
    XCTAssertEqual(try Fixtures.tables(minCell: 1).map(\.suppressedCellCount), Array(repeating: 0, count: 13))
  }

  func testWriteTablesWritesEachFormatAtomically() throws {
    let parent = NSTemporaryDirectory() + "publish-write-" + UUID().uuidString
    let folder = parent + "/tables"
    defer { try? FileManager.default.removeItem(atPath: parent) }
    let tables = try Fixtures.tables()
    let paths = try writeTables(tables, to: folder, pipeline: "demo", minCell: 5)
    XCTAssertEqual(paths.count, 26)
    XCTAssertEqual(paths.prefix(2), [folder + "/typology.csv", folder + "/typology.json"])
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted(),
      tables.flatMap { [$0.name + ".csv", $0.name + ".json"] }.sorted())
    XCTAssertEqual(try String(contentsOfFile: folder + "/returns.csv", encoding: .utf8), tables[named: "returns"].csv())
    XCTAssertEqual(
      try String(contentsOfFile: folder + "/returns.json", encoding: .utf8),
      tables[named: "returns"].json(pipeline: "demo", minCell: 5))
  }
}
