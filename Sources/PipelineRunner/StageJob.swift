import PipelineCore
import RegisterIO

/// One stage as the runner drives it. A stage declares what it reads — its parameter
/// value, its upstream stages and whether it reads the input files — and the runner
/// hands it exactly that; its stamp is the settings of that value, the inputs' digests
/// and the upstream outputs' hashes, so it cannot read what its stamp does not cover.
protocol StageJob: Sendable {
  /// The part of the pipeline file the stage reads (`StageSettings` lists its fields).
  associatedtype Parameters
  var name: StageName { get }
  /// Stages whose results this one reads.
  var upstream: [StageName] { get }
  func parameters(of config: PipelineConfig) -> Parameters
  /// The stamp's reads of the input files; nil for a stage that does not read them.
  func inputReads(_ inputs: InputSnapshot) -> [StampKey: String]?
  /// Computes the stage from `input` and writes its results to `outputs`.
  func run(_ input: StageInput<Parameters>, into outputs: inout StageOutputs) throws
  /// Work after the folder is committed (publish installs the tables); usually none.
  func install(paths: OutputPaths) throws
  /// Why results outside the stage folder need the stage to run again; nil when fine.
  func externalStaleness(paths: OutputPaths) -> String?
}

extension StageJob {
  func inputReads(_ inputs: InputSnapshot) -> [StampKey: String]? { nil }
  func install(paths: OutputPaths) throws {}
  func externalStaleness(paths: OutputPaths) -> String? { nil }
}

/// What the runner hands a stage: its parameters, the input files if it reads them,
/// the results of its upstream stages, and how to run (threads, progress), which
/// changes no result.
struct StageInput<Parameters> {
  let parameters: Parameters
  let inputs: InputSnapshot?
  let upstream: UpstreamResults
  let jobs: Int
  let progress: ProgressReporter
  let paths: OutputPaths
  /// SPEC 3's plausibility warnings, for the report (computed from upstream results).
  let warnings: [String]
}
