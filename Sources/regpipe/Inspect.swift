import ArgumentParser
import PipelineRunner

struct InspectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: "Show the columns and first rows of a stage artefact, person ids masked.",
    discussion: "Example:\n\n  regpipe inspect Output/demo/work/dedup/stays.csv.gz --rows 5")

  @Argument(help: "An artefact under Output/<pipeline>/work/ (.csv.gz, .csv or .json).")
  var artefact: String

  @Option(help: "How many rows to show.")
  var rows = 10

  func run() throws {
    print(try Inspect.render(path: artefact, rows: rows), terminator: "")
  }
}
