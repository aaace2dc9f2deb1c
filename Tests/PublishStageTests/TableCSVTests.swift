import XCTest

@testable import PublishStage

/// A small table with a label to quote, a share, a mean, an empty share and, with
/// min_cell 5, a suppressed count whose mean is suppressed with it.
func smallTable(persons: Int = 12, share: Cell = .ratio(1, 3)) -> Table {
  var builder = TableBuilder(
    name: "small",
    columns: [
      Column("region", .text), Column("persons", .count), Column("share", .share), Column("mean", .mean),
      Column("complete", .bool),
    ])
  builder.append([.text("Region \"Nord\", DK"), .int(persons), share, .ratio(9, 4), .bool(true)])
  builder.append([.text("total"), .int(3), .empty, .ratio(5, 2), .bool(false)])
  builder.derive(1, "mean", from: [builder.address(1, "persons")])
  var tables = [builder.build()]
  _ = try! applyDisclosureControl(&tables, minCell: 5, context: RelationContext(indicators: []))
  return tables[0]
}

/// Labels Excel would convert (`2-4`, `5+`), a not-reported share and a share of 0.
func bandTable() -> Table {
  var builder = TableBuilder(
    name: "bands", columns: [Column("bin", .text), Column("persons", .count), Column("share", .share)])
  builder.append([.text("2-4"), .int(40), .notReported])
  builder.append([.text("5+"), .int(12), .ratio(1, 8)])
  builder.append([.text("total"), .int(0), .quotient(0, 0)])
  return builder.build()
}

final class TableCSVTests: XCTestCase {
  /// excel-da: BOM, `;`, decimal comma, CRLF, `="2-4"` for labels starting with a digit,
  /// and quoting by `;` (a comma alone no longer needs quotes).
  func testExcelDanishBytes() {
    XCTAssertEqual(
      smallTable().csv(dialect: .excelDanish),
      "\u{FEFF}region;persons;share;mean;complete;suppressed\r\n\"Region \"\"Nord\"\", DK\";12;0,3333;2,3;true;\r\n"
        + "total;;;;false;persons|mean\r\n")
    XCTAssertEqual(
      bandTable().csv(dialect: .excelDanish),
      "\u{FEFF}bin;persons;share;suppressed\r\n\"=\"\"2-4\"\"\";40;;\r\n\"=\"\"5+\"\"\";12;0,1250;\r\ntotal;0;;\r\n")
  }

  /// Read back, both dialects give the standard records.
  func testBothDialectsReadBackAlike() {
    for table in [smallTable(), bandTable()] {
      XCTAssertEqual(CSVText.tableRecords(table.csv(dialect: .excelDanish)), CSVText.tableRecords(table.csv()))
    }
    XCTAssertEqual(CSVText.tableRecords(bandTable().csv(dialect: .excelDanish))[2], ["5+", "12", "0.1250", ""])
  }

  func testExactBytes() {
    XCTAssertEqual(
      smallTable().csv(),
      """
      region,persons,share,mean,complete,suppressed
      "Region ""Nord"", DK",12,0.3333,2.3,true,
      total,,,,false,persons|mean

      """)
  }
}
