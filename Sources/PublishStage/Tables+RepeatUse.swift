import RegisterModel

/// Table `yearly_users` (SPEC 9): per year, users, their stays and nights in the year,
/// nights and stays per user, and returning users (empty where SPEC 7 does not report
/// them) with their share of the users.
func yearlyUsersTable(_ figures: RepeatUseFigures) -> Table {
  var builder = TableBuilder(
    name: "yearly_users",
    columns: [
      Column("year", .year), Column("users", .count), Column("stays", .count), Column("nights", .sum),
      Column("nights_per_user", .mean), Column("stays_per_user", .mean),
      Column("returning_users", .count), Column("share_returning", .share),
    ])
  for year in figures.years.sorted(by: { $0.year < $1.year }) {
    let returning: (count: Cell, share: Cell) =
      year.returningUsers.map { (.int($0), .quotient($0, year.users)) } ?? (.empty, .empty)
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
    name: "repeat_use", binColumn: "bin", countColumn: "persons", labels: figures.binLabels,
    years: figures.years.map { ($0.year, $0.binCounts, $0.users) }, what: ("bins", "users"))
}

/// Table `returns` (SPEC 9): per year of exit, exits, returns per horizon bucket
/// (`returns_0_180`, … from the horizon labels), the share returned (the buckets' sum ÷
/// exits) and whether the follow-up is complete.
func returnsTable(_ figures: RepeatUseFigures) throws -> Table {
  let bucketColumns = figures.horizonLabels.map { "returns_" + String($0.map { $0 == "-" ? "_" : $0 }) }
  var builder = TableBuilder(
    name: "returns",
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
