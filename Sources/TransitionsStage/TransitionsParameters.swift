import RegisterModel

/// What transitions reads from a pipeline file, and nothing else: its stamp is these fields.
package struct TransitionsParameters: Hashable, Sendable {
  package var window: Window
  /// Exits whose longest horizon ends after it are not yet complete.
  package var censorDate: Day
  package var transitionHorizons: [Int]

  package init(_ parameters: AnalysisParameters) {
    window = parameters.window
    censorDate = parameters.censorDate
    transitionHorizons = parameters.transitionHorizons
  }
}
