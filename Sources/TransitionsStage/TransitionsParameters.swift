import RegisterModel

/// What transitions reads from a pipeline file, and nothing else: its stamp is these fields.
public struct TransitionsParameters: Hashable, Sendable {
  public var window: Window
  /// Exits whose longest horizon ends after it are not yet complete.
  public var censorDate: Day
  public var transitionHorizons: [Int]

  public init(_ parameters: AnalysisParameters) {
    window = parameters.window
    censorDate = parameters.censorDate
    transitionHorizons = parameters.transitionHorizons
  }
}
