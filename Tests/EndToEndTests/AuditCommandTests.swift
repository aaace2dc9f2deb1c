import Foundation
import XCTest

/// `regpipe audit` (SPEC 9.1) on folders of published tables: regpipe's own, the
/// fixture's, and ones edited by hand.
final class AuditCommandTests: EndToEndCase {
  /// The demo run's tables are safe, and the run left `disclosure.json` beside them.
  func testTheDemoTablesAreSafe() throws {
    let output = folder("out")
    try run("Pipelines/demo.yaml", output: output)
    let result = try Regpipe.run(["audit", output + "/demo/tables"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      result.stdout.split(separator: "\n").last,
      "327 suppressed counts, 0 unsafe (min_cell 5): safe; smallest upper bound 5")
    let record = try String(contentsOfFile: output + "/demo/disclosure.json", encoding: .utf8)
    XCTAssertTrue(record.contains("\"safe\": true"))
    XCTAssertFalse(record.contains("primary"))
  }

  /// A CSV-only run (the edge fixture writes no JSON) is audited with the run's manifest:
  /// its min_cell and indicators.
  func testACSVOnlyRunIsAuditedWithItsManifest() throws {
    let output = folder("out")
    try run("Fixtures/edge/pipeline-mincell.yaml", output: output)
    let result = try Regpipe.run(["audit", output + "/edge-mincell/tables"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      result.stdout.split(separator: "\n").last,
      "214 suppressed counts, 0 unsafe (min_cell 5): safe; smallest upper bound 5")
  }

  /// Publishing the edge fixture's short (9) and total (14) again, by hand, gives
  /// episodic + long = 5; with the other tables' relations the intruder then pins both
  /// down exactly, and 83 cells in all (the reference audit finds the same): exit 1, unsafe lines first.
  func testAHandEditedFolderThatLeaksIsUnsafe() throws {
    let tables = folder("tables")
    try FileManager.default.copyItem(atPath: "Fixtures/edge/expected-mincell", toPath: tables)
    let typology = """
      group,persons,suppressed
      short,9,
      episodic,,persons
      long,,persons
      total,14,

      """
    try typology.write(toFile: tables + "/typology.csv", atomically: true, encoding: .utf8)
    let result = try Regpipe.run(["audit", tables, "--pipeline", "Fixtures/edge/pipeline-mincell.yaml"])
    XCTAssertEqual(result.status, 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      Array(lines.prefix(2)),
      ["UNSAFE typology group=episodic persons [3, 3]", "UNSAFE typology group=long persons [2, 2]"])
    XCTAssertEqual(lines.last, "212 suppressed counts, 83 unsafe (min_cell 5): unsafe; smallest upper bound 1")
  }

  func testTheFixtureIsSafeAndJSONSaysSo() throws {
    let result = try Regpipe.run([
      "audit", "Fixtures/edge/expected-mincell", "--pipeline", "Fixtures/edge/pipeline-mincell.yaml", "--json",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(json["safe"] as? Bool, true)
    XCTAssertEqual(json["suppressed_counts"] as? Int, 214)
    XCTAssertEqual(json["min_cell"] as? Int, 5)
  }

  /// Unreadable input exits 2 with a message naming the file.
  func testUnreadableInputExitsTwo() throws {
    let empty = folder("empty")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let none = try Regpipe.run(["audit", empty])
    XCTAssertEqual(none.status, 2)
    XCTAssertEqual(
      none.stderr, "regpipe: \(empty): no published tables (typology.csv, …, or tables.xlsx) in the folder\n")

    let bad = folder("bad")
    try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
    try "group,persons,suppressed\nshort,many,\n".write(
      toFile: bad + "/typology.csv", atomically: true, encoding: .utf8)
    let result = try Regpipe.run(["audit", bad])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.stderr, "regpipe: \(bad)/typology.csv: line 2, column persons: not a count (a whole number ≥ 0)\n")

    let csvOnly = folder("csv-only")
    try FileManager.default.copyItem(atPath: "Fixtures/edge/expected-mincell", toPath: csvOnly)
    let noDefinitions = try Regpipe.run(["audit", csvOnly])
    XCTAssertEqual(noDefinitions.status, 2)
    XCTAssertTrue(
      noDefinitions.stderr.contains("cannot tell which services each indicator of welfare_use.csv combines"),
      noDefinitions.stderr)
  }
}
