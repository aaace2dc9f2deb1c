import LoadStage
import PipelineCore
import RegisterIO
import RegisterModel
import XCTest

/// SPEC 3: each reason a row is rejected for, once, with its line in the rejects file.
final class RejectReasonTests: XCTestCase {
  private var workspace: Workspace!

  override func setUpWithError() throws { workspace = try Workspace() }
  override func tearDown() { workspace = nil }

  func testEveryStayRejectReason() throws {
    try workspace.write(
      """
      PNR;INST;START;END
      0101010001;A;01JAN2019;10JAN2019
      0101010002;A;01JAN2019
      ;A;01JAN2019;10JAN2019
      01010100011;A;01JAN2019;10JAN2019
      01010A0001;A;01JAN2019;10JAN2019
      0101010003;;01JAN2019;10JAN2019
      0101010004;A;;10JAN2019
      0101010005;A;31FEB2019;10MAR2019
      0101010006;A;29FEB2021;10MAR2021
      0101010007;A;01JAN2019;32JAN2019
      0101010008;A;10JAN2019;01JAN2019
      0101010009;A;29FEB2020;01MAR2020
      0101010010;.;01JAN2019;10JAN2019
      0101010011;A;.;10JAN2019

      """, to: "stays.csv")
    let output = try workspace.load([
      #"{name: stays, kind: stays, files: [stays.csv], delimiter: ";", date_format: sas, columns: {person_id: PNR, institution_id: INST, start: START, end: END}}"#
    ])
    let report = output.sources[0]
    XCTAssertEqual(report.rowsRead, 14)
    XCTAssertEqual(report.accepted, 2)
    XCTAssertEqual(
      report.rejected,
      [
        "wrong number of fields": 1, "missing person_id": 1, "invalid person_id": 2,
        "missing institution_id": 2, "missing start": 2, "unparsable start": 2, "unparsable end": 1,
        "end before start": 1,
      ])
    // Every reason but the persons register's and the SAS one (SASLoadTests has it).
    XCTAssertEqual(
      Set(report.rejected.keys),
      Set(RejectReason.allCases.map(\.rawValue)).subtracting(["unparsable birth_date", "non-integral number"]))
    XCTAssertEqual(
      output.stays,
      [
        .loaded(101_010_001, "A", "2019-01-01", "2019-01-10", order: 0),
        .loaded(101_010_009, "A", "2020-02-29", "2020-03-01", order: 1),
      ])
    let lines = try workspace.rejects("stays").rows.map { [$0[1], $0[2]] }
    XCTAssertEqual(
      lines,
      [
        ["3", "wrong number of fields"],
        ["4", "missing person_id"],
        ["5", "invalid person_id"],  // 11 digits
        ["6", "invalid person_id"],  // a letter
        ["7", "missing institution_id"],
        ["8", "missing start"],
        ["9", "unparsable start"],  // 31FEB2019
        ["10", "unparsable start"],  // 29FEB2021: 2021 is no leap year
        ["11", "unparsable end"],
        ["12", "end before start"],
        ["14", "missing institution_id"],  // SAS missing value
        ["15", "missing start"],
      ])
  }

  func testUnparsableBirthDateIsRejected() throws {
    try workspace.write("PNR,INST,START\n0101010001,A,2019-01-01\n", to: "stays.csv")
    try workspace.write("PNR,BIRTH\n0101010001,31FEB1980\n0101010001,29FEB1980\n0101010001,\n", to: "bef.csv")
    let output = try workspace.load([
      #"{name: stays, kind: stays, files: [stays.csv], date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#,
      #"{name: bef, kind: persons, files: [bef.csv], date_format: sas, columns: {person_id: PNR, birth_date: BIRTH}}"#,
    ])
    XCTAssertEqual(output.sources[1].rejected, ["unparsable birth_date": 1])
    XCTAssertEqual(
      output.persons,
      [
        PersonRecord(person: 101_010_001, birthDate: day("1980-02-29"), order: 0),
        PersonRecord(person: 101_010_001, birthDate: nil, order: 1),
      ])
    XCTAssertEqual(try workspace.rejects("bef").rows.map { [$0[1], $0[2]] }, [["2", "unparsable birth_date"]])
  }

  func testServiceRejectReasons() throws {
    try workspace.write("PNR,INST,START\n0101010001,A,2019-01-01\n", to: "stays.csv")
    try workspace.write(
      """
      PNR,START,END
      0101010001,2019-03-01,2019-02-28
      0101010001,2019-03-01,2019-03-01
      0101010001,,2019-03-01
      0101010001,2019-02-30,2019-03-01
      0101010001,2019-03-01,2019-02-30
      ,2019-03-01,2019-03-01
      123,2019-03-01,2019-03-01
      0101010001,2019-03-01

      """, to: "services.csv")
    let output = try workspace.load([
      #"{name: stays, kind: stays, files: [stays.csv], date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#,
      #"{name: psyk, kind: services, service: psychiatric, files: [services.csv], date_format: iso, columns: {person_id: PNR, start: START, end: END}}"#,
    ])
    XCTAssertEqual(
      output.sources[1].rejected,
      [
        "end before start": 1, "missing start": 1, "unparsable start": 1, "unparsable end": 1,
        "missing person_id": 1, "invalid person_id": 1, "wrong number of fields": 1,
      ])
    XCTAssertEqual(
      output.events, [ServiceEvent(person: 101_010_001, service: 0, start: day("2019-03-01"), end: day("2019-03-01"))])
    XCTAssertEqual(
      try workspace.rejects("psyk").rows.map { [$0[1], $0[2]] },
      [
        ["2", "end before start"], ["4", "missing start"], ["5", "unparsable start"], ["6", "unparsable end"],
        ["7", "missing person_id"], ["8", "invalid person_id"], ["9", "wrong number of fields"],
      ])
  }
}
