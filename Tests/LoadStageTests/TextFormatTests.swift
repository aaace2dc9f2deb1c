import LoadStage
import PipelineCore
import RegisterIO
import RegisterModel
import XCTest

/// SPEC 2 text: encodings, delimiters and date formats as configured per source.
final class TextFormatTests: XCTestCase {
  private var workspace: Workspace!

  override func setUpWithError() throws { workspace = try Workspace() }
  override func tearDown() { workspace = nil }

  func testLatin1InstitutionNamesComeOutAsUTF8() throws {
    // "Ærø æøå €" in Windows-1252; the rejected row holds "Kø".
    let bytes: [UInt8] =
      Array("PNR;INST;START\n0101010001;".utf8) + [0xC6, 0x72, 0xF8, 0x20, 0xE6, 0xF8, 0xE5, 0x20, 0x80]
      + Array(";2019-01-01\n;K".utf8) + [0xF8] + Array(";2019-01-01\n".utf8)
    try workspace.write(bytes: bytes, to: "latin1.csv.gz")
    let output = try workspace.load([
      #"{name: boform, kind: stays, files: [latin1.csv.gz], delimiter: ";", encoding: latin1, date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#
    ])
    XCTAssertEqual(output.stays.map(\.institution), ["Ærø æøå €"])
    XCTAssertEqual(try workspace.rejects("boform").rows.map { $0[5] }, [";Kø;2019-01-01"])
  }

  func testUTF8SourceSkipsAByteOrderMark() throws {
    try workspace.write("\u{FEFF}PNR,INST,START\n0101010001,Århus,2019-01-01\n", to: "bom.csv")
    let output = try workspace.load([
      #"{name: bom, kind: stays, files: [bom.csv], date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#
    ])
    XCTAssertEqual(output.stays.map(\.institution), ["Århus"])
  }

  func testSemicolonDelimiterKeepsCommasInFields() throws {
    try workspace.write(
      "PNR;INST;START\n0101010001;Herberg, Nord;2019-01-01\n0101010002;\"Kirkens; Korshær\";2019-01-02\n",
      to: "semi.csv")
    let output = try workspace.load([
      #"{name: semi, kind: stays, files: [semi.csv], delimiter: ";", date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#
    ])
    XCTAssertEqual(output.stays.map(\.institution), ["Herberg, Nord", "Kirkens; Korshær"])
  }

  func testAutoDelimiterIsDecidedPerFileFromItsHeader() throws {
    try workspace.write("PNR\tINST\tSTART\n0101010001\tA, B\t2019-01-01\n", to: "f1.csv")
    try workspace.write("PNR;INST;START\n0101010002;C, D;2019-01-02\n", to: "f2.csv")
    try workspace.write("PNR|INST|START\n0101010003|E;F|2019-01-03\n0101010003|G\n", to: "f3.csv")
    let output = try workspace.load([
      #"{name: auto, kind: stays, files: ["f*.csv"], date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#
    ])
    XCTAssertEqual(output.stays.map(\.institution), ["A, B", "C, D", "E;F"])
    // The rejected row is shown with its own file's delimiter.
    XCTAssertEqual(try workspace.rejects("auto").rows.map { $0[5] }, ["0101010003|G"])
  }

  func testAnImpossibleDateUnderAutoIsARejectedRowNotAStoppedRun() throws {
    try workspace.write(
      "PNR,INST,START\n0101010001,A,31FEB2019\n0101010002,A,14MAR2019\n0101010003,A,15MAR2019\n", to: "sas.csv")
    let output = try workspace.load([
      #"{name: boform, kind: stays, files: [sas.csv], date_format: auto, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#
    ])
    XCTAssertEqual(output.stays.map(\.start), [day("2019-03-14"), day("2019-03-15")])
    XCTAssertEqual(output.sources[0].rejected, ["unparsable start": 1])
  }

  func testAutoDateFormatIsDecidedPerColumn() throws {
    try workspace.write(
      "PNR,INST,START,END\n0101010001,A,14MAR2019,2019-03-20\n0101010001,A,1apr2019,\n0101010001,A,.,2019-05-01\n",
      to: "stays.csv")
    try workspace.write("PNR,FOED\n0101010001,19800229\n0101010001,.\n", to: "bef.csv")
    try workspace.write("PNR,START,END\n0101010001,14-03-2019,15.03.2019\n", to: "psyk.csv")
    let output = try workspace.load([
      #"{name: stays, kind: stays, files: [stays.csv], columns: {person_id: PNR, institution_id: INST, start: START, end: END}}"#,
      #"{name: bef, kind: persons, files: [bef.csv], date_format: auto, columns: {person_id: PNR, birth_date: FOED}}"#,
      #"{name: psyk, kind: services, service: psychiatric, files: [psyk.csv], columns: {person_id: PNR, start: START, end: END}}"#,
    ])
    XCTAssertEqual(
      output.stays,
      [
        .loaded(101_010_001, "A", "2019-03-14", "2019-03-20", order: 0),
        .loaded(101_010_001, "A", "2019-04-01", nil, order: 1),
      ])
    XCTAssertEqual(
      output.persons,
      [
        PersonRecord(person: 101_010_001, birthDate: day("1980-02-29"), order: 0),
        PersonRecord(person: 101_010_001, order: 1),
      ])
    XCTAssertEqual(
      output.events, [ServiceEvent(person: 101_010_001, service: 0, start: day("2019-03-14"), end: day("2019-03-15"))])
  }
}
