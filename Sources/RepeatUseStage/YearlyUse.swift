import RegisterModel

/// Users, stays, nights, stays-per-user bins and returning users per calendar year of
/// the window (SPEC 7, tables `yearly_users` and `repeat_use`).
///
/// A calendar year counts whole, also where the window covers only part of it. A user's
/// nights are the union of their stays' nights, so overlapping stays at two
/// institutions count each night once; a stay over New Year counts in both years.
/// `stays` must be in (person, start) order.
func yearlyUse(_ stays: [Stay], parameters: AnalysisParameters) -> [UseYearFigures] {
  let window = parameters.window
  let lookback = max(0, parameters.lookbackYears)
  // Grid index `lookback` is the window's first year; the years before are for lookback.
  let grid = YearGrid(years: (window.from.year - lookback)...window.to.year)
  let bins = Bins(lowerBounds: parameters.repeatBins)
  var figures = window.years.map { year in
    UseYearFigures(
      year: year, users: 0, stays: 0, nights: 0,
      binCounts: Array(repeating: 0, count: bins.lowerBounds.count),
      returningUsers: year - lookback >= window.from.year ? 0 : nil)
  }
  // One person's nights and stays per grid year, reused for every person.
  var nights = [Int](repeating: 0, count: grid.count)
  var stayCounts = [Int](repeating: 0, count: grid.count)

  stays.forEachPersonRun(\.person) { run in
    for i in nights.indices {
      nights[i] = 0
      stayCounts[i] = 0
    }
    // The union of the run's nights as disjoint ranges, merged in start order.
    var merged: Range<Day>?
    for stay in run {
      let range = stay.nights
      grid.forEachYear(of: range) { i, _ in stayCounts[i] += 1 }
      if let current = merged, range.lowerBound <= current.upperBound {
        merged = current.lowerBound..<max(current.upperBound, range.upperBound)
      } else {
        if let current = merged { grid.forEachYear(of: current) { nights[$0] += $1 } }
        merged = range
      }
    }
    if let current = merged { grid.forEachYear(of: current) { nights[$0] += $1 } }

    for k in figures.indices {
      let i = lookback + k
      guard nights[i] > 0 else { continue }
      figures[k].users += 1
      figures[k].stays += stayCounts[i]
      figures[k].nights += nights[i]
      if let bin = bins.index(of: stayCounts[i]) { figures[k].binCounts[bin] += 1 }
      if figures[k].returningUsers != nil, nights[(i - lookback)..<i].contains(where: { $0 > 0 }) {
        figures[k].returningUsers! += 1
      }
    }
  }
  return figures
}
