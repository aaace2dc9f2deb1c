import ArgumentParser
import PipelineRunner
import RegisterIO

struct InspectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: "Show the columns and first rows of a stage artefact or an extract, person ids masked.",
    discussion: "Examples:\n\n  regpipe inspect Output/demo/work/dedup/stays.csv.gz --rows 5\n  regpipe inspect Fixtures/demo/boform110_2023.csv.gz")

  @Argument(help: "An artefact under Output/<pipeline>/work/ or an extract (.csv.gz, .csv or .json).")
  var artefact: String

  @Option(help: "How many rows to show.")
  var rows = 10

  @Option(help: "Text encoding: auto (UTF-8 unless the file starts with bytes that are not), utf8 or latin1.")
  var encoding: InspectEncoding = .auto

  func run() throws {
    print(try Inspect.render(path: artefact, rows: rows, encoding: encoding.textEncoding), terminator: "")
  }
}

enum InspectEncoding: String, ExpressibleByArgument, CaseIterable {
  case auto, utf8, latin1

  var textEncoding: TextEncoding? { self == .auto ? nil : TextEncoding(rawValue: rawValue) }
}
