import RegisterModel

/// Table `stay_duration` (SPEC 9): completed stays by year of end and duration band,
/// then the year's `total` (all completed stays of the year); `share` = stays ÷ the
/// year's total.
func stayDurationTable(_ figures: StayFigures) throws -> Table {
  try yearlyDistributionTable(
    name: "stay_duration", binColumn: "band", countColumn: "stays", labels: figures.bandLabels,
    years: figures.years.map { ($0.year, $0.bandCounts, $0.completedStays) }, what: ("bands", "completed stays"))
}

/// Table `stay_thresholds` (SPEC 9): per year, completed stays, those over 90 and 120
/// nights and the planned exits, each with its share of the completed stays.
func stayThresholdsTable(_ figures: StayFigures) -> Table {
  var builder = TableBuilder(
    name: "stay_thresholds",
    columns: [
      Column("year", .year), Column("completed_stays", .count), Column("over_90", .count),
      Column("share_over_90", .share), Column("over_120", .count), Column("share_over_120", .share),
      Column("planned_exits", .count), Column("share_planned", .share),
    ])
  for year in figures.years.sorted(by: { $0.year < $1.year }) {
    let completed = year.completedStays
    let row = builder.append([
      .int(year.year), .int(completed), .int(year.over90), .quotient(year.over90, completed),
      .int(year.over120), .quotient(year.over120, completed), .int(year.plannedExits),
      .quotient(year.plannedExits, completed),
    ])
    for (share, count) in [("share_over_90", "over_90"), ("share_over_120", "over_120"), ("share_planned", "planned_exits")] {
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
    builder.atMost(5, builder.cell(table, [year], "over_120"), builder.cell(table, [year], "over_90"))
    builder.atMost(5, builder.cell(table, [year], "over_90"), completed)
    builder.atMost(5, builder.cell(table, [year], "planned_exits"), completed)
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
