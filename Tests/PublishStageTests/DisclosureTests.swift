import RegisterModel
import XCTest

@testable import PublishStage

/// SPEC 9.1–9.2: one hand-built case per relation family in which that relation gives
/// a suppressed cell back (the audit flags it; publish, from the true figures, does not
/// let it happen), the three leaks v1 let through, and the secondary choice.
final class DisclosureTests: XCTestCase {
  /// A table of the given name with text key columns and count columns; `hidden` names
  /// the cells (row, column) suppressed by hand.
  private func table(
    _ name: String, keys: [String], counts: [String], rows: [([String], [Int])], hidden: [(Int, String)] = []
  ) -> Table {
    var builder = TableBuilder(
      name: name, columns: keys.map { Column($0, $0 == "year" ? .year : .text) } + counts.map { Column($0, .count) })
    for (labels, values) in rows {
      builder.append(labels.map { Cell.text($0) } + values.map { Cell.int($0) })
    }
    var table = builder.build()
    for (row, column) in hidden { table.suppressed[row][table.columnIndex(column)!] = true }
    return table
  }

  private func audit(_ tables: [Table], indicators: [Indicator] = []) throws -> DisclosureAudit {
    try DisclosureAudit(
      tables: tables, relations: relations(of: tables, context: RelationContext(indicators: indicators)), minCell: 5,
      lower: true)
  }

  /// The intervals the audit proves, as text, in cell order.
  private func intervals(_ tables: [Table], indicators: [Indicator] = []) throws -> [String] {
    try audit(tables, indicators: indicators).findings.map { "\($0.table) \($0.row) \($0.column) \($0.intervalText)" }
  }

  /// Publishes `tables` (unsuppressed, true figures) and checks the result is safe, the
  /// published counts are the true ones, and `cell` (table, row, column) is suppressed.
  private func assertPublishProtects(
    _ tables: [Table], indicators: [Indicator] = [], suppresses cells: [(String, Int, String)],
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    var controlled = tables.map { table -> Table in
      var clean = table
      clean.suppressed = table.suppressed.map { $0.map { _ in false } }
      return clean
    }
    let result = try applyDisclosureControl(
      &controlled, minCell: 5, context: RelationContext(indicators: indicators))
    XCTAssertTrue(result.isSafe, file: file, line: line)
    XCTAssertTrue(try audit(controlled, indicators: indicators).isSafe, file: file, line: line)
    for (name, row, column) in cells {
      let t = controlled[named: name]
      XCTAssertTrue(t.suppressed[row][t.columnIndex(column)!], "\(name) row \(row) \(column)", file: file, line: line)
    }
  }

  private let groups = [["short"], ["episodic"], ["long"], ["total"]]

  // MARK: - One case per relation family

  /// 1: 9 + e + l = 14 with e, l ≥ 1 gives each ≤ 4.
  func testFamily1TypologyGroups() throws {
    let tables = [
      table(
        "typology", keys: ["group"], counts: ["persons"], rows: Array(zip(groups, [[9], [3], [2], [14]])),
        hidden: [(1, "persons"), (2, "persons")])
    ]
    XCTAssertEqual(
      try intervals(tables),
      ["typology group=episodic persons [1, 4]", "typology group=long persons [1, 4]"])
    try assertPublishProtects(tables, suppresses: [("typology", 1, "persons"), ("typology", 2, "persons")])
  }

  /// 2, the sums leak: three suppressed bands of a year whose total minus the published
  /// ones is 3 — each is ≥ 1, so each is exactly 1.
  func testFamily2ThreeSmallBandsThatSumToThree() throws {
    let bands = ["1-30", "31-90", "91-180", "181-365", "366+", "total"]
    let tables = [
      table(
        "stay_duration", keys: ["year", "band"], counts: ["stays"],
        rows: zip(bands, [10, 1, 1, 1, 0, 13]).map { (["2019", $0], [$1]) },
        hidden: [(1, "stays"), (2, "stays"), (3, "stays")])
    ]
    XCTAssertEqual(
      try intervals(tables),
      [
        "stay_duration year=2019 band=31-90 stays [1, 1]", "stay_duration year=2019 band=91-180 stays [1, 1]",
        "stay_duration year=2019 band=181-365 stays [1, 1]",
      ])
    try assertPublishProtects(tables, suppresses: [("stay_duration", 0, "stays")])
  }

  /// 3: the groups of a region → its total gives the one small group back.
  func testFamily3GroupsOfARegion() throws {
    let tables = [
      table(
        "typology_by_region", keys: ["region", "group"], counts: ["persons"],
        rows: zip(groups, [10, 2, 0, 12]).map { (["Region Sjælland", $0[0]], [$1]) }, hidden: [(1, "persons")])
    ]
    XCTAssertEqual(try intervals(tables), ["typology_by_region region=Region Sjælland group=episodic persons [2, 2]"])
    try assertPublishProtects(tables, suppresses: [("typology_by_region", 1, "persons")])
  }

  /// 4: the groups of a (sex, age band) → its total.
  func testFamily4GroupsOfASexAndAgeBand() throws {
    let tables = [
      table(
        "typology_by_sex_age", keys: ["sex", "age_band", "group"], counts: ["persons"],
        rows: zip(groups, [10, 2, 0, 12]).map { (["M", "<18", $0[0]], [$1]) }, hidden: [(1, "persons")])
    ]
    XCTAssertEqual(try intervals(tables), ["typology_by_sex_age sex=M age_band=<18 group=episodic persons [2, 2]"])
    try assertPublishProtects(tables, suppresses: [("typology_by_sex_age", 1, "persons")])
  }

  /// 5: `over_120 ≤ over_90 ≤ completed_stays`, `planned_exits ≤ completed_stays` bound
  /// the suppressed thresholds by the published completed stays (no leak on its own:
  /// a published upper side is ≥ min_cell).
  func testFamily5ThresholdsAreBoundedByCompletedStays() throws {
    let tables = [
      table(
        "stay_thresholds", keys: ["year"], counts: ["completed_stays", "over_90", "over_120", "planned_exits"],
        rows: [(["2019"], [7, 3, 2, 4])], hidden: [(0, "over_90"), (0, "over_120"), (0, "planned_exits")])
    ]
    XCTAssertEqual(
      try intervals(tables),
      [
        "stay_thresholds year=2019 over_90 [1, 7]", "stay_thresholds year=2019 over_120 [1, 7]",
        "stay_thresholds year=2019 planned_exits [1, 7]",
      ])
  }

  /// 6: 1 × bin 1 + 5 × bin 5+ ≤ 9 stays with bin 5+ ≥ 1 gives bin 1 ≤ 4.
  func testFamily6StaysBoundTheBins() throws {
    let tables = [
      table("yearly_users", keys: ["year"], counts: ["stays"], rows: [(["2019"], [9])]),
      table(
        "repeat_use", keys: ["year", "bin"], counts: ["persons"],
        rows: [(["2019", "1"], [3]), (["2019", "2-4"], [0]), (["2019", "5+"], [1])],
        hidden: [(0, "persons"), (2, "persons")]),
    ]
    XCTAssertEqual(
      try intervals(tables),
      ["repeat_use year=2019 bin=1 persons [1, 4]", "repeat_use year=2019 bin=5+ persons [1, 1.6]"])
  }

  /// 7: returns_0_180 + returns_181_365 ≤ 5 exits, the second ≥ 1: the first ≤ 4.
  func testFamily7ReturnsBoundedByExits() throws {
    let tables = [
      table(
        "returns", keys: ["year"], counts: ["exits", "returns_0_180", "returns_181_365", "returns_366_730"],
        rows: [(["2019"], [5, 3, 1, 0])], hidden: [(0, "returns_0_180"), (0, "returns_181_365")])
    ]
    XCTAssertEqual(
      try intervals(tables), ["returns year=2019 returns_0_180 [1, 4]", "returns year=2019 returns_181_365 [1, 4]"])
    try assertPublishProtects(tables, suppresses: [("returns", 0, "returns_0_180")])
  }

  /// 9, the inclusion–exclusion leak: psychiatric 6 + substance 6 − either 8 = both 4.
  func testFamily9InclusionExclusion() throws {
    let indicators = [
      Indicator(name: "both", combination: .allOf, services: ["psychiatric", "substance"]),
      Indicator(name: "either", combination: .anyOf, services: ["psychiatric", "substance"]),
    ]
    let tables = [
      table(
        "welfare_use", keys: ["indicator", "group"], counts: ["persons"],
        rows: [
          (["psychiatric", "episodic"], [6]), (["substance", "episodic"], [6]), (["both", "episodic"], [4]),
          (["either", "episodic"], [8]),
        ],
        hidden: [(2, "persons")])
    ]
    XCTAssertEqual(
      try intervals(tables, indicators: indicators), ["welfare_use indicator=both group=episodic persons [4, 4]"])
    try assertPublishProtects(tables, indicators: indicators, suppresses: [("welfare_use", 2, "persons")])
  }

  /// 10: `typology` episodic is the `total` region's episodic.
  func testFamily10TypologyEqualsTheTotalRegion() throws {
    let tables = [
      table("typology", keys: ["group"], counts: ["persons"], rows: [(["episodic"], [3])], hidden: [(0, "persons")]),
      table(
        "typology_by_region", keys: ["region", "group"], counts: ["persons"], rows: [(["total", "episodic"], [3])]),
    ]
    XCTAssertEqual(try intervals(tables), ["typology group=episodic persons [3, 3]"])
  }

  /// 12, the across-tables leak: `over_90` = the bands above 90, so 91-180 + 366+ = 5
  /// gives each ≤ 4, though within `stay_duration` each could be up to 20.
  func testFamily12OverNinetyGivesBackTheBandsAboveIt() throws {
    let bands = ["1-30", "31-90", "91-180", "181-365", "366+", "total"]
    let duration = table(
      "stay_duration", keys: ["year", "band"], counts: ["stays"],
      rows: zip(bands, [10, 8, 3, 0, 2, 23]).map { (["2019", $0], [$1]) },
      hidden: [(0, "stays"), (1, "stays"), (2, "stays"), (4, "stays")])
    let thresholds = table(
      "stay_thresholds", keys: ["year"], counts: ["completed_stays", "over_90"], rows: [(["2019"], [23, 5])])
    XCTAssertEqual(
      try intervals([duration]).filter { $0.contains("366+") }, ["stay_duration year=2019 band=366+ stays [1, 20]"])
    XCTAssertEqual(
      try intervals([duration, thresholds]).filter { $0.contains("91-180") || $0.contains("366+") },
      ["stay_duration year=2019 band=91-180 stays [1, 4]", "stay_duration year=2019 band=366+ stays [1, 4]"])
    try assertPublishProtects(
      [duration, thresholds], suppresses: [("stay_duration", 2, "stays"), ("stay_duration", 4, "stays")])
  }

  /// 14: `yearly_users` users = the `total` bin of `repeat_use`.
  func testFamily14UsersEqualTheTotalBin() throws {
    let tables = [
      table("yearly_users", keys: ["year"], counts: ["users"], rows: [(["2019"], [13])]),
      table(
        "repeat_use", keys: ["year", "bin"], counts: ["persons"],
        rows: [(["2019", "1"], [3]), (["2019", "2-4"], [10]), (["2019", "5+"], [0]), (["2019", "total"], [13])],
        hidden: [(0, "persons"), (3, "persons")]),
    ]
    XCTAssertEqual(
      try intervals(tables),
      ["repeat_use year=2019 bin=1 persons [3, 3]", "repeat_use year=2019 bin=total persons [13, 13]"])
    try assertPublishProtects(tables, suppresses: [("repeat_use", 0, "persons")])
  }

  /// 4 and 14 for users: the age bands of (2023, M) → its total, and (2023, total,
  /// total) = `yearly_users` users; the sexes of a band → the total sex.
  func testFamily4And14UsersBySexAndAge() throws {
    let bands = ["<18", "18-29", "30-39", "40-49", "50-59", "60+", "unknown", "total"]
    let counts = [0, 3, 8, 0, 0, 0, 0, 11]
    let tables = [
      table("yearly_users", keys: ["year"], counts: ["users"], rows: [(["2023"], [11])]),
      table(
        "yearly_users_by_sex_age", keys: ["year", "sex", "age_band"], counts: ["users"],
        rows: zip(bands, counts).map { (["2023", "M", $0], [$1]) }
          + zip(bands, counts).map { (["2023", "total", $0], [$1]) },
        hidden: [(1, "users"), (9, "users")]),
    ]
    XCTAssertEqual(
      try intervals(tables),
      [
        "yearly_users_by_sex_age year=2023 sex=M age_band=18-29 users [3, 3]",
        "yearly_users_by_sex_age year=2023 sex=total age_band=18-29 users [3, 3]",
      ])
    try assertPublishProtects(tables, suppresses: [("yearly_users_by_sex_age", 1, "users")])
  }

  /// 8: 2 within 30 days ≤ within 90 (suppressed) ≤ within 365 = 3 bounds it by 3; and
  /// `any` ≤ the services' sum gives `any` back when one service is 0.
  func testFamily8TransitionsWithinHorizonsAndServices() throws {
    let counts = ["exits", "within_30", "within_90", "within_365"]
    let nested = [
      table(
        "transitions", keys: ["year", "service"], counts: counts, rows: [(["2023", "prison"], [40, 2, 3, 6])],
        hidden: [(0, "within_30"), (0, "within_90")])
    ]
    XCTAssertEqual(
      try intervals(nested),
      [
        "transitions year=2023 service=prison within_30 [1, 6]",
        "transitions year=2023 service=prison within_90 [1, 6]",
      ])
    let services = [
      table(
        "transitions", keys: ["year", "service"], counts: counts,
        rows: [
          (["2023", "support"], [40, 9, 12, 20]), (["2023", "prison"], [40, 0, 0, 0]),
          (["2023", "any"], [40, 9, 12, 20]),
        ],
        hidden: [(2, "within_30")])
    ]
    XCTAssertEqual(try intervals(services), ["transitions year=2023 service=any within_30 [9, 9]"])
    try assertPublishProtects(nested, suppresses: [("transitions", 0, "within_30"), ("transitions", 0, "within_90")])
  }

  /// 11: the municipalities of Region Nordjylland → its count in `typology_by_region`;
  /// Aalborg (851) published 20 of 23 gives Hjørring (860) back.
  func testFamily11MunicipalitiesAddUpToTheirRegion() throws {
    let tables = [
      table(
        "typology_by_region", keys: ["region", "group"], counts: ["persons"],
        rows: [(["Region Nordjylland", "short"], [23])]),
      table(
        "typology_by_municipality", keys: ["municipality", "municipality_name", "group"], counts: ["persons"],
        rows: [(["851", "Aalborg", "short"], [20]), (["860", "Hjørring", "short"], [3])], hidden: [(1, "persons")]),
    ]
    XCTAssertEqual(
      try intervals(tables),
      ["typology_by_municipality municipality=860 municipality_name=Hjørring group=short persons [3, 3]"])
    try assertPublishProtects(tables, suppresses: [("typology_by_municipality", 1, "persons")])
  }

  /// 13: the four quarters of 2023 → the year in `stay_thresholds`: 3 over 90 days in
  /// Q4 is given back by the year's 10 and the other quarters' 7.
  func testFamily13QuartersAddUpToTheYear() throws {
    let tables = [
      table("stay_thresholds", keys: ["year"], counts: ["over_90"], rows: [(["2023"], [10])]),
      table(
        "stay_thresholds_quarterly", keys: ["quarter"], counts: ["over_90"],
        rows: [(["2023-Q1"], [2]), (["2023-Q2"], [5]), (["2023-Q3"], [0]), (["2023-Q4"], [3])],
        hidden: [(0, "over_90"), (3, "over_90")]),
    ]
    XCTAssertEqual(
      try intervals(tables),
      [
        "stay_thresholds_quarterly quarter=2023-Q1 over_90 [1, 4]",
        "stay_thresholds_quarterly quarter=2023-Q4 over_90 [1, 4]",
      ])
    try assertPublishProtects(tables, suppresses: [("stay_thresholds_quarterly", 3, "over_90")])
  }

  /// 15: `transitions` exits = `returns` exits; 8: one figure in every row of a year.
  func testFamily15ExitsAreOneFigureAcrossTables() throws {
    let tables = [
      table("returns", keys: ["year"], counts: ["exits"], rows: [(["2023"], [4])], hidden: [(0, "exits")]),
      table(
        "transitions", keys: ["year", "service"], counts: ["exits"],
        rows: [(["2023", "prison"], [4]), (["2023", "any"], [4])], hidden: [(1, "exits")]),
    ]
    XCTAssertEqual(
      try intervals(tables),
      ["returns year=2023 exits [4, 4]", "transitions year=2023 service=any exits [4, 4]"])
  }

  // MARK: - The secondary choice

  /// 9 / 3 / 6 | 18, episodic primary: long (6) alone makes it safe (≤ 18 − 9 − 1 = 8),
  /// and is smaller than short (9); the total is a marginal.
  func testSecondaryHidesOneInnerCellTheSmallestThatSuffices() throws {
    var tables = [
      table("typology", keys: ["group"], counts: ["persons"], rows: Array(zip(groups, [[9], [3], [6], [18]])))
    ]
    _ = try applyDisclosureControl(&tables, minCell: 5, context: RelationContext(indicators: []))
    XCTAssertEqual(tables[0].texts("persons"), ["9", nil, nil, "18"])
  }

  /// Zeros are published and never chosen: 9 / 3 / 0 | 12 hides short.
  func testZerosAreNeverChosen() throws {
    var tables = [
      table("typology", keys: ["group"], counts: ["persons"], rows: Array(zip(groups, [[9], [3], [0], [12]])))
    ]
    _ = try applyDisclosureControl(&tables, minCell: 5, context: RelationContext(indicators: []))
    XCTAssertEqual(tables[0].texts("persons"), [nil, nil, "0", "12"])
  }

  /// Pruning: a cell hidden on the way that later choices made unnecessary is published
  /// again, so publishing any one secondary (a suppressed count ≥ 5) makes the set unsafe.
  func testEveryExtraSuppressionIsNeeded() throws {
    let tables = try Fixtures.tables()
    let audit = try DisclosureAudit(
      tables: tables, relations: relations(of: tables, context: RelationContext(indicators: [])), minCell: 5,
      lower: false)
    XCTAssertTrue(audit.isSafe)
    var model = IntruderModel(
      tables: tables, relations: relations(of: tables, context: RelationContext(indicators: [])))
    for cell in model.suppressedCells where (model.values[cell] ?? 0) >= 5 {
      model.hidden[cell] = false
      let group = model.component(of: cell).filter { $0 != cell }
      let bounds = try model.bounds(of: group, lower: false)
      XCTAssertFalse(group.allSatisfy { bounds[$0]!.isSafe(minCell: 5) }, "\(model.cells[cell]) is not needed")
      model.hidden[cell] = true
    }
  }

  /// `allSafe` settles cells by points kept from earlier questions and by the optima of
  /// capped sums before it solves one programme per cell; its answer must be the per-cell
  /// one. Each suppressed cell of the fixture is published again in turn, and hidden
  /// again, with one store of points kept throughout as the prune keeps it, at
  /// thresholds that make both answers occur.
  func testAllSafeAgreesWithAProgrammePerCell() throws {
    let tables = try Fixtures.tables()
    var model = IntruderModel(
      tables: tables, relations: relations(of: tables, context: RelationContext(indicators: [])))
    var answers: [Bool: Int] = [:]
    for minCell in [2, 5, 10, 40] {
      var witnesses = SafetyWitnesses(minCell: minCell)
      for cell in model.suppressedCells {
        model.hidden[cell] = false
        let group = model.component(of: cell).filter { $0 != cell && !model.isAbsent[$0] }
        let bounds = try model.bounds(of: group, lower: false)
        let expected = group.allSatisfy { bounds[$0]!.isSafe(minCell: minCell) }
        XCTAssertEqual(
          try model.allSafe(group, witnesses: &witnesses), expected, "\(model.cells[cell]) at \(minCell)")
        answers[expected, default: 0] += 1
        model.hidden[cell] = true
      }
    }
    XCTAssertGreaterThan(answers[true] ?? 0, 0)
    XCTAssertGreaterThan(answers[false] ?? 0, 0)
  }

  /// 9 / 3 / 6 | 18 with episodic and long hidden: the intruder's best case for episodic
  /// is 8 with long at 1. That point shows episodic safe while long is hidden, and stops
  /// counting once long is published (at 6, episodic is 3 again).
  func testAKeptPointCountsWhileTheCountsItMovedStayHidden() throws {
    let tables = [
      table(
        "typology", keys: ["group"], counts: ["persons"], rows: Array(zip(groups, [[9], [3], [6], [18]])),
        hidden: [(1, "persons"), (2, "persons")])
    ]
    var model = IntruderModel(
      tables: tables, relations: relations(of: tables, context: RelationContext(indicators: [])))
    let (short, episodic, long) = (0, 1, 2)
    var witnesses = SafetyWitnesses(minCell: 5)
    XCTAssertFalse(witnesses.showSafe(episodic, hidden: model.hidden))
    XCTAssertEqual(try model.upperBound(of: episodic, recording: &witnesses), 8)
    XCTAssertTrue(witnesses.showSafe(episodic, hidden: model.hidden))
    model.hidden[long] = false
    XCTAssertFalse(witnesses.showSafe(episodic, hidden: model.hidden))
    model.hidden[long] = true
    XCTAssertTrue(witnesses.showSafe(episodic, hidden: model.hidden))

    // A point that leaves long at its true 6 (short 4, episodic 8) still counts with
    // long published, and not with short published.
    model.hidden[short] = true
    witnesses = SafetyWitnesses(minCell: 5)
    witnesses.record([4, 8, 6], of: [short, episodic, long], in: model)
    model.hidden[long] = false
    XCTAssertTrue(witnesses.showSafe(episodic, hidden: model.hidden))
    model.hidden[short] = false
    XCTAssertFalse(witnesses.showSafe(episodic, hidden: model.hidden))
  }

  /// Protect's trials give the maximum a programme of its own gives with that one
  /// candidate hidden, also for the candidates they settle by a zero reduced cost
  /// without a solve: each primary cell of the fixture against each published count it
  /// shares a relation with, at thresholds where hiding one raises the maximum or not.
  func testTrialBoundsAreThoseOfAProgrammePerCandidate() throws {
    var tables = try Fixtures.tables()
    for t in tables.indices {
      for (r, row) in tables[t].rows.enumerated() {
        for c in row.indices where (row[c].intValue ?? 0) >= 5 { tables[t].suppressed[r][c] = false }
      }
    }
    let model = IntruderModel(
      tables: tables, relations: relations(of: tables, context: RelationContext(indicators: [])))
    var raised: [Bool: Int] = [:]
    for cell in model.suppressedCells {
      let now = try model.bounds(of: [cell], lower: false)[cell]!.upper
      let candidates = Set(model.relationsOf[cell].flatMap { model.terms[$0].map(\.cell) })
        .filter { !model.hidden[$0] && (model.values[$0] ?? 0) > 0 }.sorted()
      var witnesses = SafetyWitnesses(minCell: 5)
      let tried = try model.upperBounds(of: cell, hidingEach: candidates, recording: &witnesses) { _ in false }
      XCTAssertEqual(tried.map(\.candidate), candidates)
      for (candidate, bound) in tried {
        var alone = model
        alone.hidden[candidate] = true
        let expected = try alone.bounds(of: [cell], lower: false)[cell]!.upper
        XCTAssertEqual(
          bound ?? -1, expected ?? -1, accuracy: 1e-6, "\(model.cells[cell]) hiding \(model.cells[candidate])")
        raised[(expected ?? .infinity) > (now ?? .infinity) + 1e-6, default: 0] += 1
      }
    }
    XCTAssertGreaterThan(raised[true] ?? 0, 0)
    XCTAssertGreaterThan(raised[false] ?? 0, 0)
  }

  func testEmptySharesAreNotSuppressions() throws {
    var builder = TableBuilder(
      name: "typology", columns: [Column("group", .text), Column("persons", .count), Column("share", .share)])
    for label in ["short", "episodic", "long", "total"] { builder.append([.text(label), .int(0), .empty]) }
    var tables = [builder.build()]
    _ = try applyDisclosureControl(&tables, minCell: 5, context: RelationContext(indicators: []))
    XCTAssertEqual(tables[0].suppressedCellCount, 0)
  }

  // MARK: - Records and messages

  func testDisclosureRecordNamesCountsPerTableAndTheSmallestBoundOnly() throws {
    let tables = [
      table(
        "typology", keys: ["group"], counts: ["persons"], rows: Array(zip(groups, [[9], [3], [6], [18]])),
        hidden: [(1, "persons"), (2, "persons")])
    ]
    XCTAssertEqual(
      try audit(tables).record(tables: ["typology"]).rendered(),
      """
      {
        "min_cell": 5,
        "tables": [
          {
            "table": "typology",
            "suppressed_counts": 2
          }
        ],
        "audit": {
          "safe": true,
          "smallest_upper_bound": 8.00
        }
      }

      """)
  }

  /// Region A, the only region, holds typology's 9 short persons (relations 3 and 10):
  /// proved exactly, but not below min_cell, so safe (SPEC 9.1 protects small counts).
  func testAuditTextPutsUnsafeFirstAndEndsWithASummary() throws {
    let tables = [
      table(
        "typology", keys: ["group"], counts: ["persons"], rows: Array(zip(groups, [[9], [3], [2], [14]])),
        hidden: [(1, "persons"), (2, "persons")]),
      table(
        "typology_by_region", keys: ["region", "group"], counts: ["persons"], rows: [(["A", "short"], [7])],
        hidden: [(0, "persons")]),
    ]
    XCTAssertEqual(
      try audit(tables).text(),
      """
      UNSAFE typology group=episodic persons [1, 4]
      UNSAFE typology group=long persons [1, 4]
      safe   typology_by_region region=A group=short persons [9, 9]
      3 suppressed counts, 2 unsafe (min_cell 5): unsafe; smallest upper bound 4

      """)
  }
}
