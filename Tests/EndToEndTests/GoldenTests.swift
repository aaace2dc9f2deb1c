import Foundation
import XCTest

/// Full runs of the fixtures, compared through `regpipe diff` with the expected tables
/// (hand-worked for the edge fixture, from the independent `scripts/reference.py` for
/// the demo).
final class GoldenTests: EndToEndCase {
  private func checkGolden(
    pipeline: String, name: String, expected: String, warnings: String = "", file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    let output = folder("out")
    let result = try run(pipeline, output: output, file: file, line: line)
    XCTAssertEqual(
      result.lines,
      allRan("no previous result") + ["tables: \(output)/\(name)/tables", "report: \(output)/\(name)/report.html"],
      file: file, line: line)
    XCTAssertEqual(result.stderr, warnings, "-q prints only plausibility warnings on stderr", file: file, line: line)

    let diff = try Regpipe.run(["diff", expected, "\(output)/\(name)/tables"])
    XCTAssertEqual(diff.status, 0, diff.stdout + diff.stderr, file: file, line: line)
    XCTAssertEqual(diff.stdout, "no differences\n", file: file, line: line)

    for record in ["manifest.json", "quality.json", "run.log", "report.html"] {
      XCTAssertTrue(
        FileManager.default.fileExists(atPath: "\(output)/\(name)/\(record)"), "\(record) missing",
        file: file, line: line)
    }
    for stage in ["load", "dedup", "classify", "repeat_use", "welfare_use", "transitions", "publish"] {
      XCTAssertTrue(
        FileManager.default.fileExists(atPath: "\(output)/\(name)/work/\(stage)/stamp.json"),
        "\(stage) has no stamp", file: file, line: line)
    }
  }

  /// The hand-made edge fixture has no stay of `boform_a` touching 2018 (EXPECTED.md).
  private static let edgeWarning =
    "warning: stays source 'boform_a' has no stay in 2018, inside 2017–2022: is a yearly file missing?\n"

  func testEdgeFixtureMatchesHandWorkedTables() throws {
    try checkGolden(
      pipeline: "Fixtures/edge/pipeline.yaml", name: "edge", expected: "Fixtures/edge/expected",
      warnings: Self.edgeWarning)
  }

  func testEdgeFixtureWithMinCellMatchesHandWorkedTables() throws {
    try checkGolden(
      pipeline: "Fixtures/edge/pipeline-mincell.yaml", name: "edge-mincell", expected: "Fixtures/edge/expected-mincell",
      warnings: Self.edgeWarning)
  }

  /// The reform cases of SPEC v2 (EXPECTED.md, "Reform cases"): transitions, quarters,
  /// ages on 31 December and municipalities, worked by hand.
  func testReformCasesMatchHandWorkedTables() throws {
    try checkGolden(
      pipeline: "Fixtures/edge/pipeline-reform.yaml", name: "edge-reform", expected: "Fixtures/edge/expected-reform")
  }

  /// The demo as a workbook and Danish-Excel CSV: the same cells as the reference's
  /// tables (diff reads both), a workbook-only copy of the folder diffs and audits alike.
  func testDemoAsWorkbookAndExcelCSVMatchesReferenceTables() throws {
    try checkGolden(pipeline: "Pipelines/demo-xlsx.yaml", name: "demo-xlsx", expected: "Fixtures/demo/expected")
    let tables = folder("out") + "/demo-xlsx/tables"
    let csv = try XCTUnwrap(FileManager.default.contents(atPath: tables + "/repeat_use.csv"))
    XCTAssertEqual(Array(csv.prefix(21)), Array("\u{FEFF}year;bin;persons;s".utf8))
    let workbookOnly = folder("workbook")
    try FileManager.default.createDirectory(atPath: workbookOnly, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: tables + "/tables.xlsx", toPath: workbookOnly + "/tables.xlsx")
    let diff = try Regpipe.run(["diff", "Fixtures/demo/expected", workbookOnly])
    XCTAssertEqual(diff.stdout, "no differences\n", diff.stderr)
    let audit = try Regpipe.run(["audit", workbookOnly, "--pipeline", "Pipelines/demo-xlsx.yaml"])
    XCTAssertEqual(audit.status, 0, audit.stderr)
    XCTAssertEqual(
      audit.stdout.split(separator: "\n").last,
      "327 suppressed counts, 0 unsafe (min_cell 5): safe; smallest upper bound 5")
  }

  func testDemoMatchesReferenceTables() throws {
    try checkGolden(pipeline: "Pipelines/demo.yaml", name: "demo", expected: "Fixtures/demo/expected")
  }

  /// The edge tables are CSV only (`formats: [csv]`); the demo's are CSV and JSON, and
  /// person-level artefacts never land under `tables/`.
  func testTablesFolderHoldsOnlyTheConfiguredFormats() throws {
    let output = folder("out")
    try run("Fixtures/edge/pipeline.yaml", output: output)
    try run("Pipelines/demo.yaml", output: output)
    let tables = [
      "repeat_use", "returns", "stay_duration", "stay_thresholds", "stay_thresholds_quarterly", "transitions",
      "typology", "typology_by_municipality", "typology_by_region", "typology_by_sex_age", "welfare_use",
      "yearly_users", "yearly_users_by_sex_age",
    ]
    XCTAssertEqual(try files(under: "\(output)/edge/tables"), tables.map { $0 + ".csv" })
    XCTAssertEqual(
      try files(under: "\(output)/demo/tables"), tables.flatMap { [$0 + ".csv", $0 + ".json"] }.sorted())
  }

  /// The demo's data was written by synth (its folder holds synth's marker): the report
  /// says so at the top; the hand-made edge fixture's report has no such banner.
  func testTheReportNamesItsProvenanceAndMarksSyntheticData() throws {
    let output = folder("out")
    try run("Pipelines/demo.yaml", output: output)
    try run("Fixtures/edge/pipeline.yaml", output: output)
    let demo = try String(contentsOfFile: output + "/demo/report.html", encoding: .utf8)
    XCTAssertTrue(
      demo.contains(
        "<p class=\"provenance\">Pipeline <b>demo</b> · regpipe 0.4.0 · SPEC v2 · window 2017-01-01 – 2023-12-31 · "
          + "stays data 2013–2023 · 14 input files (listed at the end)</p>"))
    XCTAssertTrue(demo.contains("<p class=\"synthetic\">SYNTHETIC DATA"))
    let edge = try String(contentsOfFile: output + "/edge/report.html", encoding: .utf8)
    XCTAssertTrue(edge.contains("<p class=\"provenance\">Pipeline <b>edge</b>"))
    XCTAssertFalse(edge.contains("<p class=\"synthetic\">"))
  }

  /// A diff that finds differences exits 1 and lists them.
  func testDiffReportsDifferencesWithExitOne() throws {
    let result = try Regpipe.run(["diff", "Fixtures/edge/expected", "Fixtures/edge/expected-mincell"])
    XCTAssertEqual(result.status, 1)
    XCTAssertFalse(result.stdout.isEmpty)
    XCTAssertFalse(result.stdout.contains("no differences"))
    // The differences and their count are the command's result: stdout, nothing on stderr.
    // 568, as a cell-by-cell comparison of the two folders with Python's csv module counts
    // them (rows keyed by every label column, quarter, service and municipality included).
    XCTAssertEqual(result.stdout.split(separator: "\n").last, "568 differences")
    XCTAssertEqual(result.stderr, "")
  }
}
