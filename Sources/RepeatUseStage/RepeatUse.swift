import RegisterModel

/// Stage 4 — repeat use (SPEC 7): yearly users with their stays, nights, stays-per-user
/// bins and returning users, the users by sex and age band, and returns after exit, one
/// entry per calendar year overlapping the window, ascending.
///
/// - Parameters:
///   - stays: deduplicated, stitched stays (SPEC 5), expected in (person, start) order.
///   - episodes: the persons' episodes (SPEC 1), expected in (person, start) order.
///   - persons: resolved persons records (one per person), for sex and birth date.
/// Inputs in any other order are sorted first, so the figures never depend on order.
package func repeatUse(
  stays: [Stay], episodes: [Episode], persons: [PersonRecord], parameters: RepeatUseParameters
) -> RepeatUseFigures {
  let stays = inPersonStartOrder(stays, person: \.person, start: \.start)
  let episodes = inPersonStartOrder(episodes, person: \.person, start: \.start)
  let records = Dictionary(persons.map { ($0.person, $0) }, uniquingKeysWith: { first, _ in first })
  let use = yearlyUse(stays, persons: records, parameters: parameters)
  return RepeatUseFigures(
    binLabels: Bins(lowerBounds: parameters.repeatBins).labels,
    horizonLabels: Bins.horizons(parameters.returnHorizons),
    years: use.years,
    returns: returnsAfterExit(episodes, parameters: parameters),
    usersBySexAge: use.bySexAge)
}
