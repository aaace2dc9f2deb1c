import PipelineCore

/// One stage as the runner drives it: what it reads, and how it writes its folder.
protocol StageJob: Sendable {
  var name: StageName { get }
  /// Stages whose results this one reads.
  var upstream: [StageName] { get }
  /// What the stage reads besides upstream results: parameters, input files.
  func reads(_ run: PipelineRun) throws -> [String: String]
  /// Computes the stage and writes its results into `folder` (a staging folder).
  func run(_ run: PipelineRun, into folder: String) throws
  /// Work after the folder is committed (publish installs the tables); usually none.
  func install(_ run: PipelineRun) throws
  /// Why results outside the stage folder need the stage to run again; nil when fine.
  func externalStaleness(_ run: PipelineRun) -> String?
}

extension StageJob {
  func install(_ run: PipelineRun) throws {}
  func externalStaleness(_ run: PipelineRun) -> String? { nil }
}
