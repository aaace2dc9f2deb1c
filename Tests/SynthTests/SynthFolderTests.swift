import Foundation
import XCTest

@testable import Synth

/// A synthetic set is written into an empty folder, or with `force` replaces only the
/// files a synth writes; its pipeline is named after the folder.
final class SynthFolderTests: XCTestCase {
  private var root = ""

  override func setUpWithError() throws {
    root = NSTemporaryDirectory() + "synth-folder-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: root) }

  private func options(_ folder: String, from: Int, to: Int) -> SynthOptions {
    SynthOptions(out: folder, persons: 40, fromYear: from, toYear: to, seed: 3)
  }

  func testANonEmptyFolderIsRefusedAndForceReplacesOnlySynthFiles() throws {
    let folder = root + "/study 2024"
    _ = try synthesize(options(folder, from: 2016, to: 2020))
    XCTAssertThrowsError(try synthesize(options(folder, from: 2018, to: 2019))) { error in
      XCTAssertEqual(
        "\(error)",
        "\(folder) is not empty: a synthetic set is written into an empty folder, so that no file of another set "
          + "mixes in (--force removes the files a synth writes there, and nothing else)")
    }
    try "mine".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
    var forced = options(folder, from: 2018, to: 2019)
    forced.force = true
    _ = try synthesize(forced)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    XCTAssertEqual(
      files,
      [
        "bef.csv.gz", "boform110_2018.csv.gz", "boform110_2019.csv.gz", "kriminal.csv.gz", "lpr_psyk.csv.gz",
        "notes.txt", "ophold107_108.csv.gz", "pipeline.yaml", "serv85.csv.gz", "sib.csv.gz", "synth_counts.json",
      ])
    let pipeline = try String(contentsOfFile: folder + "/pipeline.yaml", encoding: .utf8)
    XCTAssertTrue(pipeline.contains("\npipeline: study-2024\n"), pipeline)
  }

  func testPipelineNamesAreSafeFolderNames() {
    XCTAssertEqual(pipelineName(for: "/tmp/demo"), "demo")
    XCTAssertEqual(pipelineName(for: "/tmp/.hidden set/"), "hidden-set")
    XCTAssertEqual(pipelineName(for: "/tmp/år_2023"), "-r_2023")
    XCTAssertTrue(isSynthFile("boform110_2019.csv.gz"))
    XCTAssertFalse(isSynthFile("boform110_old.csv.gz"))
    XCTAssertFalse(isSynthFile("notes.txt"))
  }
}
