import RegisterModel
import XCTest

@testable import PublishStage

final class TablesTypologyTests: XCTestCase {
  func testValuesBeforeSuppression() throws {
    let table = try typologyTable(Fixtures.typology)
    XCTAssertEqual(table.keys, ["group=short", "group=episodic", "group=long", "group=total"])
    XCTAssertEqual(table.texts("persons"), ["40", "3", "20", "63"])
    // 40/63, 3/63, 20/63, 63/63
    XCTAssertEqual(table.texts("share_persons"), ["0.6349", "0.0476", "0.3175", "1.0000"])
    // 52/40, 30/3, 40/20, 122/63
    XCTAssertEqual(table.texts("mean_stays"), ["1.3", "10.0", "2.0", "1.9"])
    // 45/40 = 1.125, 14/3, 22/20, 81/63
    XCTAssertEqual(table.texts("mean_episodes"), ["1.1", "4.7", "1.1", "1.3"])
    XCTAssertEqual(table.texts("mean_nights"), ["22.5", "133.3", "350.0", "131.7"])
    // Ratios of sums: 900/45, 400/14, 7000/22, 8300/81.
    XCTAssertEqual(table.texts("nights_per_episode"), ["20.0", "28.6", "318.2", "102.5"])
    XCTAssertEqual(table.texts("total_nights"), ["900", "400", "7000", "8300"])
    XCTAssertEqual(table.texts("share_nights"), ["0.1084", "0.0482", "0.8434", "1.0000"])
  }

  func testAnEmptyGroupHasEmptyMeansNotSuppressions() throws {
    let figures = TypologyFigures(
      groups: [GroupTotals(persons: 10, stays: 10, episodes: 10, nights: 100), GroupTotals(), GroupTotals()],
      fellBackToRules: true)
    var tables = [try typologyTable(figures)]
    _ = try applyDisclosureControl(&tables, minCell: 5, context: RelationContext(indicators: []))
    XCTAssertEqual(tables[0].texts("mean_nights"), ["10.0", "", "", "10.0"])
    XCTAssertEqual(tables[0].texts("share_persons"), ["1.0000", "0.0000", "0.0000", "1.0000"])
    XCTAssertEqual(tables[0].suppressedCellCount, 0)
  }

  func testTheOnlyRelationIsTheGroupsAndTheirTotal() throws {
    let table = try typologyTable(Fixtures.typology)
    let found = relations(of: [table], context: RelationContext(indicators: []))
    XCTAssertEqual(found.map(\.family), [1])
    XCTAssertEqual(found[0].terms.map(\.coefficient), [1, 1, 1, -1])
    XCTAssertEqual(found[0].total, .published(table.address(row: 3, column: 1)))
  }

  func testWrongNumberOfGroupsIsAnError() {
    XCTAssertThrowsError(try typologyTable(TypologyFigures(groups: [GroupTotals()], fellBackToRules: false)))
  }
}
