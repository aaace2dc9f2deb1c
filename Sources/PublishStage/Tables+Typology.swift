import RegisterModel

/// Table `typology` (SPEC 9): one row per group, then `total`.
/// `share_persons` = persons ÷ total persons, `mean_stays` = ΣS ÷ persons,
/// `mean_episodes` = ΣE ÷ persons, `mean_nights` = ΣD ÷ persons,
/// `nights_per_episode` = ΣD ÷ ΣE, `total_nights` = ΣD, `share_nights` = ΣD ÷ ΣD of all.
func typologyTable(_ figures: TypologyFigures) throws -> Table {
  try requireCount(figures.groups, UserGroup.allCases.count, "typology groups")
  var builder = TableBuilder(
    name: TableName.typology.rawValue,
    columns: [
      Column("group", .text), Column("persons", .count), Column("share_persons", .share),
      Column("mean_stays", .mean), Column("mean_episodes", .mean), Column("mean_nights", .mean),
      Column("nights_per_episode", .mean), Column("total_nights", .sum), Column("share_nights", .share),
    ])
  let all = figures.groups.reduce(GroupTotals()) {
    GroupTotals(
      persons: $0.persons + $1.persons, stays: $0.stays + $1.stays,
      episodes: $0.episodes + $1.episodes, nights: $0.nights + $1.nights)
  }
  let totalRow = figures.groups.count
  for (label, sums) in zip(Labels.groups, figures.groups + [all]) {
    let row = builder.append([
      .text(label), .int(sums.persons), .quotient(sums.persons, all.persons),
      .quotient(sums.stays, sums.persons), .quotient(sums.episodes, sums.persons),
      .quotient(sums.nights, sums.persons), .quotient(sums.nights, sums.episodes),
      .int(sums.nights), .quotient(sums.nights, all.nights),
    ])
    let persons = builder.address(row, "persons")
    let total = builder.address(totalRow, "persons")
    for column in ["mean_stays", "mean_episodes", "mean_nights", "nights_per_episode", "total_nights"] {
      builder.derive(row, column, from: [persons])
    }
    builder.derive(row, "share_persons", from: [persons, total])
    builder.derive(row, "share_nights", from: [persons, total])
  }
  return builder.build()
}

/// SPEC 9.2, 1: the three groups → `total`.
func typologyRelations(_ builder: inout RelationBuilder) {
  builder.sum(
    1, parts: UserGroup.allCases.map { builder.cell("typology", [$0.rawValue], "persons") },
    total: builder.cell("typology", [Labels.total], "persons"))
}
