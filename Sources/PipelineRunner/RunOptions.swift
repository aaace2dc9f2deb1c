import PipelineCore

/// How `regpipe run` was asked to run.
public struct RunOptions: Sendable {
  /// Run only this stage (its upstream stages must be up to date).
  public var stage: StageName?
  /// Rerun this stage and every stage after it.
  public var from: StageName?
  /// Rerun every selected stage even when up to date.
  public var force = false
  /// Results go to `<outputRoot>/<pipeline>/`.
  public var outputRoot = "Output"
  /// Files read in parallel.
  public var jobs = 2
  public var quiet = false
  /// Every plausibility warning stops the run before publish (nightly runs).
  public var strict = false
  /// Wait for another run on the same output folder instead of stopping at once.
  public var wait = false

  public init() {}
}

/// What happened to one stage in a run: one line of `regpipe run`'s output.
public struct StageOutcome: Sendable, Equatable {
  public enum Action: String, Sendable { case ran, skipped }
  public var stage: StageName
  public var action: Action
  public var reason: String
  public var seconds: Double

  /// `dedup: ran (parameter episode_gap_days changed)`.
  public var line: String { "\(stage.rawValue): \(action.rawValue) (\(reason))" }
}
