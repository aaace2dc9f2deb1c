import RegisterModel

/// Consecutive calendar years as day boundaries, for cutting night ranges into years
/// without allocating.
struct YearGrid {
  /// The grid's first year: index 0.
  let firstYear: Int
  /// `starts[i]` is 1 January of `firstYear + i`; the last entry is 1 January after the
  /// grid's last year.
  private let starts: [Day]

  init(years: ClosedRange<Int>) {
    firstYear = years.lowerBound
    starts = (years.lowerBound...(years.upperBound + 1)).map(Day.firstOfYear)
  }

  /// Number of years in the grid.
  var count: Int { starts.count - 1 }

  /// Calls `body(index, nights)` for each grid year that `range` overlaps, with the
  /// number of the range's days in that year.
  func forEachYear(of range: Range<Day>, _ body: (_ index: Int, _ nights: Int) -> Void) {
    let lower = max(range.lowerBound, starts[0])
    let upper = min(range.upperBound, starts[count])
    guard lower < upper else { return }
    var i = lower.year - firstYear
    while i < count, starts[i] < upper {
      body(i, min(upper, starts[i + 1]) - max(lower, starts[i]))
      i += 1
    }
  }
}
