import LoadStage
import PipelineCore
import RegisterIO
import RegisterModel
import XCTest

/// DECISIONS.md "Accounting": per source and per file, read = accepted + rejected and
/// accepted = kept + filtered; the rejects file holds exactly the rejected rows.
final class AccountingTests: XCTestCase {
  private var workspace: Workspace!

  override func setUpWithError() throws {
    workspace = try Workspace()
    // Line 3-4: a quoted field with a line break; line 7: blank (not counted).
    try workspace.write(
      """
      PNR,INST,START,END
      0101010001,A,2019-01-01,2019-01-10
      0101010002,"B
      second",2019-02-01,2019-02-05
      0101010003,C,2019-03-01
      ,C,2019-03-01,2019-03-02

      0101010004,C,2019-13-01,

      """, to: "stays_1.csv")
    try workspace.write(
      "PNR,INST,START,END\r\n0101010005,D,2019-05-01,2019-04-01\r\n0101010001,D,2019-06-01,\r\n",
      to: "stays_2.csv.gz")
    try workspace.write(
      """
      PNR,SEX,BIRTH
      0101010001,M,1980-01-01
      0101010002,K,1985-05-05
      0101010004,M,1970-01-01
      0101019999,M,1970-01-01
      0101010005,M,1970-02-30
      abc,M,1970-01-01

      """, to: "persons.csv.gz")
    try workspace.write(
      """
      PNR,START,END,CODE
      0101010001,2019-01-05,2019-01-06,DF20
      0101010001,2019-01-05,2019-01-06,DF10
      0101019999,2019-01-05,2019-01-06,DF20
      0101010002,2019-01-05,2019-01-04,DF20
      0101010002,,2019-01-04,DF20
      0101010002,2019-02-01,,DF25

      """, to: "services.csv")
  }

  override func tearDown() { workspace = nil }

  private var sources: [String] {
    [
      #"{name: stays, kind: stays, files: ["stays_*"], delimiter: ",", date_format: iso, columns: {person_id: PNR, institution_id: INST, start: START, end: END}}"#,
      #"{name: population, kind: persons, files: [persons.csv.gz], delimiter: ",", date_format: iso, columns: {person_id: PNR, sex: SEX, birth_date: BIRTH}}"#,
      #"{name: psychiatry, kind: services, service: psychiatric, files: [services.csv], delimiter: ",", date_format: iso, codes: ["DF2"], columns: {person_id: PNR, start: START, end: END, code: CODE}}"#,
    ]
  }

  func testEveryRowIsAccountedForPerFileAndSource() throws {
    let output = try workspace.load(sources)
    XCTAssertEqual(output.sources.map(\.name), ["stays", "population", "psychiatry"])
    let (stays, persons, services) = (output.sources[0], output.sources[1], output.sources[2])

    XCTAssertEqual(stays.files.map(\.path), [workspace.path("stays_1.csv"), workspace.path("stays_2.csv.gz")])
    XCTAssertEqual(stays.files[0].rowsRead, 5)
    XCTAssertEqual(stays.files[0].accepted, 2)
    XCTAssertEqual(
      stays.files[0].rejected, ["wrong number of fields": 1, "missing person_id": 1, "unparsable start": 1])
    XCTAssertEqual(stays.files[0].filtered, [:])
    XCTAssertEqual(stays.files[1].rowsRead, 2)
    XCTAssertEqual(stays.files[1].accepted, 1)
    XCTAssertEqual(stays.files[1].rejected, ["end before start": 1])
    XCTAssertEqual(stays.rowsRead, 7)
    XCTAssertEqual(stays.accepted, 3)
    XCTAssertEqual(stays.rejectedTotal, 4)

    XCTAssertEqual(persons.rowsRead, 6)
    XCTAssertEqual(persons.accepted, 4)
    XCTAssertEqual(persons.rejected, ["unparsable birth_date": 1, "invalid person_id": 1])
    XCTAssertEqual(persons.filtered, ["not in cohort": 2])

    XCTAssertEqual(services.rowsRead, 6)
    XCTAssertEqual(services.accepted, 4)
    XCTAssertEqual(services.rejected, ["end before start": 1, "missing start": 1])
    XCTAssertEqual(services.filtered, ["code not selected": 1, "not in cohort": 1])

    for source in output.sources {
      XCTAssertEqual(source.rowsRead, source.accepted + source.rejectedTotal, source.name)
      for file in source.files {
        XCTAssertEqual(file.rowsRead, file.accepted + file.rejectedTotal, file.path)
        let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int
        XCTAssertEqual(file.bytes, size, file.path)
      }
    }
    XCTAssertEqual(stays.keptTotal, output.stays.count)
    XCTAssertEqual(persons.keptTotal, output.persons.count)
    XCTAssertEqual(services.keptTotal, output.events.count)
  }

  func testKeptRecordsAreTheAcceptedRowsOfTheCohort() throws {
    let output = try workspace.load(sources)
    XCTAssertEqual(
      output.stays,
      [
        .loaded(101_010_001, "A", "2019-01-01", "2019-01-10", order: 0),
        .loaded(101_010_002, "B\nsecond", "2019-02-01", "2019-02-05", order: 1),
        .loaded(101_010_001, "D", "2019-06-01", nil, order: 2),
      ])
    XCTAssertEqual(
      output.persons,
      [
        PersonRecord(person: 101_010_001, sex: .male, birthDate: day("1980-01-01"), order: 0),
        PersonRecord(person: 101_010_002, sex: .female, birthDate: day("1985-05-05"), order: 1),
      ])
    XCTAssertEqual(output.serviceNames, ["psychiatric"])
    XCTAssertEqual(
      output.events,
      [
        ServiceEvent(person: 101_010_001, service: 0, start: day("2019-01-05"), end: day("2019-01-06")),
        ServiceEvent(person: 101_010_002, service: 0, start: day("2019-02-01"), end: censor),
      ])
  }

  func testRejectsFilesHoldExactlyTheRejectedRowsWithFileLineAndReason() throws {
    _ = try workspace.load(sources)
    let stays1 = workspace.path("stays_1.csv")
    let stays2 = workspace.path("stays_2.csv.gz")

    let stays = try workspace.rejects("stays")
    XCTAssertEqual(stays.header, ["file", "line", "reason", "person_id_field", "delimiter", "row"])
    XCTAssertEqual(
      stays.rows,
      [
        // Line 5 comes after the record whose quoted field spans lines 3 and 4.
        [stays1, "5", "wrong number of fields", "1", ",", "0101010003,C,2019-03-01"],
        [stays1, "6", "missing person_id", "1", ",", ",C,2019-03-01,2019-03-02"],
        // Line 8 comes after the blank line 7.
        [stays1, "8", "unparsable start", "1", ",", "0101010004,C,2019-13-01,"],
        [stays2, "2", "end before start", "1", ",", "0101010005,D,2019-05-01,2019-04-01"],
      ])

    let persons = workspace.path("persons.csv.gz")
    XCTAssertEqual(
      try workspace.rejects("population").rows,
      [
        [persons, "6", "unparsable birth_date", "1", ",", "0101010005,M,1970-02-30"],
        [persons, "7", "invalid person_id", "1", ",", "abc,M,1970-01-01"],
      ])

    let services = workspace.path("services.csv")
    XCTAssertEqual(
      try workspace.rejects("psychiatry").rows,
      [
        [services, "5", "end before start", "1", ",", "0101010002,2019-01-05,2019-01-04,DF20"],
        [services, "6", "missing start", "1", ",", "0101010002,,2019-01-04,DF20"],
      ])
  }

  func testRejectsFileCountMatchesReportForEverySource() throws {
    let output = try workspace.load(sources)
    for source in output.sources {
      let rows = try workspace.rejects(source.name).rows
      XCTAssertEqual(rows.count, source.rejectedTotal, source.name)
      var byReason: [String: Int] = [:]
      for row in rows { byReason[row[2], default: 0] += 1 }
      XCTAssertEqual(byReason, source.rejected, source.name)
    }
  }

  func testSourceWithoutRejectsGetsAHeaderOnlyRejectsFile() throws {
    try workspace.write("PNR,INST,START\n0101010001,A,2019-01-01\n", to: "clean.csv")
    let output = try workspace.load([
      #"{name: clean, kind: stays, files: [clean.csv], date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#
    ])
    XCTAssertEqual(output.sources[0].rejected, [:])
    let rejects = try workspace.rejects("clean")
    XCTAssertEqual(rejects.header, ["file", "line", "reason", "person_id_field", "delimiter", "row"])
    XCTAssertEqual(rejects.rows, [])
  }

  func testBlankLinesAreNeitherReadNorCounted() throws {
    try workspace.write(
      "PNR,INST,START\n\n0101010001,A,2019-01-01\n   \n\r\n0101010002,A,2019-01-01\n\n", to: "blank.csv")
    let output = try workspace.load([
      #"{name: blank, kind: stays, files: [blank.csv], date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#
    ])
    XCTAssertEqual(output.sources[0].rowsRead, 2)
    XCTAssertEqual(output.sources[0].accepted, 2)
    XCTAssertEqual(output.stays.map(\.person), [101_010_001, 101_010_002])
  }

  /// A rejected row whose field holds the delimiter cannot be split back into its
  /// fields: the rejects file leaves person_id_field empty, so `inspect` masks it whole.
  func testARowWithTheDelimiterInAFieldNamesNoIdField() throws {
    try workspace.write("PNR,INST,START\n0101010001,\"A,B\",2019-01-01,extra\n", to: "quoted.csv")
    _ = try workspace.load([
      #"{name: quoted, kind: stays, files: [quoted.csv], date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#
    ])
    XCTAssertEqual(
      try workspace.rejects("quoted").rows,
      [[workspace.path("quoted.csv"), "2", "wrong number of fields", "", "", "0101010001,A,B,2019-01-01,extra"]])
  }
}
