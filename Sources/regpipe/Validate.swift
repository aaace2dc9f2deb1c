import ArgumentParser
import LoadStage
import PipelineCore

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a pipeline file and its inputs' headers; writes nothing.",
    discussion: "Example:\n\n  regpipe validate Pipelines/nightly.yaml")

  @Argument(help: "The pipeline file (YAML).")
  var pipeline: String

  func run() throws {
    let config = try PipelineConfig.load(path: pipeline)
    let files = try checkInputs(config: config)
    print("\(pipeline): valid; \(config.sources.count) sources, \(files.count) input files with the configured columns")
  }
}
