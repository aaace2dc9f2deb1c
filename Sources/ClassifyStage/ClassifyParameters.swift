import RegisterModel

/// What classify reads from a pipeline file, and nothing else: its stamp is these fields.
public struct ClassifyParameters: Hashable, Sendable {
  public var window: Window
  public var episodeGapDays: Int
  public var typology: TypologyParameters
  public var durationBands: [Int]
  public var plannedExitCodes: [String]

  public init(_ parameters: AnalysisParameters) {
    window = parameters.window
    episodeGapDays = parameters.episodeGapDays
    typology = parameters.typology
    durationBands = parameters.durationBands
    plannedExitCodes = parameters.plannedExitCodes
  }
}
