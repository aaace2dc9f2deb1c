import Foundation
import PipelineCore
import XCTest

final class SourceConfigFilesTests: XCTestCase {
  private var folder = ""

  override func setUpWithError() throws {
    folder = NSTemporaryDirectory() + "regpipe-glob-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
    for name in ["b_2019.csv.gz", "a_2021.csv.gz", "b_2018.csv.gz", "B_2020.csv.gz", "notes.txt"] {
      XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/data/" + name, contents: Data()))
    }
  }

  override func tearDownWithError() throws {
    try FileManager.default.removeItem(atPath: folder)
  }

  private func source(_ files: [String]) -> SourceConfig {
    SourceConfig(name: "boform110", kind: .stays, files: files, columns: [:])
  }

  func testPatternsExpandSortedByBytesInPatternOrder() throws {
    let files = try source(["data/*.csv.gz", "data/notes.txt"]).resolveFiles(relativeTo: folder)
    XCTAssertEqual(
      files,
      [
        folder + "/data/B_2020.csv.gz", folder + "/data/a_2021.csv.gz", folder + "/data/b_2018.csv.gz",
        folder + "/data/b_2019.csv.gz", folder + "/data/notes.txt",
      ])
  }

  func testAbsolutePatternsIgnoreTheDirectory() throws {
    let files = try source([folder + "/data/b_*.csv.gz"]).resolveFiles(relativeTo: "/nowhere")
    XCTAssertEqual(files, [folder + "/data/b_2018.csv.gz", folder + "/data/b_2019.csv.gz"])
  }

  func testEmptyGlobAndMissingFileNameSourceAndPattern() {
    XCTAssertThrowsError(try source(["data/*.csv"]).resolveFiles(relativeTo: folder)) { error in
      XCTAssertEqual(
        error as? MissingFilesError,
        MissingFilesError(source: "boform110", pattern: "data/*.csv", resolved: folder + "/data/*.csv", folder: folder))
      XCTAssertEqual(
        String(describing: error),
        "source 'boform110': no file matches 'data/*.csv' (looked for \(folder)/data/*.csv: relative patterns are "
          + "resolved from the pipeline file's folder, \(folder))")
    }
    XCTAssertThrowsError(try source(["data/notes.txt", "data/absent.csv"]).resolveFiles(relativeTo: folder)) {
      XCTAssertEqual(
        String(describing: $0),
        "source 'boform110': no file matches 'data/absent.csv' (looked for \(folder)/data/absent.csv: relative "
          + "patterns are resolved from the pipeline file's folder, \(folder))")
    }
    XCTAssertThrowsError(try source(["/nowhere/absent.csv"]).resolveFiles(relativeTo: folder)) {
      XCTAssertEqual(String(describing: $0), "source 'boform110': no file matches '/nowhere/absent.csv'")
    }
  }
}
