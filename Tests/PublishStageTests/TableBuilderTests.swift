import XCTest

@testable import PublishStage

final class TableBuilderTests: XCTestCase {
  func testDerivationsAddressTheirCells() {
    var builder = TableBuilder(name: "t", columns: [Column("persons", .count), Column("share", .share)])
    builder.append([.int(1), .ratio(1, 1)])
    builder.derive(0, "share", from: [builder.address(0, "persons")])
    XCTAssertEqual(
      builder.build().derivations,
      [
        Derivation(
          cell: CellAddress(table: "t", row: 0, column: 1), sources: [CellAddress(table: "t", row: 0, column: 0)])
      ])
  }
}
