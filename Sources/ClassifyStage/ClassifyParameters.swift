import RegisterModel

/// What classify reads from a pipeline file, and nothing else: its stamp is these fields.
public struct ClassifyParameters: Hashable, Sendable {
  package var window: Window
  package var episodeGapDays: Int
  package var typology: TypologyParameters
  package var durationBands: [Int]
  package var plannedExitCodes: [String]

  public init(_ parameters: AnalysisParameters) {
    window = parameters.window
    episodeGapDays = parameters.episodeGapDays
    typology = parameters.typology
    durationBands = parameters.durationBands
    plannedExitCodes = parameters.plannedExitCodes
  }
}
