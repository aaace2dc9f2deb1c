import LoadStage
import PipelineCore
import RegisterIO
import RegisterModel
import XCTest

/// SPEC 5.1 at load: ids are trimmed, `-` and spaces removed; a 9-digit CPR number is
/// repaired with a leading zero; the cohort filter on persons and services; opaque ids.
final class PersonIDTests: XCTestCase {
  private var workspace: Workspace!

  override func setUpWithError() throws { workspace = try Workspace() }
  override func tearDown() { workspace = nil }

  private let staysSource =
    #"{name: stays, kind: stays, files: ["stays*.csv"], delimiter: ",", date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#
  private let personsSource =
    #"{name: bef, kind: persons, files: [bef.csv], delimiter: ",", date_format: iso, columns: {person_id: PNR, sex: SEX}}"#
  private let servicesSource =
    #"{name: psyk, kind: services, service: psychiatric, files: [psyk.csv], delimiter: ",", date_format: iso, columns: {person_id: PNR, start: START}}"#

  func testNineDigitIDIsRepairedAndDashesAndSpacesAreRemoved() throws {
    try workspace.write(
      """
      PNR,INST,START
      123456789,A,2019-01-01
      010101-0002,A,2019-01-02
        0101 01 0003  ,A,2019-01-03
      "0101-01 0004",A,2019-01-04
      12345678,A,2019-01-05

      """, to: "stays.csv")
    // The persons register has the repaired person's full 10-digit number.
    try workspace.write("PNR,SEX\n0123456789,M\n", to: "bef.csv")
    let output = try workspace.load([staysSource, personsSource])
    XCTAssertEqual(output.stays.map(\.person), [123_456_789, 101_010_002, 101_010_003, 101_010_004])
    XCTAssertEqual(output.stays[0].person, PersonKey(0_123_456_789))
    XCTAssertEqual(output.sources[0].idsRepaired, 1)
    XCTAssertEqual(output.sources[0].files[0].idsRepaired, 1)
    XCTAssertEqual(output.sources[0].rejected, ["invalid person_id": 1])
    XCTAssertEqual(output.sources[1].idsRepaired, 0)
    XCTAssertEqual(output.persons, [PersonRecord(person: 123_456_789, sex: .male, order: 0)])
  }

  func testPersonsAndServicesOfNonUsersAreFilteredAndOfUsersKept() throws {
    try workspace.write("PNR,INST,START\n0101010001,A,2019-01-01\n0101010002,,2019-01-01\n", to: "stays.csv")
    try workspace.write("PNR,SEX\n0101010001,M\n0101010002,K\n0101010003,K\n0101-01 0001,F\n", to: "bef.csv")
    try workspace.write(
      "PNR,START\n0101010003,2019-01-01\n0101010001,2019-01-02\n0101010002,2019-01-03\n", to: "psyk.csv")
    let output = try workspace.load([staysSource, personsSource, servicesSource])
    // 0101010002 has only a rejected stay: not a user.
    XCTAssertEqual(output.sources[0].rejected, ["missing institution_id": 1])
    XCTAssertEqual(output.sources[1].accepted, 4)
    XCTAssertEqual(output.sources[1].filtered, ["not in cohort": 2])
    XCTAssertEqual(
      output.persons,
      [
        PersonRecord(person: 101_010_001, sex: .male, order: 0),
        PersonRecord(person: 101_010_001, sex: .female, order: 1),
      ])
    XCTAssertEqual(output.sources[2].accepted, 3)
    XCTAssertEqual(output.sources[2].filtered, ["not in cohort": 2])
    XCTAssertEqual(
      output.events, [ServiceEvent(person: 101_010_001, service: 0, start: day("2019-01-02"), end: day("2019-01-02"))])
  }

  private func writeOpaqueInputs() throws {
    // Tokens: AB12 (also written AB-12 and "AB 12"), xy ("x y"), Q (only a rejected stay), zz9.
    try workspace.write("PNR,INST,START\nAB-12,A,2019-01-01\nx y,A,2019-01-02\nQ,,2019-01-03\n", to: "stays1.csv")
    try workspace.write("PNR,INST,START\nzz9,B,2019-02-01\n\"AB 12\",B,2019-02-02\n", to: "stays2.csv")
    try workspace.write("PNR,SEX\nAB12,M\nQ,K\nnobody,K\n-,M\nzz-9,K\n", to: "bef.csv")
    try workspace.write(
      "PNR,START\nx y,2019-03-01\nQ,2019-03-02\nAB-12,2019-03-03\nnobody,2019-03-04\n", to: "psyk.csv")
  }

  func testOpaqueIDsGiveOneKeyPerTokenAcrossSourcesAndFilterTheCohort() throws {
    try writeOpaqueInputs()
    let output = try workspace.load(
      [staysSource, personsSource, servicesSource], parameters: ["id_format: opaque", "max_reject_share: 1"])
    let keys = output.stays.map(\.person)
    XCTAssertEqual(keys.count, 4)
    let (ab12, xy, zz9) = (keys[0], keys[1], keys[2])
    XCTAssertEqual(Set([ab12, xy, zz9]).count, 3)
    XCTAssertEqual(keys[3], ab12)
    XCTAssertEqual(output.sources[0].rejected, ["missing institution_id": 1])

    // Q has only a rejected stay: like a CPR number, it is not in the cohort.
    XCTAssertEqual(output.sources[1].rejected, ["invalid person_id": 1])
    XCTAssertEqual(output.sources[1].filtered, ["not in cohort": 2])
    XCTAssertEqual(
      output.persons,
      [PersonRecord(person: ab12, sex: .male, order: 0), PersonRecord(person: zz9, sex: .female, order: 1)])
    XCTAssertEqual(output.sources[2].filtered, ["not in cohort": 2])
    XCTAssertEqual(
      output.events,
      [
        ServiceEvent(person: xy, service: 0, start: day("2019-03-01"), end: day("2019-03-01")),
        ServiceEvent(person: ab12, service: 0, start: day("2019-03-03"), end: day("2019-03-03")),
      ])
  }

  func testOpaqueKeysDoNotDependOnJobs() throws {
    try writeOpaqueInputs()
    let config = try workspace.config(
      [staysSource, personsSource, servicesSource], parameters: ["id_format: opaque", "max_reject_share: 1"])
    let one = try workspace.load(config, jobs: 1)
    for jobs in [2, 4] {
      let many = try workspace.load(config, jobs: jobs)
      XCTAssertEqual(many.stays, one.stays, "jobs \(jobs)")
      XCTAssertEqual(many.persons, one.persons, "jobs \(jobs)")
      XCTAssertEqual(many.events, one.events, "jobs \(jobs)")
      XCTAssertEqual(many.sources, one.sources, "jobs \(jobs)")
    }
  }

  func testOpaqueIDsAgreeAcrossLatin1AndUTF8Sources() throws {
    // "Ø-7" in a Windows-1252 stays file and "Ø7" in a UTF-8 persons file.
    try workspace.write(
      bytes: Array("PNR,INST,START\n".utf8) + [0xD8] + Array("-7,A,2019-01-01\n".utf8), to: "stays.csv")
    try workspace.write("PNR,SEX\nØ7,K\nO7,M\n", to: "bef.csv")
    let output = try workspace.load(
      [
        #"{name: stays, kind: stays, files: [stays.csv], encoding: latin1, date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#,
        personsSource,
      ], parameters: ["id_format: opaque"])
    XCTAssertEqual(output.persons, [PersonRecord(person: output.stays[0].person, sex: .female, order: 0)])
    XCTAssertEqual(output.sources[1].filtered, ["not in cohort": 1])
  }

  func testStaysMakeTheCohortWhereverTheyAreListed() throws {
    try workspace.write("PNR,SEX\n0101010001,M\n0101010002,K\n", to: "bef.csv")
    try workspace.write("PNR,INST,START\n0101010002,A,2019-01-01\n", to: "stays.csv")
    let output = try workspace.load([personsSource, staysSource])
    XCTAssertEqual(output.sources.map(\.name), ["bef", "stays"])
    XCTAssertEqual(output.persons, [PersonRecord(person: 101_010_002, sex: .female, order: 0)])
    XCTAssertEqual(output.sources[0].filtered, ["not in cohort": 1])
  }
}
