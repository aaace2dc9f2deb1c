import RegisterModel

/// Stage 4 — repeat use (SPEC 7): yearly users with their stays, nights, stays-per-user
/// bins and returning users, and returns after exit, one entry per calendar year
/// overlapping the window, ascending.
///
/// - Parameters:
///   - stays: deduplicated, stitched stays (SPEC 5), expected in (person, start) order.
///   - episodes: the persons' episodes (SPEC 1), expected in (person, start) order.
/// Inputs in any other order are sorted first, so the figures never depend on order.
public func repeatUse(stays: [Stay], episodes: [Episode], parameters: AnalysisParameters)
  -> RepeatUseFigures
{
  let stays = inPersonStartOrder(stays, person: \.person, start: \.start)
  let episodes = inPersonStartOrder(episodes, person: \.person, start: \.start)
  return RepeatUseFigures(
    binLabels: Bins(lowerBounds: parameters.repeatBins).labels,
    horizonLabels: Bins.horizons(parameters.returnHorizons),
    years: yearlyUse(stays, parameters: parameters),
    returns: returnsAfterExit(episodes, parameters: parameters))
}
