import RegisterModel

/// What repeat use reads from a pipeline file, and nothing else: its stamp is these fields.
public struct RepeatUseParameters: Hashable, Sendable {
  public var window: Window
  /// Returns whose horizon ends after it are not yet complete.
  public var censorDate: Day
  public var repeatBins: [Int]
  public var lookbackYears: Int
  public var returnHorizons: [Int]

  public init(_ parameters: AnalysisParameters) {
    window = parameters.window
    censorDate = parameters.censorDate
    repeatBins = parameters.repeatBins
    lookbackYears = parameters.lookbackYears
    returnHorizons = parameters.returnHorizons
  }
}
