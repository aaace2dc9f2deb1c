import RegisterModel

/// What welfare use reads from a pipeline file, and nothing else: its stamp is these fields.
public struct WelfareUseParameters: Hashable, Sendable {
  public var window: Window
  public var indicators: [Indicator]

  public init(_ parameters: AnalysisParameters) {
    window = parameters.window
    indicators = parameters.indicators
  }
}
