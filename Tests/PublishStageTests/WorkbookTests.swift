import Foundation
import RegisterModel
import XCTest

@testable import PublishStage

final class WorkbookTests: XCTestCase {
  private var root = ""

  override func setUpWithError() throws {
    root = NSTemporaryDirectory() + "regpipe-workbook-\(UUID().uuidString)"
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: root)
  }

  private func write(_ folder: String, formats: [TableFormat], dialect: CSVDialect = .standard) throws -> String {
    let path = root + "/" + folder
    try writeTables(
      try Fixtures.tables(), to: path, pipeline: "demo", minCell: 5, formats: formats, csvDialect: dialect,
      provenance: ReportProvenance(
        pipeline: "demo", programVersion: "9.9.9", specVersion: "2", window: ("2019-01-01", "2020-12-31"),
        dataYears: (2019, 2020), synthetic: true))
    return path
  }

  /// One sheet per table after `about`, holding exactly the CSV's cells: the same
  /// suppressions, the same published decimals, blanks where the CSV is empty.
  func testTheWorkbookHoldsTheCSVCells() throws {
    let folder = try write("a", formats: [.csv, .xlsx])
    let sheets = try WorkbookReader.tables(at: folder + "/tables.xlsx")
    XCTAssertEqual(sheets.map(\.name), try Fixtures.tables().map(\.name))
    for (name, records) in sheets {
      let csv = try String(contentsOfFile: folder + "/" + name + ".csv", encoding: .utf8)
      XCTAssertEqual(records, CSVText.tableRecords(csv), name)
    }
  }

  /// Counts are numbers, shares numbers shown as percentages, a suppressed count the
  /// text `suppressed`; the about sheet carries the provenance and the legend.
  func testNumbersAreNumbersAndSuppressedCellsAreMarked() throws {
    let folder = try write("a", formats: [.xlsx])
    let sheets = try WorkbookReader.sheets(at: folder + "/tables.xlsx")
    let about = try XCTUnwrap(sheets.first { $0.name == "about" })
    let aboutTexts = about.rows.flatMap { $0.values.map(\.text) }
    XCTAssertTrue(aboutTexts.contains("regpipe 9.9.9"))
    XCTAssertTrue(aboutTexts.contains("2019-01-01 – 2020-12-31"))
    XCTAssertTrue(aboutTexts.contains("SYNTHETIC DATA"))
    XCTAssertTrue(aboutTexts.contains("no denominator"))
    let typology = try XCTUnwrap(sheets.first { $0.name == "typology" }).rows
    XCTAssertEqual(typology[1][1], .init(type: "n", text: "40"))  // short: persons
    XCTAssertEqual(typology[1][2], .init(type: "n", text: "0.6349"))  // share_persons
    XCTAssertEqual(typology[2][1], .init(type: "s", text: "suppressed"))  // episodic: persons
    XCTAssertEqual(typology[0][9], .init(type: "s", text: "suppressed"))  // the header's last column
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["tables.xlsx"])
  }

  /// Written twice, the same bytes: no creation time from the clock.
  func testTheWorkbookIsDeterministic() throws {
    let first = try write("a", formats: [.xlsx])
    let second = try write("b", formats: [.xlsx])
    XCTAssertEqual(
      FileManager.default.contents(atPath: first + "/tables.xlsx"),
      FileManager.default.contents(atPath: second + "/tables.xlsx"))
  }

  /// diff and audit read a workbook-only folder and an excel-da folder as the standard CSV.
  func testDiffAndAuditReadEveryFormat() throws {
    let standard = try write("standard", formats: [.csv])
    let danish = try write("danish", formats: [.csv], dialect: .excelDanish)
    let workbook = try write("workbook", formats: [.xlsx])
    XCTAssertEqual(try diffTables(expected: standard, actual: danish, tolerance: 0), [])
    XCTAssertEqual(try diffTables(expected: standard, actual: workbook, tolerance: 0), [])
    let audits = try [standard, danish, workbook].map {
      try DisclosureAudit.audit(folder: $0, minCell: 5, indicators: [])
    }
    XCTAssertEqual(Set(audits.map(\.summary)), [audits[0].summary])
    XCTAssertGreaterThan(audits[0].findings.count, 0)
    XCTAssertTrue(audits.allSatisfy(\.isSafe))
  }

  /// A changed workbook shows in diff like a changed CSV.
  func testDiffSeesADifferentWorkbook() throws {
    let standard = try write("standard", formats: [.csv])
    let other = root + "/other"
    try writeTables(try Fixtures.tables(minCell: 3), to: other, pipeline: "demo", minCell: 3, formats: [.xlsx])
    let differences = try diffTables(expected: standard, actual: other, tolerance: 0)
    XCTAssertFalse(differences.isEmpty)
    XCTAssertTrue(differences.allSatisfy { $0.kind == .suppression || $0.kind == .value }, "\(differences)")
  }

  /// A part that is not well-formed XML (here the shared strings, a tag mismatched) is named in
  /// the error, not read as a workbook without text.
  func testABrokenPartOfAWorkbookIsAClearError() throws {
    let folder = try write("broken", formats: [.xlsx])
    let path = folder + "/tables.xlsx"
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = [
      "python3", "-c",
      """
      import sys, zipfile
      path = sys.argv[1]
      with zipfile.ZipFile(path) as z:
          parts = {n: z.read(n) for n in z.namelist()}
      parts["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"].replace(b"</t>", b"</x>", 1)
      with zipfile.ZipFile(path, "w") as z:
          for name, data in parts.items():
              z.writestr(name, data)
      """, path,
    ]
    try python.run()
    python.waitUntilExit()
    XCTAssertEqual(python.terminationStatus, 0)
    XCTAssertThrowsError(try WorkbookReader.tables(at: path)) {
      XCTAssertEqual("\($0)", "\(path): xl/sharedStrings.xml in the workbook cannot be read")
    }
  }

  func testANonWorkbookIsAClearError() throws {
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try "not a zip".write(toFile: root + "/tables.xlsx", atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try WorkbookReader.tables(at: root + "/tables.xlsx")) {
      XCTAssertEqual("\($0)", "\(root)/tables.xlsx: cannot read the workbook (not an xlsx file)")
    }
  }
}
