import ArgumentParser
import PublishStage

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare two tables folders cell by cell.",
    discussion: """
      Reads each folder's CSV tables (standard or excel-da), or its tables.xlsx when it has \
      no CSV. Counts must be equal, shares and means within the tolerance, suppression identical. \
      Prints each difference as table / row / column / expected / actual; exits 0 when the \
      folders agree and 1 otherwise. Example:

        regpipe diff Fixtures/demo/expected Output/demo/tables
      """)

  @Argument(help: "The folder of expected tables.")
  var expected: String

  @Argument(help: "The folder of tables to check.")
  var actual: String

  @Option(help: "Largest accepted difference of a share or mean.")
  var tolerance = 0.0001

  func run() throws {
    let differences = try diffTables(expected: expected, actual: actual, tolerance: tolerance)
    guard !differences.isEmpty else {
      print("no differences")
      return
    }
    for difference in differences { print(difference) }
    print("\(differences.count) differences")
    throw ExitCode(1)
  }
}
