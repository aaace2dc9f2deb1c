import ArgumentParser
import PipelineRunner

/// The `regpipe` command line: a thin layer over `PipelineRunner`.
@main
struct Regpipe: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Register pipeline for research on shelter use (§ 110) in Denmark.")
}
