import LoadStage
import PipelineCore
import RegisterIO
import RegisterModel
import XCTest

/// SPEC 2 records: the code filter, service event ends, open stays, input order.
final class RecordTests: XCTestCase {
  private var workspace: Workspace!

  override func setUpWithError() throws {
    workspace = try Workspace()
    try workspace.write("PNR,INST,START\n0101010001,A,2019-01-01\n", to: "stays.csv")
  }

  override func tearDown() { workspace = nil }

  private let staysSource =
    #"{name: stays, kind: stays, files: [stays.csv], date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#

  func testCodeFilterMatchesUpperCasedPrefixesWithoutDots() throws {
    try workspace.write(
      """
      PNR,START,CODE
      0101010001,2019-01-01,DF10.2
      0101010001,2019-01-02,df10
      0101010001,2019-01-03,DF20
      0101010001,2019-01-04,
      0101010001,2019-01-05,.
      0101010001,2019-01-06, DF1 
      0101010001,2019-01-07,DF

      """, to: "lpr.csv")
    let output = try workspace.load([
      staysSource,
      #"{name: lpr, kind: services, service: psychiatric, files: [lpr.csv], date_format: iso, codes: ["DF1"], columns: {person_id: PNR, start: START, code: CODE}}"#,
    ])
    let report = output.sources[1]
    XCTAssertEqual(report.rowsRead, 7)
    XCTAssertEqual(report.accepted, 7)
    XCTAssertEqual(report.rejected, [:])
    XCTAssertEqual(report.filtered, ["code not selected": 4])
    XCTAssertEqual(output.events.map(\.start), [day("2019-01-01"), day("2019-01-02"), day("2019-01-06")])
  }

  func testServicesWithoutEndColumnAreOneDayEventsAndEmptyEndsRunToCensorDate() throws {
    try workspace.write("PNR,START\n0101010001,2019-01-01\n0101010001,2019-05-01\n", to: "oneday.csv")
    try workspace.write(
      """
      PNR,START,END
      0101010001,2019-03-01,
      0101010001,2019-03-02,.
      0101010001,2019-03-03,2019-03-05
      0101010001,2022-06-01,

      """, to: "open.csv")
    let output = try workspace.load([
      staysSource,
      #"{name: a, kind: services, service: sib, files: [oneday.csv], date_format: iso, columns: {person_id: PNR, start: START}}"#,
      #"{name: b, kind: services, service: psychiatric, files: [open.csv], date_format: iso, columns: {person_id: PNR, start: START, end: END}}"#,
    ])
    XCTAssertEqual(output.serviceNames, ["sib", "psychiatric"])
    XCTAssertEqual(
      output.events,
      [
        ServiceEvent(person: 101_010_001, service: 0, start: day("2019-01-01"), end: day("2019-01-01")),
        ServiceEvent(person: 101_010_001, service: 0, start: day("2019-05-01"), end: day("2019-05-01")),
        ServiceEvent(person: 101_010_001, service: 1, start: day("2019-03-01"), end: censor),
        ServiceEvent(person: 101_010_001, service: 1, start: day("2019-03-02"), end: censor),
        ServiceEvent(person: 101_010_001, service: 1, start: day("2019-03-03"), end: day("2019-03-05")),
        // Starts after the censor date: open, it cannot end before it starts.
        ServiceEvent(person: 101_010_001, service: 1, start: day("2022-06-01"), end: day("2022-06-01")),
      ])
  }

  func testSourcesWithTheSameServiceNameShareItsIndex() throws {
    try workspace.write("PNR,START\n0101010001,2019-01-01\n", to: "s.csv")
    let output = try workspace.load([
      staysSource,
      #"{name: a, kind: services, service: prison, files: [s.csv], date_format: iso, columns: {person_id: PNR, start: START}}"#,
      #"{name: b, kind: services, service: sib, files: [s.csv], date_format: iso, columns: {person_id: PNR, start: START}}"#,
      #"{name: c, kind: services, service: prison, files: [s.csv], date_format: iso, columns: {person_id: PNR, start: START}}"#,
    ])
    XCTAssertEqual(output.serviceNames, ["prison", "sib"])
    XCTAssertEqual(output.events.map(\.service), [0, 1, 0])
  }

  func testOpenStaysEndOnTheSourceExtractDateOrTheCensorDate() throws {
    try workspace.write(
      "PNR,INST,START,END\n0101010001,A,2019-01-01,\n0101010002,A,2019-01-01,2019-02-01\n", to: "x.csv")
    try workspace.write("PNR,INST,START,END\n0101010003,B,2019-01-01,.\n", to: "y.csv")
    let output = try workspace.load([
      #"{name: x, kind: stays, files: [x.csv], date_format: iso, extract_date: 2022-06-30, columns: {person_id: PNR, institution_id: INST, start: START, end: END}}"#,
      #"{name: y, kind: stays, files: [y.csv], date_format: iso, columns: {person_id: PNR, institution_id: INST, start: START, end: END}}"#,
    ])
    XCTAssertEqual(
      output.stays,
      [
        .loaded(101_010_001, "A", "2019-01-01", nil, extract: day("2022-06-30"), order: 0),
        .loaded(101_010_002, "A", "2019-01-01", "2019-02-01", extract: day("2022-06-30"), order: 1),
        .loaded(101_010_003, "B", "2019-01-01", nil, extract: censor, order: 2),
      ])
    XCTAssertEqual(output.stays.map(\.effectiveEnd), [day("2022-06-30"), day("2019-02-01"), censor])
    XCTAssertEqual(output.stays.map(\.isCensored), [true, false, true])
  }

  func testOptionalStayColumnsAndPersonFields() throws {
    try workspace.write(
      "PNR,INST,START,END,EXIT,KOM\n0101010001, A ,2019-01-01,2019-01-05, 1 ,0101\n0101010001,A,2019-02-01,2019-02-05,,Aarhus\n",
      to: "full.csv")
    try workspace.write(
      "PNR,KOEN,FOED,KOM\n0101010001,2,1980-01-01,0851\n0101010001,male,,.\n0101010001,x,,851\n", to: "bef.csv")
    let output = try workspace.load([
      #"{name: full, kind: stays, files: [full.csv], date_format: iso, columns: {person_id: PNR, institution_id: INST, start: START, end: END, exit_reason: EXIT, municipality: KOM}}"#,
      #"{name: bef, kind: persons, files: [bef.csv], date_format: iso, columns: {person_id: PNR, sex: KOEN, birth_date: FOED, municipality: KOM}}"#,
    ])
    XCTAssertEqual(
      output.stays,
      [
        .loaded(101_010_001, "A", "2019-01-01", "2019-01-05", exitReason: "1", municipality: "101", order: 0),
        .loaded(101_010_001, "A", "2019-02-01", "2019-02-05", municipality: "Aarhus", order: 1),
      ])
    XCTAssertEqual(
      output.persons,
      [
        PersonRecord(person: 101_010_001, sex: .female, birthDate: day("1980-01-01"), municipality: "851", order: 0),
        PersonRecord(person: 101_010_001, sex: .male, order: 1),
        PersonRecord(person: 101_010_001, municipality: "851", order: 2),
      ])
  }

  /// Sources in file order, files sorted (by bytes, within each pattern, patterns in
  /// order), rows in order; the same with any number of jobs.
  func testInputOrderIsIndependentOfJobs() throws {
    let header = "PNR,INST,START\n"
    try workspace.write(header + "0101010001,a_2#1,2019-01-01\n0101010002,a_2#2,2019-01-01\n", to: "a_2.csv")
    try workspace.write(header + "0101010003,a_10#1,2019-01-01\n", to: "a_10.csv.gz")
    try workspace.write(header + "0101010004,a_1#1,2019-01-01\n0101010005,a_1#2,2019-01-01\n", to: "a_1.csv")
    try workspace.write(header + "0101010006,z#1,2019-01-01\n", to: "z.csv")
    try workspace.write(header + "0101010007,b#1,2019-01-01\n0101010001,b#2,2019-01-01\n", to: "b.csv")
    try workspace.write("PNR,SEX\n0101010001,1\n0101010002,2\n", to: "bef_2.csv")
    try workspace.write("PNR,SEX\n0101010003,1\n0101010001,2\n", to: "bef_1.csv")
    let config = try workspace.config([
      #"{name: late, kind: stays, files: ["z.csv", "a_*"], date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#,
      #"{name: bef, kind: persons, files: ["bef_*.csv"], columns: {person_id: PNR, sex: SEX}}"#,
      #"{name: early, kind: stays, files: [b.csv], date_format: iso, open_ended: true, columns: {person_id: PNR, institution_id: INST, start: START}}"#,
    ])
    let one = try workspace.load(config, jobs: 1)
    XCTAssertEqual(one.stays.map(\.institution), ["z#1", "a_1#1", "a_1#2", "a_10#1", "a_2#1", "a_2#2", "b#1", "b#2"])
    XCTAssertEqual(one.stays.map(\.order), Array(0..<8))
    XCTAssertEqual(
      one.persons,
      [
        PersonRecord(person: 101_010_003, sex: .male, order: 0),
        PersonRecord(person: 101_010_001, sex: .female, order: 1),
        PersonRecord(person: 101_010_001, sex: .male, order: 2),
        PersonRecord(person: 101_010_002, sex: .female, order: 3),
      ])
    XCTAssertEqual(
      one.sources[0].files.map(\.path), ["z.csv", "a_1.csv", "a_10.csv.gz", "a_2.csv"].map(workspace.path))
    for jobs in [2, 3, 8] {
      let many = try workspace.load(config, jobs: jobs)
      XCTAssertEqual(many.stays, one.stays, "jobs \(jobs)")
      XCTAssertEqual(many.persons, one.persons, "jobs \(jobs)")
      XCTAssertEqual(many.events, one.events, "jobs \(jobs)")
      XCTAssertEqual(many.sources, one.sources, "jobs \(jobs)")
    }
  }

  /// SPEC 2: an open service event runs to censor_date; `extract_date` is for stays.
  func testOpenServiceEventsRunToTheCensorDateEvenWithAnExtractDate() throws {
    try workspace.write("PNR,START,END\n0101010001,2019-03-01,\n", to: "open.csv")
    let output = try workspace.load([
      staysSource,
      #"{name: b, kind: services, service: psychiatric, files: [open.csv], date_format: iso, extract_date: 2020-06-30, columns: {person_id: PNR, start: START, end: END}}"#,
    ])
    XCTAssertEqual(output.events.map(\.end), [censor])
  }
}
