import RegisterModel

/// Table `stay_duration` (SPEC 9): completed stays by year of end and duration band,
/// then the year's `total` (all completed stays of the year); `share` = stays ÷ the
/// year's total.
func stayDurationTable(_ figures: StayFigures) throws -> Table {
  try yearlyDistributionTable(
    name: TableName.stayDuration.rawValue, binColumn: "band", countColumn: "stays", labels: figures.bandLabels,
    years: figures.years.map { ($0.year, $0.bandCounts, $0.completedStays) }, what: ("bands", "completed stays"))
}

/// Table `stay_thresholds` (SPEC 9): per year, completed stays, those over 90 and 120
/// nights and the planned exits, each with its share of the completed stays.
func stayThresholdsTable(_ figures: StayFigures) -> Table {
  thresholdsTable(
    name: TableName.stayThresholds.rawValue, key: Column("year", .year),
    rows: figures.years.sorted { $0.year < $1.year }.map {
      (.int($0.year), $0.completedStays, $0.over90, $0.over120, $0.plannedExits)
    })
}

/// Table `stay_thresholds_quarterly` (SPEC 9): as `stay_thresholds`, by quarter of the
/// check-out (`2023-Q4`), the four quarters of every year. (That the quarters add up to
/// their year is relation 13, which disclosure control checks.)
func stayThresholdsQuarterlyTable(_ figures: StayFigures) throws -> Table {
  try requireCount(figures.quarters, 4 * figures.years.count, "stay_thresholds_quarterly quarters")
  return thresholdsTable(
    name: TableName.stayThresholdsQuarterly.rawValue, key: Column("quarter", .text),
    rows: figures.quarters.sorted { ($0.year, $0.quarter) < ($1.year, $1.quarter) }.map {
      (.text(quarterLabel($0.year, $0.quarter)), $0.completedStays, $0.over90, $0.over120, $0.plannedExits)
    })
}

/// `2023-Q4`.
func quarterLabel(_ year: Int, _ quarter: Int) -> String { "\(year)-Q\(quarter)" }

/// The shape of both thresholds tables: a key, then the counts each with its share of
/// the completed stays.
private func thresholdsTable(
  name: String, key: Column,
  rows: [(key: Cell, completed: Int, over90: Int, over120: Int, planned: Int)]
) -> Table {
  var builder = TableBuilder(
    name: name,
    columns: [
      key, Column("completed_stays", .count), Column("over_90", .count), Column("share_over_90", .share),
      Column("over_120", .count), Column("share_over_120", .share), Column("planned_exits", .count),
      Column("share_planned", .share),
    ])
  for figures in rows {
    let completed = figures.completed
    let row = builder.append([
      figures.key, .int(completed), .int(figures.over90), .quotient(figures.over90, completed),
      .int(figures.over120), .quotient(figures.over120, completed), .int(figures.planned),
      .quotient(figures.planned, completed),
    ])
    for (share, count) in [
      ("share_over_90", "over_90"), ("share_over_120", "over_120"), ("share_planned", "planned_exits"),
    ] {
      builder.derive(row, share, from: [builder.address(row, count), builder.address(row, "completed_stays")])
    }
  }
  return builder.build()
}

/// SPEC 9.2, 2: a year's bands → its `total`.
func stayDurationRelations(_ builder: inout RelationBuilder) {
  yearlyDistributionRelations(&builder, table: "stay_duration", binColumn: "band", count: "stays")
}

/// SPEC 9.2, 5: `over_120 ≤ over_90 ≤ completed_stays`, `planned_exits ≤ completed_stays`;
/// 12: `completed_stays` = the year's `total` in `stay_duration`, and `over_N` = the
/// bands above `N` when `N` is a band edge.
func stayThresholdsRelations(_ builder: inout RelationBuilder) {
  let table = "stay_thresholds"
  let bands = builder.labels("stay_duration", "band").filter { $0 != Labels.total }
  for year in builder.labels(table, "year") {
    let completed = builder.cell(table, [year], "completed_stays")
    thresholdOrder(&builder, table, [year])
    guard builder.has("stay_duration") else { continue }
    builder.equal(12, [completed], [builder.cell("stay_duration", [year, Labels.total], "stays")])
    for threshold in [90, 120] where bands.contains(where: { binRange($0)?.high == threshold }) {
      let above = bands.filter { (binRange($0)?.low ?? 0) > threshold }
      builder.equal(
        12, [builder.cell(table, [year], "over_\(threshold)")],
        above.map { builder.cell("stay_duration", [year, $0], "stays") })
    }
  }
}

/// SPEC 9.2, 5: `over_120 ≤ over_90 ≤ completed_stays`, `planned_exits ≤ completed_stays`;
/// 13: the four quarters of a year → the year in `stay_thresholds`, for each count.
func stayThresholdsQuarterlyRelations(_ builder: inout RelationBuilder) {
  let table = "stay_thresholds_quarterly"
  let quarters = builder.labels(table, "quarter")
  for quarter in quarters { thresholdOrder(&builder, table, [quarter]) }
  guard builder.has(table) else { return }
  for year in builder.labels("stay_thresholds", "year") {
    for count in ["completed_stays", "over_90", "over_120", "planned_exits"] {
      builder.sum(
        13, parts: (1...4).map { builder.cell(table, [quarterLabel(Int(year) ?? 0, $0)], count) },
        total: builder.cell("stay_thresholds", [year], count))
    }
  }
}

/// SPEC 9.2, 5 in one row of a thresholds table.
private func thresholdOrder(_ builder: inout RelationBuilder, _ table: String, _ key: [String]) {
  let completed = builder.cell(table, key, "completed_stays")
  builder.atMost(5, builder.cell(table, key, "over_120"), builder.cell(table, key, "over_90"))
  builder.atMost(5, builder.cell(table, key, "over_90"), completed)
  builder.atMost(5, builder.cell(table, key, "planned_exits"), completed)
}
