import Foundation
import LoadStage
import PipelineCore
import RegisterIO
import RegisterModel
import XCTest

/// SPEC 3: errors that stop the run, with exact messages naming file and line, and
/// never a person_id.
final class HardErrorTests: XCTestCase {
  private var workspace: Workspace!
  /// Every person id the inputs of these tests hold.
  private let ids = ["0101010001", "0101010002", "101010001", "101010002"]

  override func setUpWithError() throws { workspace = try Workspace() }
  override func tearDown() { workspace = nil }

  private func stays(_ files: String, _ extra: String = "date_format: iso") -> String {
    #"{name: stays, kind: stays, files: \#(files), \#(extra), open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#
  }

  private func loadError(_ sources: [String], parameters: [String] = ["max_reject_share: 1"]) -> String {
    let message = workspace.message { _ = try workspace.load(sources, parameters: parameters) }
    assertNoPersonID(message, ids)
    return message
  }

  /// The end of a missing-column message: the pipeline-file line of the source's `columns`.
  private func mapped(_ line: Int) -> String { " (mapped at \(workspace.directory)/pipeline.yaml:\(line))" }

  func testMissingRequiredColumnNamesFileColumnAndHeaders() throws {
    let path = try workspace.write("PNR,START,END\n0101010001,2019-01-01,2019-01-02\n", to: "stays.csv")
    XCTAssertEqual(
      loadError([stays("[stays.csv]")]),
      "\(path): column 'INST' for institution_id not found; headers found: PNR, START, END" + mapped(5))
  }

  func testMissingColumnOfAFileWithoutHeaderDoesNotPrintItsFirstRow() throws {
    let path = try workspace.write("0101010001,A,2019-01-01\n0101010002,A,2019-01-01\n", to: "stays.csv")
    XCTAssertEqual(
      loadError([stays("[stays.csv]")]),
      "\(path): column 'PNR' for person_id not found; the first line has 3 fields and looks like data, not a header (its values are not shown)"
        + mapped(5))
  }

  /// The message says where the run looked: relative patterns from the pipeline's folder.
  private func missing(_ source: String, _ pattern: String) -> String {
    let folder = workspace.directory
    return "source '\(source)': no file matches '\(pattern)' (looked for \(folder)/\(pattern): relative patterns "
      + "are resolved from the pipeline file's folder, \(folder))"
  }

  func testEmptyGlobAndMissingFile() throws {
    XCTAssertEqual(loadError([stays(#"["stays_*.csv"]"#)]), missing("stays", "stays_*.csv"))
    try workspace.write("PNR,INST,START\n", to: "a.csv")
    XCTAssertEqual(loadError([stays("[a.csv, b.csv]")]), missing("stays", "b.csv"))
  }

  func testEmptyFile() throws {
    let path = try workspace.write("", to: "stays.csv")
    XCTAssertEqual(loadError([stays("[stays.csv]")]), "\(path): the file is empty; a header line was expected")
  }

  func testTooManyRejectsStopTheRunAfterWritingTheRejects() throws {
    try workspace.write(
      "PNR,INST,START\n0101010001,A,2019-01-01\n0101010002,,2019-01-01\n0101010001,B,2019-01-01\n", to: "stays.csv")
    XCTAssertEqual(
      loadError([stays("[stays.csv]")], parameters: []),
      "source stays: 1 of 3 rows rejected (33.3%), more than max_reject_share 1.0%; the rejected rows and their reasons are in \(workspace.rejectsFolder)/stays.csv.gz"
    )
    XCTAssertEqual(try workspace.rejects("stays").rows.map { [$0[1], $0[2]] }, [["3", "missing institution_id"]])
    // Below the share the run goes on.
    XCTAssertEqual(try workspace.load([stays("[stays.csv]")], parameters: ["max_reject_share: 0.334"]).stays.count, 2)
  }

  func testRejectShareIsPerSourceOverAllItsFiles() throws {
    try workspace.write("PNR,INST,START\n0101010001,,2019-01-01\n", to: "s1.csv")
    try workspace.write(
      "PNR,INST,START\n0101010001,A,2019-01-01\n0101010001,A,2019-01-02\n0101010001,A,2019-01-03\n", to: "s2.csv")
    try workspace.write("PNR,START\n0101010001,2019-01-01\n0101010001,2019-13-01\n", to: "p.csv")
    let sources = [
      stays(#"["s*.csv"]"#),
      #"{name: psyk, kind: services, service: psychiatric, files: [p.csv], date_format: iso, columns: {person_id: PNR, start: START}}"#,
    ]
    XCTAssertNoThrow(try workspace.load(sources, parameters: ["max_reject_share: 0.5"]))
    XCTAssertEqual(
      loadError(sources, parameters: ["max_reject_share: 0.25"]),
      "source psyk: 1 of 2 rows rejected (50.0%), more than max_reject_share 25.0%; the rejected rows and their reasons are in \(workspace.rejectsFolder)/psyk.csv.gz"
    )
  }

  func testInvalidUTF8NamesFileAndPhysicalLineWithLatin1Hint() throws {
    // The record on lines 2-3 has a quoted line break; the bad byte (ø in Latin-1) is on line 4.
    let bytes: [UInt8] =
      Array("PNR,INST,START\n0101010001,\"A\nB\",2019-01-01\n0101010002,K".utf8) + [0xF8]
      + Array("ge,2019-01-01\n".utf8)
    let path = try workspace.write(bytes: bytes, to: "stays.csv")
    let expected =
      "\(path):4: invalid UTF-8; if the file is Latin-1 (Windows-1252), set encoding: latin1 for this source"
    XCTAssertEqual(loadError([stays("[stays.csv]")]), expected)
    // The same when date_format auto reads the file first.
    XCTAssertEqual(loadError([stays("[stays.csv]", "date_format: auto")]), expected)
    // Inside a record that spans lines, the line of the byte itself.
    let spanning = try workspace.write(
      bytes: Array("PNR,INST,START\n0101010001,\"A\nK".utf8) + [0xF8] + Array("ge\",2019-01-01\n".utf8),
      to: "spanning.csv")
    XCTAssertEqual(
      loadError([stays("[spanning.csv]")]),
      "\(spanning):3: invalid UTF-8; if the file is Latin-1 (Windows-1252), set encoding: latin1 for this source")
  }

  func testTruncatedGzipNamesFileAndByteOffset() throws {
    let full = try workspace.write(
      String(repeating: "PNR,INST,START\n0101010001,A,2019-01-01\n", count: 50), to: "full.csv.gz")
    var data = try Data(contentsOf: URL(fileURLWithPath: full))
    data.removeLast(12)
    let path = workspace.path("stays.csv.gz")
    try data.write(to: URL(fileURLWithPath: path))
    XCTAssertEqual(
      loadError([stays("[stays.csv.gz]")]),
      "\(path): truncated gzip stream: the file ends at byte offset \(data.count) inside a compressed member")
  }

  func testUnclosedQuoteNamesItsLine() throws {
    let path = try workspace.write(
      "PNR,INST,START\n0101010001,A,2019-01-01\n0101010002,\"A,2019-01-01\n", to: "stays.csv")
    XCTAssertEqual(
      loadError([stays("[stays.csv]")]),
      "\(path):3: a quoted field is not closed before the end of the file")
  }

  func testAutoDateColumnWithoutOneFittingFormat() throws {
    // As many ISO as SAS values: no format wins, so the run asks for date_format.
    let mixed = try workspace.write(
      "PNR,INST,START\n0101010001,A,2019-01-01\n0101010001,A,02JAN2019\n", to: "mixed.csv")
    XCTAssertEqual(
      loadError([stays("[mixed.csv]", "date_format: auto")]),
      "\(mixed): column START: date format is ambiguous (iso, sas); set date_format")
    let garbage = try workspace.write("PNR,INST,START\n0101010001,A,soon\n", to: "garbage.csv")
    XCTAssertEqual(
      loadError([stays("[garbage.csv]", "date_format: auto")]),
      "\(garbage): column START: no date format fits any of its first 1 values; set date_format")
  }

  /// A wrong delimiter shows as a header of one field: the message suggests the
  /// delimiter, and says it once for all the yearly files of the source.
  func testAWrongDelimiterIsSuggestedOncePerSource() throws {
    let first = try workspace.write("PNR;INST;START\n0101010001;A;2019-01-01\n", to: "s_2019.csv")
    try workspace.write("PNR;INST;START\n0101010001;A;2020-01-01\n", to: "s_2020.csv")
    let config = try workspace.config([stays(#"["s_*.csv"]"#, #"date_format: iso, delimiter: ",""#)])
    XCTAssertEqual(
      workspace.message { _ = try checkInputs(config: config) },
      "\(first) (and 1 more file of source 'stays'): column 'PNR' for person_id not found; headers found: "
        + "PNR;INST;START; the header is one field holding ';': is the delimiter \";\"? (set 'delimiter' in the "
        + "pipeline file)" + mapped(5))
  }

  /// A wrong date_format rejects every row: the message names the column, the shape of
  /// its values (never a value) and the format that reads them.
  func testAWrongDateFormatIsDiagnosed() throws {
    try workspace.write("PNR,INST,START\n0101010001,A,14MAR2019\n0101010002,A,15MAR2019\n", to: "stays.csv")
    let message = loadError([stays("[stays.csv]")], parameters: ["max_reject_share: 0.5"])
    XCTAssertTrue(
      message.hasSuffix(
        "; 2 of them for 'unparsable start': column START holds values shaped 99AAA9999 (it reads as date_format "
          + "sas), and the source's date_format is iso"), message)
    XCTAssertFalse(message.contains("14MAR2019"))
  }

  func testAMisspeltColumnGetsADidYouMean() throws {
    let path = try workspace.write("PNR,INST,START\n0101010001,A,2019-01-01\n", to: "stays.csv")
    let config = try workspace.config([
      #"{name: stays, kind: stays, files: [stays.csv], date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INTS, start: START}}"#
    ])
    XCTAssertEqual(
      workspace.message { _ = try checkInputs(config: config) },
      "\(path): column 'INTS' for institution_id not found; headers found: PNR, INST, START; did you mean 'INST'?"
        + mapped(5))
  }

  func testCheckInputsReportsEveryProblemAtOnce() throws {
    let good = try workspace.write("PNR,INST,START\n0101010001,A,2019-01-01\n", to: "good.csv")
    let noInst = try workspace.write("PNR,START\n0101010001,2019-01-01\n", to: "noinst.csv")
    let noPNR = try workspace.write("ID,KOEN\n0101010001,M\n", to: "bef.csv")
    let config = try workspace.config([
      stays("[good.csv, noinst.csv]"),
      #"{name: bef, kind: persons, files: [bef.csv], columns: {person_id: PNR, sex: KOEN}}"#,
      #"{name: psyk, kind: services, service: psychiatric, files: ["lpr_*.csv"], columns: {person_id: PNR, start: START}}"#,
    ])
    let message = workspace.message { _ = try checkInputs(config: config) }
    XCTAssertEqual(
      message,
      """
      \(noInst): column 'INST' for institution_id not found; headers found: PNR, START\(mapped(5))
      \(noPNR): column 'PNR' for person_id not found; headers found: ID, KOEN\(mapped(6))
      \(missing("psyk", "lpr_*.csv"))
      """)
    assertNoPersonID(message, ids)
    XCTAssertEqual(try checkInputs(config: workspace.config([stays("[good.csv]")])), [good])
  }
}
