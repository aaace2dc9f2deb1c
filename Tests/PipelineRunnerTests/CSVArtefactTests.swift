import Foundation
import RegisterIO
import RegisterModel
import XCTest

@testable import PipelineRunner

/// Person-level artefacts written and read back (the path of every single-stage rerun).
final class CSVArtefactTests: TemporaryFolderCase {
  private func day(_ text: String) -> Day { Day(iso: text)! }

  func testRecordsRoundTrip() throws {
    let stays = [
      Stay(
        person: 101_018_0018, institution: "Herberget Møllehuset", start: day("2019-12-20"), end: day("2020-01-03"),
        extractDate: day("2023-12-31"), exitReason: "1", municipality: "101", order: 0),
      Stay(
        person: Int64.max, institution: "", start: day("2023-05-01"), end: nil, extractDate: day("2023-12-31"),
        exitReason: nil, municipality: nil, order: 7),
    ]
    let path = temporary + "/stays.csv.gz"
    try Artefact.write(stays, to: path)
    XCTAssertEqual(try Artefact.read(Stay.self, from: path), stays)

    let episodes = [Episode(person: 0, start: day("1999-01-01"), end: day("2000-02-29"), censored: true)]
    try Artefact.write(episodes, to: temporary + "/episodes.csv.gz")
    XCTAssertEqual(try Artefact.read(Episode.self, from: temporary + "/episodes.csv.gz"), episodes)
  }

  /// A value that is not what the column holds stops the read with file, line and column.
  func testMalformedValuesNameFileLineAndColumn() throws {
    let cases: [(row: String, column: String)] = [
      ("x1,1,2019-01-01,2019-01-02", "person"),
      ("1,,2019-01-01,2019-01-02", "service"),
      ("1,-,2019-01-01,2019-01-02", "service"),
      ("9223372036854775808,1,2019-01-01,2019-01-02", "person"),  // Int.max + 1
      ("1,1,2019-02-30,2019-03-01", "start"),
      ("1,1,20190101,2019-03-01", "start"),
      ("1,1,2019-01-01,", "end"),
    ]
    for (row, column) in cases {
      let path = temporary + "/events.csv"
      try "person,service,start,end\n1,2,2019-01-01,2019-01-05\n\(row)\n".write(
        toFile: path, atomically: true, encoding: .utf8)
      XCTAssertThrowsError(try Artefact.read(ServiceEvent.self, from: path), row) { error in
        XCTAssertEqual(
          "\(error)",
          "\(path):3: column \(column) does not hold the expected value; rerun the stage that wrote it with --force",
          row)
      }
    }
    let path = temporary + "/events.csv"
    try "person,service,start,end\n-5,12,2019-01-01,2019-01-05\n".write(toFile: path, atomically: true, encoding: .utf8)
    XCTAssertEqual(
      try Artefact.read(ServiceEvent.self, from: path),
      [ServiceEvent(person: -5, service: 12, start: day("2019-01-01"), end: day("2019-01-05"))])
  }
}

/// `StageOutputs`: a stage's files written side by side are the files written one by
/// one, and of several failing files the first the stage declared gives the error.
final class StageOutputsTests: TemporaryFolderCase {
  private let stays = (0..<2000).map { i in
    Stay(
      person: Int64(1_000_000 + i), institution: "B\(i % 7)", start: Day(iso: "2019-01-01")! + i % 300,
      end: i % 5 == 0 ? nil : Day(iso: "2019-12-31")!, extractDate: Day(iso: "2023-12-31")!, exitReason: nil,
      municipality: "101", order: i)
  }

  func testFilesWrittenSideBySideEqualFilesWrittenInTurn() throws {
    for jobs in [1, 2] {
      try FileManager.default.createDirectory(atPath: temporary + "/\(jobs)", withIntermediateDirectories: true)
      var outputs = StageOutputs(folder: temporary + "/\(jobs)")
      outputs.write(Artefacts.loadStays, stays)
      outputs.write(ArtefactFile<[Stay]>(.load, "reversed.csv.gz"), Array(stays.reversed()))
      outputs.write(Artefacts.loadMeta, LoadMeta(serviceNames: ["psychiatric", "prison"], sources: []))
      try outputs.finish(jobs: jobs)
    }
    for file in ["stays.csv.gz", "reversed.csv.gz", "sources.json"] {
      XCTAssertEqual(
        FileManager.default.contents(atPath: temporary + "/1/" + file),
        FileManager.default.contents(atPath: temporary + "/2/" + file), file)
    }
    XCTAssertEqual(try Artefact.read(Stay.self, from: temporary + "/2/reversed.csv.gz"), stays.reversed())
  }

  func testTheFirstDeclaredFailingFileGivesTheError() throws {
    var outputs = StageOutputs(folder: temporary)
    outputs.write(Artefacts.loadStays, stays)
    outputs.write(ArtefactFile<[Stay]>(.load, "missing/first.csv.gz"), stays)
    outputs.write(ArtefactFile<[Stay]>(.load, "missing/second.csv.gz"), stays)
    for _ in 0..<5 {
      XCTAssertThrowsError(try outputs.finish(jobs: 2)) { error in
        XCTAssertTrue("\(error)".contains("missing/first.csv.gz"), "\(error)")
      }
    }
  }
}
