import RegisterModel
import XCTest

@testable import PublishStage

final class TablesStaysTests: XCTestCase {
  func testStayDurationHasBandsThenTotalPerYearAscending() throws {
    let table = try stayDurationTable(Fixtures.stays)
    XCTAssertEqual(
      table.keys.prefix(7),
      [
        "year=2019 band=1-30", "year=2019 band=31-90", "year=2019 band=91-180", "year=2019 band=181-365",
        "year=2019 band=366+", "year=2019 band=total", "year=2020 band=1-30",
      ])
    XCTAssertEqual(table.rows.count, 12)
    XCTAssertEqual(table.texts("stays").prefix(6), ["10", "4", "0", "6", "2", "22"])
    XCTAssertEqual(table.texts("share").prefix(6), ["0.4545", "0.1818", "0.0000", "0.2727", "0.0909", "1.0000"])
    // 2020 has no completed stays: zero counts, empty shares.
    XCTAssertEqual(table.texts("stays").suffix(6), ["0", "0", "0", "0", "0", "0"])
    XCTAssertEqual(table.texts("share").suffix(6), ["", "", "", "", "", ""])
  }

  func testBandsThatDoNotAddUpAreAnError() {
    let figures = StayFigures(
      bandLabels: ["1-30", "31+"],
      years: [
        StayYearFigures(year: 2019, bandCounts: [1, 1], completedStays: 3, over90: 0, over120: 0, plannedExits: 0)
      ])
    XCTAssertThrowsError(try stayDurationTable(figures))
  }

  func testStayThresholds() {
    let table = stayThresholdsTable(Fixtures.stays)
    XCTAssertEqual(table.keys, ["year=2019", "year=2020"])
    XCTAssertEqual(
      table.columns.map(\.name),
      [
        "year", "completed_stays", "over_90", "share_over_90", "over_120", "share_over_120", "planned_exits",
        "share_planned",
      ])
    XCTAssertEqual(
      table.rows.indices.map { row in table.columns.indices.map { table.text(row: row, column: $0)! } },
      [["2019", "22", "8", "0.3636", "7", "0.3182", "9", "0.4091"], ["2020", "0", "0", "", "0", "", "0", ""]])
  }
}
