import RegisterModel
import XCTest

@testable import PublishStage

final class TablesRepeatUseTests: XCTestCase {
  private func texts(_ table: Table) -> [[String]] {
    table.rows.indices.map { row in table.columns.indices.map { table.text(row: row, column: $0)! } }
  }

  func testYearlyUsers() {
    let table = yearlyUsersTable(Fixtures.repeatUse)
    XCTAssertEqual(
      texts(table),
      [
        // 2000/30, 50/30; returning users not reported → empty.
        ["2019", "30", "50", "2000", "66.7", "1.7", "", ""],
        ["2020", "4", "9", "100", "25.0", "2.3", "1", "0.2500"],
      ])
    // SPEC 9.2, 6: returning_users ≤ users in 2020 only (2019 does not report it).
    XCTAssertEqual(relations(of: [table], context: RelationContext(indicators: [])).map(\.family), [6])
  }

  func testRepeatUseHasBinsThenTheYearsUsers() throws {
    let table = try repeatUseTable(Fixtures.repeatUse)
    XCTAssertEqual(
      table.keys,
      [
        "year=2019 bin=1", "year=2019 bin=2-4", "year=2019 bin=5+", "year=2019 bin=total",
        "year=2020 bin=1", "year=2020 bin=2-4", "year=2020 bin=5+", "year=2020 bin=total",
      ])
    XCTAssertEqual(
      table.texts("share"), ["0.6667", "0.2333", "0.1000", "1.0000", "0.5000", "0.5000", "0.0000", "1.0000"])
  }

  func testReturnsColumnsComeFromTheHorizons() throws {
    let table = try returnsTable(Fixtures.repeatUse)
    XCTAssertEqual(
      table.columns.map(\.name),
      ["year", "exits", "returns_0_180", "returns_181_365", "returns_366_730", "share_returned", "follow_up_complete"])
    XCTAssertEqual(
      texts(table), [["2019", "12", "3", "2", "1", "0.5000", "true"], ["2020", "0", "0", "0", "0", "", "false"]])
  }

  func testBinsThatDoNotAddUpAreAnError() {
    var figures = Fixtures.repeatUse
    figures.years[0].binCounts = [20, 7, 4]
    XCTAssertThrowsError(try repeatUseTable(figures))
  }
}
