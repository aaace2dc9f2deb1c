import RegisterModel

/// Facts about the run the relations need beyond the tables: which services each
/// welfare indicator combines (SPEC 9.2 relation 9).
package struct RelationContext: Hashable, Sendable {
  package var indicators: [Indicator]

  package init(indicators: [Indicator]) { self.indicators = indicators }
}

/// Every relation of SPEC 9.2 between the counts of `tables`. Each table declares its
/// own, and the cross-table ones it shares with a table before it, beside its builder.
package func relations(of tables: [Table], context: RelationContext) -> [CountRelation] {
  var builder = RelationBuilder(tables: tables)
  typologyRelations(&builder)
  stayDurationRelations(&builder)
  stayThresholdsRelations(&builder)
  yearlyUsersRelations(&builder)
  repeatUseRelations(&builder)
  returnsRelations(&builder)
  welfareUseRelations(&builder, indicators: context.indicators)
  regionRelations(&builder)
  sexAgeRelations(&builder)
  stayThresholdsQuarterlyRelations(&builder)
  yearlyUsersBySexAgeRelations(&builder)
  municipalityRelations(&builder)
  transitionsRelations(&builder)
  return builder.relations
}

/// For each value of the year column, the bins or bands of that year → its `total`.
func yearlyDistributionRelations(_ builder: inout RelationBuilder, table: String, binColumn: String, count: String) {
  let bins = builder.labels(table, binColumn).filter { $0 != Labels.total }
  for year in builder.labels(table, "year") {
    builder.sum(
      2, parts: bins.map { builder.cell(table, [year, $0], count) },
      total: builder.cell(table, [year, Labels.total], count))
  }
}

/// The lowest and highest value of a bin or band label (`1`, `2-4`, `5+`); nil when
/// the label is none of these shapes.
func binRange(_ label: String) -> (low: Int, high: Int?)? {
  if label.hasSuffix("+"), let low = Int(label.dropLast()) { return (low, nil) }
  let parts = label.split(separator: "-", omittingEmptySubsequences: false)
  if parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) { return (low, high) }
  if let value = Int(label) { return (value, value) }
  return nil
}
