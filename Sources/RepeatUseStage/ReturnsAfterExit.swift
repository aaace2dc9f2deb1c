import RegisterModel

/// Returns after exit per calendar year of the window (SPEC 7, table `returns`), as
/// HUD's System Performance Measure 2.
///
/// An exit is an uncensored episode whose end (its latest effective end) lies in the
/// year. Its return is the person's next episode in start order, counted in the first
/// horizon bucket holding `next.start − exit.end` days (buckets are closed, the first
/// from 0); a gap beyond the last horizon is not a return. Follow-up is complete when
/// 31 December of the year + the last horizon ≤ censor_date. `episodes` must be in
/// (person, start) order.
func returnsAfterExit(_ episodes: [Episode], parameters: RepeatUseParameters) -> [ReturnYearFigures] {
  let years = parameters.window.years
  let horizons = parameters.returnHorizons
  let lastHorizon = horizons.last ?? 0
  var figures = years.map { year in
    ReturnYearFigures(
      year: year, exits: 0, returns: Array(repeating: 0, count: horizons.count),
      followUpComplete: Day.lastOfYear(year) + lastHorizon <= parameters.censorDate)
  }
  for (i, exit) in episodes.enumerated() where !exit.censored {
    let year = exit.end.year
    guard years.contains(year) else { continue }
    let k = year - years.lowerBound
    figures[k].exits += 1
    let n = i + 1
    guard n < episodes.count, episodes[n].person == exit.person else { continue }
    let gap = episodes[n].start - exit.end
    if gap >= 0, let bucket = horizons.firstIndex(where: { gap <= $0 }) {
      figures[k].returns[bucket] += 1
    }
  }
  return figures
}
