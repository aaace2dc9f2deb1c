import Foundation
import RegisterIO
import RegisterModel
import XCTest

@testable import PublishStage

final class DiffTests: XCTestCase {
  private var root = ""

  override func setUpWithError() throws {
    root = NSTemporaryDirectory() + "/publish-diff-" + UUID().uuidString
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: root)
  }

  /// Writes the tables as CSV into `root/<name>` and returns that folder.
  private func folder(_ name: String, _ tables: [Table]) throws -> String {
    let path = root + "/" + name
    try writeTables(tables, to: path, pipeline: "demo", minCell: 5, formats: [.csv])
    return path
  }

  func testEqualFoldersHaveNoDifferences() throws {
    let tables = try Fixtures.tables()
    let differences = try diffTables(
      expected: try folder("a", tables), actual: try folder("b", tables), tolerance: 0)
    XCTAssertEqual(differences, [])
  }

  func testAChangedCountIsReportedExactly() throws {
    let differences = try diffTables(
      expected: try folder("a", [smallTable()]), actual: try folder("b", [smallTable(persons: 13)]), tolerance: 0.001)
    XCTAssertEqual(differences.map(\.description), ["small / region=Region \"Nord\", DK / persons / 12 / 13"])
    XCTAssertEqual(differences.map(\.kind), [.value])
  }

  func testSharesAreComparedWithinTheTolerance() throws {
    let expected = try folder("a", [smallTable()])  // 0.3333
    let actual = try folder("b", [smallTable(share: .ratio(3334, 10_000))])  // 0.3334
    XCTAssertEqual(try diffTables(expected: expected, actual: actual, tolerance: 0.0001), [])
    XCTAssertEqual(
      try diffTables(expected: expected, actual: actual, tolerance: 0.00001).map(\.description),
      ["small / region=Region \"Nord\", DK / share / 0.3333 / 0.3334"])
  }

  func testASuppressionChangeIsOneDifferencePerCell() throws {
    // min_cell 5 hides the total row's `persons` 3 and its mean; the other side
    // publishes them.
    var unsuppressed = smallTable()
    unsuppressed.suppressed = unsuppressed.suppressed.map { $0.map { _ in false } }
    let differences = try diffTables(
      expected: try folder("a", [smallTable()]), actual: try folder("b", [unsuppressed]), tolerance: 0)
    XCTAssertEqual(
      differences.map(\.description),
      ["small / region=total / persons / suppressed / 3", "small / region=total / mean / suppressed / 2.5"])
    XCTAssertEqual(differences.map(\.kind), [.suppression, .suppression])
  }

  func testMissingAndExtraTablesRowsAndColumns() throws {
    let tables = try Fixtures.tables()
    let expected = try folder("a", tables)
    let actual = try folder("b", tables)
    try FileManager.default.removeItem(atPath: actual + "/returns.csv")
    try FileManager.default.removeItem(atPath: expected + "/welfare_use.csv")
    // stay_thresholds: drop the 2020 row and rename a column.
    let path = actual + "/stay_thresholds.csv"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    let edited = [lines[0].replacingOccurrences(of: "planned_exits", with: "planned")] + [lines[1]]
    try (edited.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let differences = try diffTables(expected: expected, actual: actual, tolerance: 0)
    XCTAssertEqual(
      differences.map(\.description),
      [
        "returns / - / - / present / absent",
        "stay_thresholds / - / planned_exits / present / absent",
        "stay_thresholds / - / planned / absent / present",
        "stay_thresholds / year=2020 / - / present / absent",
        "welfare_use / - / - / absent / present",
      ])
    XCTAssertEqual(differences.map(\.kind), [.missingTable, .missingColumn, .extraColumn, .missingRow, .extraTable])
  }

  func testRowOrderIsReported() throws {
    let expected = try folder("a", [try Fixtures.tables()[named: "returns"]])
    let actual = try folder("b", [try Fixtures.tables()[named: "returns"]])
    let path = actual + "/returns.csv"
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    try ([lines[0], lines[2], lines[1]].joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    XCTAssertEqual(
      try diffTables(expected: expected, actual: actual, tolerance: 0).map(\.description),
      ["returns / year=2019 / - / year=2019 / year=2020"])
  }

  func testColumnOrderIsReported() throws {
    let expected = try folder("a", [smallTable()])
    let actual = root + "/b"
    try FileManager.default.createDirectory(atPath: actual, withIntermediateDirectories: true)
    let swapped = smallTable().csv().split(separator: "\n").map { line -> String in
      var fields = CSVRecords.parse(String(line))[0].map { CSVWriter.field($0) }
      fields.swapAt(2, 3)
      return fields.joined(separator: ",")
    }
    try (swapped.joined(separator: "\n") + "\n").write(toFile: actual + "/small.csv", atomically: true, encoding: .utf8)
    XCTAssertEqual(
      try diffTables(expected: expected, actual: actual, tolerance: 0).map(\.description),
      ["small / - / share / share / mean"])
  }

  func testAnUnreadableFolderIsAnError() {
    XCTAssertThrowsError(try diffTables(expected: root + "/none", actual: root + "/none", tolerance: 0))
  }
}
