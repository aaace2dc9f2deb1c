import PipelineCore
import RegisterModel

/// What load reads from a pipeline file, and nothing else: its stamp is these fields
/// (with the digests of the input files).
package struct LoadParameters: Sendable {
  package var sources: [SourceConfig]
  /// Where open stays and events end when a source gives no extract date.
  package var censorDate: Day
  package var idFormat: IDFormat
  package var maxRejectShare: Double

  package init(_ config: PipelineConfig) {
    sources = config.sources
    censorDate = config.parameters.censorDate
    idFormat = config.parameters.idFormat
    maxRejectShare = config.parameters.maxRejectShare
  }
}

/// One input file: the path to open, and the name the run's records give it (relative
/// to the pipeline file's folder), so results do not depend on the current directory.
package struct InputFile: Hashable, Sendable {
  package var path: String
  package var name: String

  package init(path: String, name: String) {
    self.path = path
    self.name = name
  }
}
