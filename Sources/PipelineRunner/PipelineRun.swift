import Foundation
import PipelineCore
import RegisterIO

/// Runs a pipeline's stages in order, skipping those whose reads are unchanged (as
/// make does), and says for each why it ran or not.
package final class PipelineRun {
  package let config: PipelineConfig
  package let options: RunOptions
  package let paths: OutputPaths
  package let progress: ProgressReporter
  /// Results computed in this process, so a full run does not read back what it wrote.
  let artefacts: ArtefactCache
  private(set) var stamps: [StageName: StageStamp] = [:]
  let jobs: [StageName: any StageJob]
  /// The input files as this run found them, taken once by `run` or `status`.
  private var snapshot: InputSnapshot?

  /// SPEC 3's plausibility warnings of this run (set before publish runs or is skipped).
  package private(set) var warnings: [String] = []

  package init(config: PipelineConfig, options: RunOptions) {
    self.config = config
    self.options = options
    paths = OutputPaths(root: options.outputRoot, pipeline: config.name)
    progress = ProgressReporter(quiet: options.quiet)
    artefacts = ArtefactCache(paths: paths)
    jobs = Dictionary(uniqueKeysWithValues: StageJobs.all.map { ($0.name, $0) })
  }

  /// Each stage's state: up to date (nil) or stale, and why — writes nothing.
  package func status() throws -> [(stage: StageName, staleReason: String?)] {
    snapshot = try InputSnapshot(config: config, work: paths.work, save: false)
    var result: [(StageName, String?)] = []
    var stale: [StageName] = []
    for stage in StageName.allCases {
      // A stage after a stale one will rerun if that one's result changes.
      let staleUpstream = jobs[stage]!.upstream.first { stale.contains($0) }
      let reason = try staleness(of: stage) ?? staleUpstream.map { "upstream stage \($0.rawValue) is stale" }
      if reason != nil { stale.append(stage) }
      result.append((stage, reason))
      if let stamp = StageStamp.read(from: paths.stage(stage.rawValue)) { stamps[stage] = stamp }
    }
    return result
  }

  /// Runs the selected stages; `report` receives each outcome as it happens.
  @discardableResult
  package func run(report: (StageOutcome) -> Void = { _ in }, warn: (String) -> Void = { _ in }) throws
    -> [StageOutcome]
  {
    let lock = try OutputLock(folder: paths.folder, wait: options.wait) {
      if !options.quiet {
        FileHandle.standardError.write(Data("waiting for another regpipe run to finish with \(paths.folder)/\n".utf8))
      }
    }
    defer { withExtendedLifetime(lock) {} }
    try AtomicDirectory.create(paths.work)
    snapshot = try InputSnapshot(config: config, work: paths.work, save: true)
    var outcomes: [StageOutcome] = []
    for stage in StageName.allCases {
      let selected = isSelected(stage)
      // With --stage, only the stages the selected one reads from must be up to date;
      // the others (later stages above all, which its new result makes stale) are left alone.
      if !selected && !isUpstreamOfSelected(stage) {
        stamps[stage] = StageStamp.read(from: paths.stage(stage.rawValue))
        continue
      }
      let stale = try staleness(of: stage)
      if !selected {
        if let stale {
          throw RunError(
            "stage \(stage.rawValue) is not up to date (\(stale)); run it first or use --from \(stage.rawValue)")
        }
        stamps[stage] = StageStamp.read(from: paths.stage(stage.rawValue))
        continue
      }
      if stage == .publish {
        warnings = try plausibilityWarnings()
        warnings.forEach(warn)
      }
      let forced = options.force || isAfterFrom(stage)
      guard forced || stale != nil else {
        stamps[stage] = StageStamp.read(from: paths.stage(stage.rawValue))
        let outcome = StageOutcome(stage: stage, action: .skipped, reason: "up to date", seconds: 0)
        outcomes.append(outcome)
        report(outcome)
        continue
      }
      let reason = stale ?? (options.force ? "--force" : "--from \(options.from!.rawValue)")
      let started = Date()
      try execute(jobs[stage]!)
      let outcome = StageOutcome(stage: stage, action: .ran, reason: reason, seconds: Date().timeIntervalSince(started))
      outcomes.append(outcome)
      report(outcome)
    }
    if recordsAreCurrent {
      try writeRecords(outcomes: outcomes)
    } else {
      try appendRunLog(outcomes)
    }
    return outcomes
  }

  /// Whether this run rewrites `manifest.json` and `quality.json`: only when it brings
  /// publish up to date (no `--stage`, or `--stage publish`, which needs every stage
  /// before it current). After `--stage` of an earlier stage the tables are older than
  /// that stage's result, and the records keep describing the tables, not a mix.
  package var recordsAreCurrent: Bool { options.stage == nil || options.stage == .publish }

  private func isSelected(_ stage: StageName) -> Bool {
    if let only = options.stage { return stage == only }
    return true
  }

  /// Whether `--stage` selected a stage that reads `stage`'s results, directly or through
  /// other stages.
  private func isUpstreamOfSelected(_ stage: StageName) -> Bool {
    guard let only = options.stage else { return false }
    var pending = jobs[only]!.upstream
    var seen: Set<StageName> = []
    while let next = pending.popLast() {
      if next == stage { return true }
      if seen.insert(next).inserted { pending += jobs[next]!.upstream }
    }
    return false
  }

  private func isAfterFrom(_ stage: StageName) -> Bool {
    guard let from = options.from else { return false }
    let order = StageName.allCases
    return order.firstIndex(of: stage)! >= order.firstIndex(of: from)!
  }

  /// Runs `job` into its stage folder, keeps its results for the stages after it and
  /// installs what it publishes.
  private func execute<Job: StageJob>(_ job: Job) throws {
    let parameters = job.parameters(of: config)
    let inputs = try inputSnapshot()
    let input = StageInput(
      parameters: parameters, inputs: job.inputReads(inputs) == nil ? nil : inputs,
      upstream: UpstreamResults(stage: job.name, upstream: job.upstream, cache: artefacts), jobs: options.jobs,
      progress: progress, paths: paths, warnings: warnings)
    var outputs: StageOutputs?
    stamps[job.name] = try StageFolder(path: paths.stage(job.name.rawValue)).commit(
      stage: job.name.rawValue, reads: try currentReads(of: job, parameters: parameters)
    ) { folder in
      var written = StageOutputs(folder: folder)
      try job.run(input, into: &written)
      try written.finish(jobs: options.jobs)
      outputs = written
    }
    if let outputs { artefacts.keep(outputs) }
    try job.install(paths: paths)
  }

  /// The input snapshot of this run (taken by `run` or `status`).
  func inputSnapshot() throws -> InputSnapshot {
    if let snapshot { return snapshot }
    let taken = try InputSnapshot(config: config, work: paths.work, save: false)
    snapshot = taken
    return taken
  }

  /// A result of the stages, computed in this process or read back from `work/`.
  func result<Value>(_ artefact: ArtefactFile<Value>) throws -> Value { try artefacts.value(artefact) }

  /// Why `stage` must run again, or nil when its stamp matches what it would read now.
  func staleness(of stage: StageName) throws -> String? {
    let folder = paths.stage(stage.rawValue)
    guard let stamp = StageStamp.read(from: folder) else { return "no previous result" }
    let job = jobs[stage]!
    for upstream in job.upstream
    where stamps[upstream] == nil && StageStamp.read(from: paths.stage(upstream.rawValue)) == nil {
      return "upstream stage \(upstream.rawValue) has no result"
    }
    return try stamp.staleness(against: currentReads(of: job), folder: folder) ?? job.externalStaleness(paths: paths)
  }

  private func currentReads<Job: StageJob>(of job: Job) throws -> [StampKey: String] {
    try currentReads(of: job, parameters: job.parameters(of: config))
  }

  /// Fingerprints of what `job` reads now: program, the settings of its parameter value,
  /// the input files if it reads them, its upstream stages' results.
  func currentReads<Job: StageJob>(of job: Job, parameters: Job.Parameters) throws -> [StampKey: String] {
    var reads: [StampKey: String] = [.program: ProgramVersion.current]
    for (name, value) in StageSettings.of(parameters) { reads[.setting(name)] = value }
    if let inputReads = job.inputReads(try inputSnapshot()) { reads.merge(inputReads) { first, _ in first } }
    for upstream in job.upstream {
      let stamp = stamps[upstream] ?? StageStamp.read(from: paths.stage(upstream.rawValue))
      reads[.stage(upstream)] = stamp?.outputHash ?? "none"
    }
    return reads
  }
}
