import XCTest

@testable import PublishStage

final class TableBuilderTests: XCTestCase {
  func testRelationsAreOrderedKindByKindThenByTheRowOfTheirFirstPart() {
    var builder = TableBuilder(name: "t", columns: [Column("label", .text), Column("persons", .count)])
    for label in ["a", "b", "c", "d"] { builder.append([.text(label), .int(1)]) }
    builder.relate("second kind", parts: [1], total: 3, column: "persons")
    builder.relate("first kind", parts: [2], total: 3, column: "persons")
    builder.relate("second kind", parts: [0], total: 3, column: "persons")
    builder.relate("first kind", parts: [0], total: 3, column: "persons")
    let table = builder.build()
    XCTAssertEqual(table.relations.map(\.kind), ["second kind", "second kind", "first kind", "first kind"])
    XCTAssertEqual(table.relations.map { $0.parts[0].row }, [0, 1, 0, 2])
    XCTAssertEqual(table.relations[0].total, CellAddress(table: "t", row: 3, column: 1))
  }

  func testDerivationsAddressTheirCells() {
    var builder = TableBuilder(name: "t", columns: [Column("persons", .count), Column("share", .share)])
    builder.append([.int(1), .ratio(1, 1)])
    builder.derive(0, "share", from: [builder.address(0, "persons")])
    XCTAssertEqual(
      builder.build().derivations,
      [Derivation(cell: CellAddress(table: "t", row: 0, column: 1), sources: [CellAddress(table: "t", row: 0, column: 0)])])
  }
}
