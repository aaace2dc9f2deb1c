import PipelineCore
import RegisterModel

/// What load reads from a pipeline file, and nothing else: its stamp is these fields
/// (with the digests of the input files).
public struct LoadParameters: Sendable {
  public var sources: [SourceConfig]
  /// Where open stays and events end when a source gives no extract date.
  public var censorDate: Day
  public var idFormat: IDFormat
  public var maxRejectShare: Double

  public init(_ config: PipelineConfig) {
    sources = config.sources
    censorDate = config.parameters.censorDate
    idFormat = config.parameters.idFormat
    maxRejectShare = config.parameters.maxRejectShare
  }
}

/// One input file: the path to open, and the name the run's records give it (relative
/// to the pipeline file's folder), so results do not depend on the current directory.
public struct InputFile: Hashable, Sendable {
  public var path: String
  public var name: String

  public init(path: String, name: String) {
    self.path = path
    self.name = name
  }
}
