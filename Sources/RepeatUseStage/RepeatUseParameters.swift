import RegisterModel

/// What repeat use reads from a pipeline file, and nothing else: its stamp is these fields.
package struct RepeatUseParameters: Hashable, Sendable {
  package var window: Window
  /// Returns whose horizon ends after it are not yet complete.
  package var censorDate: Day
  package var repeatBins: [Int]
  package var lookbackYears: Int
  package var returnHorizons: [Int]

  package init(_ parameters: AnalysisParameters) {
    window = parameters.window
    censorDate = parameters.censorDate
    repeatBins = parameters.repeatBins
    lookbackYears = parameters.lookbackYears
    returnHorizons = parameters.returnHorizons
  }
}
