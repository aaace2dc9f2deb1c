import ArgumentParser
import Foundation
import PipelineCore
import PublishStage

struct Audit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check that no suppressed count of a tables folder can be shown to be small.",
    discussion: """
      Reads a folder of published tables (CSV in either dialect, or tables.xlsx; regpipe's own, \
      or edited or combined by hand) and, \
      for each suppressed count, prints the interval an intruder who has every table and \
      knows the relations of SPEC 9.2 can prove, unsafe ones (upper end below min_cell) \
      first, then a summary line. Needs no work area and no person-level data. Exits 0 when \
      safe, 1 when unsafe, 2 when the folder cannot be read. Example:

        regpipe audit Output/demo/tables
      """)

  @Argument(help: "The folder of published tables.")
  var tables: String

  @Option(help: "The threshold (default: the pipeline's, else the tables' JSON min_cell, else 5).")
  var minCell: Int?

  @Option(help: "A pipeline file to take the welfare indicators from (default: welfare_use.json).")
  var pipeline: String?

  @Flag(help: "Print the result as JSON.")
  var json = false

  func run() throws {
    let config = try pipeline.map { try PipelineConfig.load(path: $0) }
    let audit = try DisclosureAudit.audit(
      folder: tables, minCell: minCell ?? config?.publish.minCell, indicators: config?.parameters.indicators)
    print(json ? audit.json().rendered() : audit.text(), terminator: "")
    if !audit.isSafe { throw ExitCode(1) }
  }
}
