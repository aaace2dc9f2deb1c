import RegisterModel

/// The label of the transitions row counting exits followed by any service.
let anyServiceLabel = "any"

/// Table `transitions` (SPEC 8a, 9): per year, each service in source order, then `any`;
/// the year's exits, the exits followed within each horizon (`within_30`, …) and their
/// shares of the row's exits (`share_30`, …), and whether the follow-up is complete.
func transitionsTable(_ figures: TransitionFigures) throws -> Table {
  let horizons = figures.horizons.map(String.init)
  var builder = TableBuilder(
    name: TableName.transitions.rawValue,
    columns: [Column("year", .year), Column("service", .text), Column("exits", .count)]
      + horizons.map { Column("within_" + $0, .count) } + horizons.map { Column("share_" + $0, .share) }
      + [Column("follow_up_complete", .bool)])
  for year in figures.years.sorted(by: { $0.year < $1.year }) {
    try requireCount(year.withinByService, figures.serviceNames.count, "transitions \(year.year) services")
    let rows = zip(figures.serviceNames, year.withinByService).map { ($0, $1) } + [(anyServiceLabel, year.withinAny)]
    for (service, within) in rows {
      try requireCount(within, horizons.count, "transitions \(year.year) \(service) horizons")
      let row = builder.append(
        [.int(year.year), .text(service), .int(year.exits)] + within.map { .int($0) }
          + within.map { .quotient($0, year.exits) } + [.bool(year.followUpComplete)])
      for horizon in horizons {
        builder.derive(
          row, "share_" + horizon, from: [builder.address(row, "within_" + horizon), builder.address(row, "exits")])
      }
    }
  }
  return builder.build()
}

/// SPEC 9.2, 8: `within_h ≤ within_h' ≤ exits` for shorter `h`; each service's
/// `within_h ≤` the `any` row's `≤` the sum of the services'; `exits` is one figure for
/// all rows of a year; 15: that figure = the year's `exits` in `returns`.
func transitionsRelations(_ builder: inout RelationBuilder) {
  let table = "transitions"
  let within = builder.columns(table).filter { $0.hasPrefix("within_") }
  let services = builder.labels(table, "service").filter { $0 != anyServiceLabel }
  for year in builder.labels(table, "year") {
    let exits = builder.cell(table, [year, anyServiceLabel], "exits")
    for service in services + [anyServiceLabel] {
      let cells = within.map { builder.cell(table, [year, service], $0) }
      for (shorter, longer) in zip(cells, cells.dropFirst()) { builder.atMost(8, shorter, longer) }
      builder.atMost(8, cells.last ?? nil, builder.cell(table, [year, service], "exits"))
      if service != anyServiceLabel {
        builder.equal(8, [builder.cell(table, [year, service], "exits")], [exits])
      }
    }
    for column in within {
      let any = builder.cell(table, [year, anyServiceLabel], column)
      let perService = services.map { builder.cell(table, [year, $0], column) }
      for cell in perService { builder.atMost(8, cell, any) }
      builder.atMost(8, [(any, 1)], perService)
    }
    if builder.has("returns") {
      builder.equal(15, [exits], [builder.cell("returns", [year], "exits")])
    }
  }
}
