import ArgumentParser
import Foundation
import PipelineCore
import PipelineRunner

extension StageName: ExpressibleByArgument {}

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a pipeline's stages that are not up to date.",
    discussion: """
      Each stage is skipped when what it reads (upstream results, its parameters, the \
      program version) is unchanged; one line per stage says what happened and why. Examples:

        regpipe run Pipelines/demo.yaml
        regpipe run Pipelines/demo.yaml --from classify
        regpipe run Pipelines/nightly.yaml --stage publish --output /data/results
      """)

  @Argument(help: "The pipeline file (YAML).")
  var pipeline: String

  @Option(help: "Run only this stage (when stale, or with --force); the stages it reads from must be up to date.")
  var stage: StageName?

  @Option(help: "Rerun this stage and every stage after it.")
  var from: StageName?

  @Flag(help: "Rerun the selected stages even when up to date.")
  var force = false

  @Option(help: "Root folder for results; <pipeline>/ is made inside it.")
  var output = "Output"

  @Option(help: "Files read in parallel.")
  var jobs = 2

  @Flag(name: [.short, .long], help: "No progress on stderr.")
  var quiet = false

  @Flag(help: "Make every plausibility warning an error (for nightly runs).")
  var strict = false

  @Flag(help: "Wait for another run on the same output folder to finish, instead of stopping.")
  var wait = false

  func validate() throws {
    if stage != nil && from != nil { throw ValidationError("--stage and --from cannot be combined") }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    let config = try PipelineConfig.load(path: pipeline)
    var options = RunOptions()
    options.stage = stage
    options.from = from
    options.force = force
    options.outputRoot = output
    options.jobs = jobs
    options.quiet = quiet
    options.strict = strict
    options.wait = wait
    let runner = PipelineRun(config: config, options: options)
    try runner.run(
      report: { print($0.line) }, warn: { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) })
    if let stage, !runner.recordsAreCurrent {
      print(
        "records: manifest.json and quality.json not rewritten; they describe the tables, which --stage \(stage.rawValue) leaves as they are"
      )
    }
    print("tables: \(runner.paths.tables)")
    print("report: \(runner.paths.report)")
  }
}
