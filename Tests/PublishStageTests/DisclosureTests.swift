import RegisterModel
import XCTest

@testable import PublishStage

final class DisclosureTests: XCTestCase {
  /// A one-way table `label, persons, share`: the parts add up to a last `total` row,
  /// and each share derives from its row and the total.
  private func oneWay(_ parts: [Int]) -> Table {
    var builder = TableBuilder(
      name: "t", columns: [Column("label", .text), Column("persons", .count), Column("share", .share)])
    let total = parts.reduce(0, +)
    for (i, persons) in (parts + [total]).enumerated() {
      builder.append([.text(i == parts.count ? "total" : "p\(i)"), .int(persons), .quotient(persons, total)])
      builder.derive(i, "share", from: [builder.address(i, "persons"), builder.address(parts.count, "persons")])
    }
    builder.relate("parts", parts: Array(parts.indices), total: parts.count, column: "persons")
    return builder.build()
  }

  private func controlled(_ table: Table, minCell: Int = 5) -> Table {
    var tables = [table]
    applyDisclosureControl(&tables, minCell: minCell)
    return tables[0]
  }

  func testASingleSmallCellGetsTheSmallestNonZeroPartAsSecondSuppression() {
    // 3 is primary; of 10 and 8 the smaller, 8, protects it.
    let table = controlled(oneWay([3, 10, 8]))
    XCTAssertEqual(table.texts("persons"), [nil, "10", nil, "21"])
    XCTAssertEqual(table.texts("share"), [nil, "0.4762", nil, "1.0000"])
  }

  func testTiesGoToTheFirstPartInRowOrder() {
    let table = controlled(oneWay([3, 8, 8, 20]))
    XCTAssertEqual(table.texts("persons"), [nil, nil, "8", "20", "39"])
  }

  func testZerosArePublishedAndNeverChosen() {
    // 0 is not primary and not "non-zero": 12 is suppressed instead.
    let table = controlled(oneWay([3, 0, 12]))
    XCTAssertEqual(table.texts("persons"), [nil, "0", nil, "15"])
    XCTAssertEqual(table.texts("share"), [nil, "0.0000", nil, "1.0000"])
  }

  func testTwoPrimarySuppressionsNeedNoSecondary() {
    let table = controlled(oneWay([3, 4, 12]))
    XCTAssertEqual(table.texts("persons"), [nil, nil, "12", "19"])
  }

  func testEmptySharesAreNotSuppressions() {
    let table = controlled(oneWay([0, 0]))
    XCTAssertEqual(table.texts("share"), ["", "", ""])
    XCTAssertEqual(table.suppressedCellCount, 0)
  }

  /// Regions A, B, `unknown` (added, zeros) and `total` × groups; `long` is 0
  /// everywhere. With min_cell 5 only (B, short) = 3 is primary.
  ///
  ///             short episodic long total
  ///     A          10        0    0    10
  ///     B           3*       7    0    10
  ///     unknown     0        0    0     0
  ///     total      13        7    0    20
  ///
  /// Pass 1, groups of a region: A has none suppressed; B has one → its smallest
  /// non-zero unsuppressed part (B, episodic) 7; unknown, total none.
  /// Regions of a group: short has (B) → smallest non-zero part (A, short) 10; episodic
  /// has (B) and its other parts are 0 → its total (total, episodic) 7; long, total none.
  /// Pass 2, groups of a region: A has (A, short) only, its other parts are 0 → (A,
  /// total) 10; B has three; total has (total, episodic) → (total, short) 13.
  /// Regions of a group: short three, episodic two, long none; total has (A, total)
  /// only → smallest non-zero part (B, total) 10.
  /// Pass 3 changes nothing: every relation has 0 or at least 2 suppressed members.
  func testTwoWayTableIteratesToAStableState() throws {
    let figures = WelfareFigures(
      use: [],
      regions: [GroupCounts(label: "A", perGroup: [10, 0, 0]), GroupCounts(label: "B", perGroup: [3, 7, 0])],
      sexAge: [])
    let table = controlled(try regionTable(figures))
    XCTAssertEqual(
      table.texts("persons"),
      [
        nil, "0", "0", nil,  // A
        nil, nil, "0", nil,  // B
        "0", "0", "0", "0",  // unknown
        nil, nil, "0", "20",  // total
      ])
    // (A, episodic) = 0 is published, but its share divides by the suppressed (A, total).
    XCTAssertEqual(
      table.texts("share"),
      [
        nil, nil, nil, nil,
        nil, nil, nil, nil,
        "", "", "", "",
        nil, nil, "0.0000", "1.0000",
      ])
    XCTAssertEqual(table.suppressedColumns(row: 0), ["persons", "share"])
  }

  func testSharesWhoseDenominatorIsSuppressedAreSuppressed() throws {
    // 2020 of repeat_use: bins 2, 2, 0 of 4 users are all small; the 0 bin is
    // published, but its share 0/4 divides by a suppressed total.
    let table = try Fixtures.tables()[named: "repeat_use"]
    XCTAssertEqual(table.texts("persons"), ["20", nil, nil, "30", nil, nil, "0", nil])
    XCTAssertEqual(table.texts("share"), ["0.6667", nil, nil, "1.0000", nil, nil, nil, nil])
  }

  func testWelfareShareIsSuppressedWhenTheGroupIsSuppressedInTypology() throws {
    // typology: episodic 3 (primary) and long 20 (secondary) are suppressed; welfare_use
    // counts 12, 0, 8, 20 are all published, but the episodic and long shares divide
    // by them.
    let tables = try Fixtures.tables()
    XCTAssertEqual(tables[named: "typology"].texts("persons"), ["40", nil, nil, "63"])
    let welfare = tables[named: "welfare_use"]
    XCTAssertEqual(welfare.texts("persons"), ["12", "0", "8", "20"])
    XCTAssertEqual(welfare.texts("share"), ["0.3000", nil, nil, "0.3175"])
  }

  func testDerivedFiguresOfASuppressedCountAreSuppressed() throws {
    let tables = try Fixtures.tables()
    let typology = tables[named: "typology"]
    XCTAssertEqual(
      typology.suppressedColumns(row: 1),
      [
        "persons", "share_persons", "mean_stays", "mean_episodes", "mean_nights", "nights_per_episode",
        "total_nights", "share_nights",
      ])
    XCTAssertEqual(typology.suppressedColumns(row: 3), [])
    // yearly_users 2020: 4 users (primary) hide nights and the per-user figures; 9 stays
    // stay published, 1 returning user is primary.
    let users = tables[named: "yearly_users"]
    XCTAssertEqual(
      users.suppressedColumns(row: 1),
      ["users", "nights", "nights_per_user", "stays_per_user", "returning_users", "share_returning"])
    // returns 2019: the buckets 3, 2, 1 are primary, so is share_returned.
    XCTAssertEqual(tables[named: "returns"].suppressedColumns(row: 0), ["returns_0_180", "returns_181_365", "returns_366_730", "share_returned"])
  }

  func testStayThresholdsHaveOnlyPrimarySuppression() throws {
    let figures = StayFigures(
      bandLabels: ["1-30", "31+"],
      years: [StayYearFigures(year: 2019, bandCounts: [20, 10], completedStays: 30, over90: 4, over120: 3, plannedExits: 26)])
    var tables = [stayThresholdsTable(figures)]
    applyDisclosureControl(&tables, minCell: 5)
    XCTAssertEqual(
      tables[0].suppressedColumns(row: 0), ["over_90", "share_over_90", "over_120", "share_over_120"])
  }
}
