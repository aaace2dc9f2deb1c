import XCTest

@testable import PublishStage

final class TableTests: XCTestCase {
  private let table = Table(
    name: "small",
    columns: [
      Column("year", .year), Column("band", .text), Column("stays", .count), Column("share", .share),
      Column("mean", .mean), Column("nights", .sum), Column("done", .bool),
    ],
    rows: [
      [.int(2019), .text("1-30"), .int(7), .ratio(7, 9), .ratio(9, 4), .int(12), .bool(true)],
      [.int(2019), .text("total"), .int(0), .empty, .empty, .int(0), .bool(false)],
    ])

  func testCellsRenderByColumnKind() {
    XCTAssertEqual(
      table.columns.indices.map { table.text(row: 0, column: $0) },
      ["2019", "1-30", "7", "0.7778", "2.3", "12", "true"])
    XCTAssertEqual(
      table.columns.indices.map { table.text(row: 1, column: $0) }, ["2019", "total", "0", "", "", "0", "false"])
  }

  func testSuppressedCellsHaveNoTextAndAreListedInColumnOrder() {
    var copy = table
    copy.suppressed[0][4] = true
    copy.suppressed[0][2] = true
    XCTAssertNil(copy.text(row: 0, column: 2))
    XCTAssertEqual(copy.suppressedColumns(row: 0), ["stays", "mean"])
    XCTAssertEqual(copy.suppressedCellCount, 2)
  }

  func testKeysNameTheRowByItsKeyColumns() {
    XCTAssertEqual(table.key(row: 0), "year=2019 band=1-30")
  }

  func testQuotientIsEmptyForAZeroDenominator() {
    XCTAssertEqual(Cell.quotient(3, 0), .empty)
    XCTAssertEqual(Cell.quotient(3, 4), .ratio(3, 4))
  }
}
