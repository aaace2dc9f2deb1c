import XCTest

@testable import PublishStage

/// A small table with a label to quote, a share, a mean, an empty share and, with
/// min_cell 5, a suppressed count whose mean is suppressed with it.
func smallTable(persons: Int = 12, share: Cell = .ratio(1, 3)) -> Table {
  var builder = TableBuilder(
    name: "small",
    columns: [Column("region", .text), Column("persons", .count), Column("share", .share), Column("mean", .mean),
              Column("complete", .bool)])
  builder.append([.text("Region \"Nord\", DK"), .int(persons), share, .ratio(9, 4), .bool(true)])
  builder.append([.text("total"), .int(3), .empty, .ratio(5, 2), .bool(false)])
  builder.derive(1, "mean", from: [builder.address(1, "persons")])
  var tables = [builder.build()]
  _ = try! applyDisclosureControl(&tables, minCell: 5, context: RelationContext(indicators: []))
  return tables[0]
}

final class TableCSVTests: XCTestCase {
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
