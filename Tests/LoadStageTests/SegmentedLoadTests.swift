import Foundation
import LoadStage
import PipelineCore
import RegisterIO
import RegisterModel
import XCTest

/// A large file parsed on several threads (`Segmenting`, here with tiny segments) loads
/// exactly what one thread loads: the same records in the same order, the same counts
/// per reason, the same rejects file, and the same first error.
final class SegmentedLoadTests: XCTestCase {
  private var workspace: Workspace!
  /// Every file is cut, into segments of about 200 bytes (a few rows each).
  private let tiny: Segmenting = {
    var segmenting = Segmenting()
    segmenting.minimumFileSize = 0
    segmenting.segmentBytes = 200
    return segmenting
  }()

  override func setUpWithError() throws {
    workspace = try Workspace()
    var stays = "PNR,INST,START,END\n"
    for person in 0..<50 { stays += "01010\(10000 + person),A,2019-0\(1 + person % 9)-01,2019-10-01\n" }
    try workspace.write(stays, to: "stays.csv")
    // Persons: cohort and others, unparsable birth dates, bad ids, a quoted line break.
    var persons = "PNR,SEX,BIRTH,NOTE\n"
    for i in 0..<600 {
      let id = i % 7 == 3 ? "abc" : "01010\(10000 + i % 80)"
      let birth = i % 11 == 5 ? "1970-02-30" : "1970-01-\(10 + i % 19)"
      let note = i % 13 == 0 ? "\"two\nlines\"" : "x"
      persons += "\(id),\(i % 2 == 0 ? "M" : "K"),\(birth),\(note)\n"
    }
    try workspace.write(persons, to: "persons.csv.gz")
    // Services: in and out of the cohort, codes kept and not, every reject reason, CRLF.
    var services = "PNR,START,END,CODE\r\n"
    for i in 0..<3000 {
      let id = i % 97 == 0 ? "" : "01010\(10000 + i % 120)"
      let start = i % 89 == 1 ? "2019-13-01" : "2019-0\(1 + i % 9)-0\(1 + i % 9)"
      let end = i % 83 == 2 ? "2018-01-01" : i % 5 == 0 ? "" : "2019-12-31"
      let extra = i % 211 == 7 ? ",EXTRA" : ""
      services += "\(id),\(start),\(end),\(i % 3 == 0 ? "DF10" : "DF20")\(extra)\r\n"
    }
    try workspace.write(services, to: "services.csv.gz")
  }

  override func tearDown() { workspace = nil }

  private let sources = [
    #"{name: stays, kind: stays, files: [stays.csv], delimiter: ",", date_format: iso, columns: {person_id: PNR, institution_id: INST, start: START, end: END}}"#,
    #"{name: population, kind: persons, files: [persons.csv.gz], delimiter: ",", date_format: iso, columns: {person_id: PNR, sex: SEX, birth_date: BIRTH}}"#,
    #"{name: psychiatry, kind: services, service: psychiatric, files: [services.csv.gz], delimiter: ",", date_format: iso, codes: ["DF2"], columns: {person_id: PNR, start: START, end: END, code: CODE}}"#,
  ]

  private func rejectsFiles() throws -> [String: [[String]]] {
    var files: [String: [[String]]] = [:]
    for source in ["stays", "population", "psychiatry"] { files[source] = try workspace.rejects(source).rows }
    return files
  }

  func testSegmentedLoadEqualsTheOneThreadLoad() throws {
    let one = try workspace.load(sources, jobs: 1)
    let oneRejects = try rejectsFiles()
    for jobs in [2, 3] {
      let config = try workspace.config(sources)
      let many = try workspace.load(config, jobs: jobs, segmenting: tiny)
      XCTAssertEqual(many.stays, one.stays, "jobs \(jobs)")
      XCTAssertEqual(many.persons, one.persons, "jobs \(jobs)")
      XCTAssertEqual(many.events, one.events, "jobs \(jobs)")
      XCTAssertEqual(many.sources, one.sources, "jobs \(jobs)")
      XCTAssertEqual(try rejectsFiles(), oneRejects, "jobs \(jobs)")
    }
    // The figures a person would check, so the comparison is not of two empty loads.
    let services = one.sources[2].files[0]
    XCTAssertEqual(services.rowsRead, 3000)
    XCTAssertEqual(services.rowsRead, services.accepted + services.rejectedTotal)
    XCTAssertEqual(services.rejected["missing person_id"], 30)  // i % 97 == 0, but for one with an extra field
    XCTAssertEqual(services.rejected["wrong number of fields"], 15)  // i % 211 == 7
    XCTAssertEqual(one.sources[1].files[0].rowsRead, 600)
    XCTAssertEqual(oneRejects["psychiatry"]?.count, services.rejectedTotal)
    XCTAssertEqual(one.persons.map(\.order), Array(0..<one.persons.count))
  }

  func testTheFirstErrorInTheFileIsTheOneReported() throws {
    var bytes = Array("PNR,START,END,CODE\n".utf8)
    for i in 0..<400 { bytes += Array("0101010\(100 + i % 50),2019-01-01,2019-01-02,DF20\n".utf8) }
    let lineFeeds = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
    bytes[lineFeeds[299] + 1] = 0xFF  // line 301
    bytes[lineFeeds[349] + 1] = 0xFF  // line 351, in a later segment
    try workspace.write(bytes: bytes, to: "services.csv.gz")
    let config = try workspace.config(sources)
    let expected =
      "\(workspace.path("services.csv.gz")):301: invalid UTF-8; if the file is Latin-1 (Windows-1252), set encoding: latin1 for this source"
    XCTAssertEqual(workspace.message { _ = try workspace.load(config, jobs: 1) }, expected)
    XCTAssertEqual(workspace.message { _ = try workspace.load(config, jobs: 2, segmenting: tiny) }, expected)
  }
}
