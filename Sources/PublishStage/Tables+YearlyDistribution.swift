import RegisterModel

/// A count spread over labelled bins each year, then the year's `total`; `share` = the
/// bin's count ÷ the year's total; the bins of a year add up to its total
/// (SPEC 9.2, 2). The shape of `stay_duration` (bands) and `repeat_use` (bins).
func yearlyDistributionTable(
  name: String, binColumn: String, countColumn: String, labels: [String],
  years: [(year: Int, counts: [Int], total: Int)], what: (bins: String, total: String)
) throws -> Table {
  var builder = TableBuilder(
    name: name,
    columns: [Column("year", .year), Column(binColumn, .text), Column(countColumn, .count), Column("share", .share)])
  for year in years.sorted(by: { $0.year < $1.year }) {
    try requireCount(year.counts, labels.count, "\(name) \(year.year) \(what.bins)")
    guard year.counts.reduce(0, +) == year.total else {
      throw PublishError("\(name) \(year.year): the \(what.bins) do not add up to the \(what.total)")
    }
    let totalRow = builder.rows.count + labels.count
    for (label, count) in zip(labels + [Labels.total], year.counts + [year.total]) {
      let row = builder.append([.int(year.year), .text(label), .int(count), .quotient(count, year.total)])
      builder.derive(
        row, "share", from: [builder.address(row, countColumn), builder.address(totalRow, countColumn)])
    }
  }
  return builder.build()
}
