import Foundation
import RegisterModel
import XCTest

@testable import PublishStage

final class TablesWelfareTests: XCTestCase {
  func testWelfareUseDividesByTheTypologyGroups() throws {
    let table = try welfareUseTable(Fixtures.welfare, typology: try typologyTable(Fixtures.typology))
    XCTAssertEqual(
      table.keys,
      [
        "indicator=psychiatric group=short", "indicator=psychiatric group=episodic", "indicator=psychiatric group=long",
        "indicator=psychiatric group=total",
      ])
    // 12/40, 0/3, 8/20, 20/63
    XCTAssertEqual(table.texts("share"), ["0.3000", "0.0000", "0.4000", "0.3175"])
    XCTAssertEqual(
      table.derivations[1].sources,
      [
        CellAddress(table: "welfare_use", row: 1, column: 2), CellAddress(table: "typology", row: 1, column: 1),
      ])
  }

  func testRegionsInFigureOrderThenUnknownThenTotal() throws {
    let table = regionTable(Fixtures.welfare)
    XCTAssertEqual(
      table.texts("region").enumerated().filter { $0.offset % 4 == 0 }.map(\.element),
      ["Region Hovedstaden", "Region Sjælland", "unknown", "total"])
    XCTAssertEqual(
      table.texts("persons"),
      ["25", "2", "10", "37", "15", "1", "10", "26", "0", "0", "0", "0", "40", "3", "20", "63"])
    // Shares of the region's total: 25/37, 2/37, 10/37.
    XCTAssertEqual(table.texts("share").prefix(4), ["0.6757", "0.0541", "0.2703", "1.0000"])
    // SPEC 9.2, 3: the groups of each of the 4 regions, then the 3 regions of each of the
    // 4 groups (short, episodic, long, total).
    let found = relations(of: [table], context: RelationContext(indicators: []))
    func rows(_ relation: CountRelation) -> [Int] {
      relation.terms.map { term in
        guard case .published(let address) = term.cell else { return -1 }
        return address.row
      }
    }
    XCTAssertEqual(found.count, 8)
    XCTAssertEqual(found.prefix(4).map(rows), [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]])
    XCTAssertEqual(found.suffix(4).map(rows), [[0, 4, 8, 12], [1, 5, 9, 13], [2, 6, 10, 14], [3, 7, 11, 15]])
  }

  func testSexAgeIsACompleteGrid() throws {
    let table = try sexAgeTable(Fixtures.welfare)
    XCTAssertEqual(table.rows.count, 4 * 8 * 4)
    XCTAssertEqual(table.keys[0], "sex=M age_band=<18 group=short")
    XCTAssertEqual(table.keys[4 * 8 * 4 - 1], "sex=total age_band=total group=total")
    XCTAssertEqual(Array(Set(table.keys)).count, table.rows.count)
    func persons(_ sex: String, _ band: String, _ group: String) -> String? {
      table.texts("persons")[table.keys.firstIndex(of: "sex=\(sex) age_band=\(band) group=\(group)")!]
    }
    XCTAssertEqual(persons("M", "30-39", "episodic"), "2")
    XCTAssertEqual(persons("M", "30-39", "total"), "32")
    XCTAssertEqual(persons("M", "total", "long"), "10")
    XCTAssertEqual(persons("total", "<18", "total"), "31")
    XCTAssertEqual(persons("total", "total", "total"), "63")
    XCTAssertEqual(persons("unknown", "unknown", "short"), "0")
    // 32 (sex, band) + 16 (sex, group) + 32 (band, group) relations.
    let found = relations(of: [table], context: RelationContext(indicators: []))
    XCTAssertEqual(found.count, 80)
    XCTAssertEqual(Set(found.map(\.family)), [4])
  }

  func testUnexpectedSexOrDuplicateCellIsAnError() throws {
    let odd = #"{"sex": "K", "ageBand": "<18", "perGroup": [1, 0, 0]}"#
    XCTAssertThrowsError(try JSONDecoder().decode(SexAgeCounts.self, from: Data(odd.utf8)), "no sex K")
    let oddBand = #"{"sex": "M", "ageBand": "17-29", "perGroup": [1, 0, 0]}"#
    XCTAssertThrowsError(try JSONDecoder().decode(SexAgeCounts.self, from: Data(oddBand.utf8)), "no band 17-29")
    let unknown = #"{"sex": "unknown", "ageBand": "60+", "perGroup": [1, 0, 0]}"#
    XCTAssertEqual(
      try JSONDecoder().decode(SexAgeCounts.self, from: Data(unknown.utf8)),
      SexAgeCounts(sex: nil, ageBand: .over60, perGroup: [1, 0, 0]))
    let twice = WelfareFigures(
      use: [], regions: [],
      sexAge: Array(repeating: SexAgeCounts(sex: .male, ageBand: .under18, perGroup: [1, 0, 0]), count: 2))
    XCTAssertThrowsError(try sexAgeTable(twice))
  }
}
