import PipelineCore

/// How `regpipe run` was asked to run.
package struct RunOptions: Sendable {
  /// Run only this stage (its upstream stages must be up to date).
  package var stage: StageName?
  /// Rerun this stage and every stage after it.
  package var from: StageName?
  /// Rerun every selected stage even when up to date.
  package var force = false
  /// Results go to `<outputRoot>/<pipeline>/`.
  package var outputRoot = "Output"
  /// Files read in parallel.
  package var jobs = 2
  package var quiet = false
  /// Every plausibility warning stops the run before publish (nightly runs).
  package var strict = false
  /// Wait for another run on the same output folder instead of stopping at once.
  package var wait = false

  package init() {}
}

/// What happened to one stage in a run: one line of `regpipe run`'s output.
package struct StageOutcome: Sendable, Equatable {
  package enum Action: String, Sendable { case ran, skipped }
  package var stage: StageName
  package var action: Action
  package var reason: String
  package var seconds: Double

  /// `dedup: ran (parameter episode_gap_days changed)`.
  package var line: String { "\(stage.rawValue): \(action.rawValue) (\(reason))" }
}
