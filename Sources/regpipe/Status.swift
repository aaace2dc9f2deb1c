import ArgumentParser
import PipelineCore
import PipelineRunner

struct Status: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Say for each stage whether it is up to date, and why not.",
    discussion: "Writes nothing. Example:\n\n  regpipe status Pipelines/demo.yaml")

  @Argument(help: "The pipeline file (YAML).")
  var pipeline: String

  @Option(help: "Root folder for results; <pipeline>/ is made inside it.")
  var output = "Output"

  func run() throws {
    let config = try PipelineConfig.load(path: pipeline)
    // A missing input is the first thing to know, before any stage's state.
    for source in config.sources { _ = try source.resolveFiles(relativeTo: config.directory) }
    var options = RunOptions()
    options.outputRoot = output
    options.quiet = true
    for (stage, reason) in try PipelineRun(config: config, options: options).status() {
      print("\(stage.rawValue): " + (reason.map { "stale (\($0))" } ?? "up to date"))
    }
  }
}
