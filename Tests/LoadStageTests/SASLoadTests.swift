import Foundation
import LoadStage
import RegisterIO
import RegisterModel
import XCTest

/// SAS datasets through the same load as text (SPEC 2.1): numeric dates and datetimes,
/// numeric ids and codes as whole-number text, SAS missing values, variables matched
/// without regard to case, the same accounting and rejects.
final class SASLoadTests: XCTestCase {
  private var workspace: Workspace!

  override func setUpWithError() throws { workspace = try Workspace() }
  // XCTest keeps every test case alive to the end of the run: drop the folder now.
  override func tearDown() { workspace = nil }

  private static func sasDay(_ year: Int, _ month: Int, _ day: Int) -> Double {
    Double(Day(year: year, month: month, day: day)!.rawValue + 3653)
  }

  private func stays(_ rows: [[SASWriter.Value]]) throws {
    try SASWriter.write(
      rows,
      columns: [
        .init("pnr", numeric: true), .init("Inst", numeric: false), .init("INDDTO", numeric: true, format: "DATE9"),
        .init("UDDTO", numeric: true, format: "DATETIME20"), .init("KOM", numeric: true),
      ], to: workspace.path("stays.sas7bdat"), compression: .rle)
  }

  private let source =
    #"{name: stays, kind: stays, files: [stays.sas7bdat], columns: {person_id: PNR, institution_id: INST, start: INDDTO, end: UDDTO, municipality: KOM}}"#

  func testRowsAreReadTypedAndAccountedFor() throws {
    try stays([
      // A 9-digit numeric id is repaired like a 9-digit text id; the datetime's date ends the stay.
      [
        .number(101_010_001), .text("A"), .number(Self.sasDay(2019, 3, 14)),
        .number(Self.sasDay(2019, 3, 20) * 86_400 + 60), .number(101),
      ],
      [.number(2_503_920_017), .text("B"), .number(Self.sasDay(2020, 1, 1)), .missing, .missing],
      // Rejected: a fractional date, a missing institution, a fractional municipality.
      [.number(2_503_920_017), .text("C"), .number(Self.sasDay(2020, 2, 1) + 0.5), .missing, .number(101)],
      [.number(2_503_920_017), .missing, .number(Self.sasDay(2020, 3, 1)), .missing, .number(101)],
      [.number(2_503_920_017), .text("D"), .number(Self.sasDay(2020, 4, 1)), .missing, .number(101.5)],
    ])
    let output = try workspace.load([source])
    let report = output.sources[0]
    XCTAssertEqual(report.rowsRead, 5)
    XCTAssertEqual(report.accepted, 2)
    XCTAssertEqual(
      report.rejected, ["unparsable start": 1, "missing institution_id": 1, "non-integral number": 1])
    XCTAssertEqual(report.idsRepaired, 1)
    XCTAssertEqual(output.stays.map(\.institution), ["A", "B"])
    XCTAssertEqual(output.stays[0].start, Day(year: 2019, month: 3, day: 14))
    XCTAssertEqual(output.stays[0].end, Day(year: 2019, month: 3, day: 20))
    XCTAssertEqual(output.stays[0].municipality, "101")
    XCTAssertNil(output.stays[1].end, "a missing end: an open stay")
    XCTAssertNil(output.stays[1].municipality)
    // Rejected rows keep their row number (from 1) and their values, numbers as text.
    let rejects = try workspace.rejects("stays")
    XCTAssertEqual(rejects.rows.map { $0[rejects.header.firstIndex(of: "line")!] }, ["3", "4", "5"])
  }

  /// A missing variable names the variables found and the pipeline-file line, exit 2.
  func testAMissingVariableListsTheVariables() throws {
    try stays([[.number(101_010_001), .text("A"), .number(Self.sasDay(2019, 3, 14)), .missing, .number(101)]])
    let wrong = source.replacingOccurrences(of: "municipality: KOM", with: "municipality: KOMMUNE")
    let message = workspace.message { _ = try workspace.load([wrong]) }
    XCTAssertEqual(
      message,
      "\(workspace.path("stays.sas7bdat")): column 'KOMMUNE' for municipality not found; variables found: pnr, Inst, "
        + "INDDTO, UDDTO, KOM (mapped at \(workspace.directory)/pipeline.yaml:5)")
    XCTAssertEqual(try checkInputs(config: workspace.config([source])), [workspace.path("stays.sas7bdat")])
  }

  /// A character date column is parsed by date_format, as in text.
  func testCharacterDatesUseTheDateFormat() throws {
    try SASWriter.write(
      [
        [.text("0101010001"), .text("A"), .text("14MAR2019")], [.text("0101010002"), .text("A"), .text("14-03-2019")],
      ],
      columns: [.init("PNR", numeric: false), .init("INST", numeric: false), .init("START", numeric: false)],
      to: workspace.path("s.sas7bdat"))
    let output = try workspace.load([
      #"{name: stays, kind: stays, files: [s.sas7bdat], date_format: sas, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#
    ])
    XCTAssertEqual(output.stays.map(\.start), [Day(year: 2019, month: 3, day: 14)])
    XCTAssertEqual(output.sources[0].rejected, ["unparsable start": 1])
  }

  func testAFileThatIsNotADatasetStopsTheLoad() throws {
    try workspace.write("PNR,INST\n", to: "stays.sas7bdat")
    XCTAssertEqual(
      workspace.message { _ = try workspace.load([source]) },
      "\(workspace.path("stays.sas7bdat")): not a SAS dataset (sas7bdat)")
  }
}
