import RegisterModel

/// Table `stay_duration` (SPEC 9): completed stays by year of end and duration band,
/// then the year's `total` (all completed stays of the year); `share` = stays ÷ the
/// year's total.
func stayDurationTable(_ figures: StayFigures) throws -> Table {
  var builder = TableBuilder(
    name: "stay_duration",
    columns: [Column("year", .year), Column("band", .text), Column("stays", .count), Column("share", .share)])
  for year in figures.years.sorted(by: { $0.year < $1.year }) {
    try requireCount(year.bandCounts, figures.bandLabels.count, "stay_duration \(year.year) bands")
    guard year.bandCounts.reduce(0, +) == year.completedStays else {
      throw PublishError("stay_duration \(year.year): the bands do not add up to the completed stays")
    }
    let first = builder.rows.count
    let totalRow = first + figures.bandLabels.count
    for (label, stays) in zip(figures.bandLabels + [Labels.total], year.bandCounts + [year.completedStays]) {
      let row = builder.append([.int(year.year), .text(label), .int(stays), .quotient(stays, year.completedStays)])
      builder.derive(row, "share", from: [builder.address(row, "stays"), builder.address(totalRow, "stays")])
    }
    builder.relate("bands of a year", parts: Array(first..<totalRow), total: totalRow, column: "stays")
  }
  return builder.build()
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
