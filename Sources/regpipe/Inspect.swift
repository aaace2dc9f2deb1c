import ArgumentParser
import PipelineRunner
import RegisterIO

struct InspectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: "Show the columns and first rows of a stage artefact or an extract, person ids masked.",
    discussion: """
      Examples:

        regpipe inspect Output/demo/work/dedup/stays.csv.gz --rows 5
        regpipe inspect Fixtures/demo/boform110_2023.csv.gz
        regpipe inspect Fixtures/demo-sas/bef.sas7bdat
        regpipe inspect Fixtures/demo-sas/bef.sas7bdat --csv > bef.csv
      """)

  @Argument(help: "An artefact under Output/<pipeline>/work/ or an extract (.csv.gz, .csv, .sas7bdat or .json).")
  var artefact: String

  @Option(help: "How many rows to show.")
  var rows = 10

  @Option(help: "Text encoding: auto (UTF-8 unless the file starts with bytes that are not), utf8 or latin1.")
  var encoding: InspectEncoding = .auto

  @Flag(help: "A SAS dataset's rows, all of them, as CSV on stdout (dates as ISO dates, person ids masked).")
  var csv = false

  func validate() throws {
    if csv, !artefact.lowercased().hasSuffix(".sas7bdat") {
      throw ValidationError("--csv reads SAS datasets (.sas7bdat); \(artefact) is not one")
    }
  }

  func run() throws {
    if csv {
      try Inspect.writeCSV(
        path: artefact, encoding: encoding.textEncoding, to: FileSink(standardOutputWithCapacity: 1 << 16))
      return
    }
    print(try Inspect.render(path: artefact, rows: rows, encoding: encoding.textEncoding), terminator: "")
  }
}

enum InspectEncoding: String, ExpressibleByArgument, CaseIterable {
  case auto, utf8, latin1

  var textEncoding: TextEncoding? { self == .auto ? nil : TextEncoding(rawValue: rawValue) }
}
