import RegisterModel

/// What welfare use reads from a pipeline file, and nothing else: its stamp is these fields.
package struct WelfareUseParameters: Hashable, Sendable {
  package var window: Window
  package var indicators: [Indicator]

  package init(_ parameters: AnalysisParameters) {
    window = parameters.window
    indicators = parameters.indicators
  }
}
