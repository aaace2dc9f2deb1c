import RegisterModel

/// Table `yearly_users` (SPEC 9): per year, users, their stays and nights in the year,
/// nights and stays per user, and returning users (`notReported` where SPEC 7 does not
/// report them) with their share of the users.
func yearlyUsersTable(_ figures: RepeatUseFigures) -> Table {
  var builder = TableBuilder(
    name: TableName.yearlyUsers.rawValue,
    columns: [
      Column("year", .year), Column("users", .count), Column("stays", .count), Column("nights", .sum),
      Column("nights_per_user", .mean), Column("stays_per_user", .mean),
      Column("returning_users", .count), Column("share_returning", .share),
    ])
  for year in figures.years.sorted(by: { $0.year < $1.year }) {
    let returning: (count: Cell, share: Cell) =
      year.returningUsers.map { (.int($0), .quotient($0, year.users)) } ?? (.notReported, .notReported)
    let row = builder.append([
      .int(year.year), .int(year.users), .int(year.stays), .int(year.nights),
      .quotient(year.nights, year.users), .quotient(year.stays, year.users), returning.count, returning.share,
    ])
    let users = builder.address(row, "users")
    builder.derive(row, "nights", from: [users])
    builder.derive(row, "nights_per_user", from: [users])
    builder.derive(row, "stays_per_user", from: [builder.address(row, "stays"), users])
    builder.derive(row, "share_returning", from: [builder.address(row, "returning_users"), users])
  }
  return builder.build()
}

/// Table `repeat_use` (SPEC 9): users per stays-per-user bin and year, then the year's
/// `total` (its users); `share` = persons ÷ the year's users.
func repeatUseTable(_ figures: RepeatUseFigures) throws -> Table {
  try yearlyDistributionTable(
    name: TableName.repeatUse.rawValue, binColumn: "bin", countColumn: "persons", labels: figures.binLabels,
    years: figures.years.map { ($0.year, $0.binCounts, $0.users) }, what: ("bins", "users"))
}

/// Table `returns` (SPEC 9): per year of exit, exits, returns per horizon bucket
/// (`returns_0_180`, … from the horizon labels), the share returned (the buckets' sum ÷
/// exits) and whether the follow-up is complete.
func returnsTable(_ figures: RepeatUseFigures) throws -> Table {
  let bucketColumns = figures.horizonLabels.map { "returns_" + String($0.map { $0 == "-" ? "_" : $0 }) }
  var builder = TableBuilder(
    name: TableName.returns.rawValue,
    columns: [Column("year", .year), Column("exits", .count)] + bucketColumns.map { Column($0, .count) }
      + [Column("share_returned", .share), Column("follow_up_complete", .bool)])
  for year in figures.returns.sorted(by: { $0.year < $1.year }) {
    try requireCount(year.returns, bucketColumns.count, "returns \(year.year) buckets")
    let row = builder.append(
      [.int(year.year), .int(year.exits)] + year.returns.map { .int($0) }
        + [.quotient(year.returns.reduce(0, +), year.exits), .bool(year.followUpComplete)])
    builder.derive(
      row, "share_returned", from: (["exits"] + bucketColumns).map { builder.address(row, $0) })
  }
  return builder.build()
}

/// SPEC 9.2, 6: `returning_users ≤ users`; Σ over bins of the bin's lowest stay count ×
/// its persons in `repeat_use` ≤ the year's `stays`.
func yearlyUsersRelations(_ builder: inout RelationBuilder) {
  let table = "yearly_users"
  for year in builder.labels(table, "year") {
    builder.atMost(6, builder.cell(table, [year], "returning_users"), builder.cell(table, [year], "users"))
    guard builder.has("repeat_use") else { continue }
    let bins = builder.labels("repeat_use", "bin").filter { $0 != Labels.total }
    let weighted = bins.map { (builder.cell("repeat_use", [year, $0], "persons"), binRange($0)?.low ?? 0) }
    builder.atMost(6, weighted, [builder.cell(table, [year], "stays")])
  }
}

/// SPEC 9.2, 2: a year's bins → its `total`; 14: `yearly_users` `users` = that `total`.
func repeatUseRelations(_ builder: inout RelationBuilder) {
  yearlyDistributionRelations(&builder, table: "repeat_use", binColumn: "bin", count: "persons")
  guard builder.has("yearly_users") else { return }
  for year in builder.labels("repeat_use", "year") {
    builder.equal(
      14, [builder.cell("yearly_users", [year], "users")],
      [builder.cell("repeat_use", [year, Labels.total], "persons")])
  }
}

/// SPEC 9.2, 7: the returns of a year's exits ≤ its exits.
func returnsRelations(_ builder: inout RelationBuilder) {
  let table = "returns"
  let buckets = builder.columns(table).filter { $0.hasPrefix("returns_") }
  for year in builder.labels(table, "year") {
    builder.atMost(
      7, buckets.map { (builder.cell(table, [year], $0), 1) }, [builder.cell(table, [year], "exits")])
  }
}

/// Table `yearly_users_by_sex_age` (SPEC 9): per year, sexes `M, F, unknown, total` × age
/// bands on 31 December (`<18 … 60+, unknown, total`), every combination present;
/// `share` = users ÷ the (year, sex)'s `total` band, so the `total` sex gives the age
/// profile of all users.
func yearlyUsersBySexAgeTable(_ figures: RepeatUseFigures) throws -> Table {
  let (sexes, bands) = (Labels.sexes.count, Labels.ageBands.count)
  let years = figures.years.map(\.year).sorted()
  // users[y][s][b] over the whole grid, totals included.
  var users = Array(repeating: Array(repeating: Array(repeating: 0, count: bands), count: sexes), count: years.count)
  var seen: Set<[Int]> = []
  for cell in figures.usersBySexAge {
    guard let y = years.firstIndex(of: cell.year) else {
      throw PublishError("yearly_users_by_sex_age: unexpected year in the figures")
    }
    let (s, b) = (Labels.sexIndex(cell.sex), cell.ageBand.rawValue)
    guard seen.insert([y, s, b]).inserted else {
      throw PublishError(
        "yearly_users_by_sex_age: \(cell.year), sex \(Sex.label(cell.sex)), age band \(cell.ageBand.label) twice")
    }
    for s2 in [s, sexes - 1] {
      for b2 in [b, bands - 1] { users[y][s2][b2] += cell.users }
    }
  }
  for (y, year) in figures.years.sorted(by: { $0.year < $1.year }).enumerated()
  where users[y][sexes - 1][bands - 1] != year.users {
    throw PublishError("yearly_users_by_sex_age \(year.year): the sexes and age bands do not add up to the users")
  }
  var builder = TableBuilder(
    name: TableName.yearlyUsersBySexAge.rawValue,
    columns: [
      Column("year", .year), Column("sex", .text), Column("age_band", .text), Column("users", .count),
      Column("share", .share),
    ])
  for (y, year) in years.enumerated() {
    for s in 0..<sexes {
      let totalRow = builder.rows.count + bands - 1
      for b in 0..<bands {
        let count = users[y][s][b]
        let row = builder.append([
          .int(year), .text(Labels.sexes[s]), .text(Labels.ageBands[b]), .int(count),
          .quotient(count, users[y][s][bands - 1]),
        ])
        builder.derive(row, "share", from: [builder.address(row, "users"), builder.address(totalRow, "users")])
      }
    }
  }
  return builder.build()
}

/// SPEC 9.2, 4: the age bands of a (year, sex) → the `total` band; the sexes of a (year,
/// age band) → the `total` sex; 14: `yearly_users` `users` = (year, `total`, `total`).
func yearlyUsersBySexAgeRelations(_ builder: inout RelationBuilder) {
  let table = "yearly_users_by_sex_age"
  let (sexes, bands) = (builder.labels(table, "sex"), builder.labels(table, "age_band"))
  func users(_ year: String, _ sex: String, _ band: String) -> CountCell? {
    builder.cell(table, [year, sex, band], "users")
  }
  for year in builder.labels(table, "year") {
    for sex in sexes {
      builder.sum(
        4, parts: bands.filter { $0 != Labels.total }.map { users(year, sex, $0) },
        total: users(year, sex, Labels.total))
    }
    for band in bands {
      builder.sum(
        4, parts: sexes.filter { $0 != Labels.total }.map { users(year, $0, band) },
        total: users(year, Labels.total, band))
    }
    if builder.has("yearly_users") {
      builder.equal(14, [builder.cell("yearly_users", [year], "users")], [users(year, Labels.total, Labels.total)])
    }
  }
}
