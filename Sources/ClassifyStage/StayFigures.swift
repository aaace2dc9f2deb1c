import RegisterModel

/// Completed stays by year of end (SPEC 6, tables `stay_duration` and `stay_thresholds`)
/// and by quarter of end (`stay_thresholds_quarterly`, the four quarters of every year):
/// closed stays (`end != nil`) whose check-out year is a window year, by full-length
/// nights. A planned exit has a trimmed exit reason equal to a trimmed planned exit code.
func stayFigures(stays: [Stay], parameters: ClassifyParameters) -> StayFigures {
  let bins = Bins(bandEdges: parameters.durationBands)
  let years = parameters.window.years
  let plannedCodes = Set(parameters.plannedExitCodes.map(trimmed))
  var figures = years.map {
    StayYearFigures(
      year: $0, bandCounts: Array(repeating: 0, count: bins.lowerBounds.count), completedStays: 0,
      over90: 0, over120: 0, plannedExits: 0)
  }
  var quarters = years.flatMap { year in
    (1...4).map {
      StayQuarterFigures(year: year, quarter: $0, completedStays: 0, over90: 0, over120: 0, plannedExits: 0)
    }
  }
  for stay in stays {
    guard let end = stay.end, years.contains(end.year) else { continue }
    let k = end.year - years.lowerBound
    let q = 4 * k + (end.civil.month - 1) / 3
    let nights = stay.nightCount
    let planned = stay.exitReason.map { plannedCodes.contains(trimmed($0)) } ?? false
    figures[k].completedStays += 1
    quarters[q].completedStays += 1
    if let band = bins.index(of: nights) { figures[k].bandCounts[band] += 1 }
    if nights > 90 {
      figures[k].over90 += 1
      quarters[q].over90 += 1
    }
    if nights > 120 {
      figures[k].over120 += 1
      quarters[q].over120 += 1
    }
    if planned {
      figures[k].plannedExits += 1
      quarters[q].plannedExits += 1
    }
  }
  return StayFigures(bandLabels: bins.labels, years: figures, quarters: quarters)
}

/// The text without leading and trailing whitespace.
private func trimmed(_ text: String) -> Substring {
  guard let first = text.firstIndex(where: { !$0.isWhitespace }),
    let last = text.lastIndex(where: { !$0.isWhitespace })
  else { return "" }
  return text[first...last]
}
