import Foundation
import PipelineCore
import XCTest

@testable import PipelineRunner

/// A temporary folder per test.
class TemporaryFolderCase: XCTestCase {
  private(set) var temporary: String!

  override func setUpWithError() throws {
    temporary =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("regpipe-runner-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
  }

  func write(_ text: String, to name: String) throws {
    try text.write(toFile: temporary + "/" + name, atomically: true, encoding: .utf8)
  }
}

/// Why a stage with a given stamp is stale (`StageStamp.staleness`).
/// Stamp keys written as their text, as `stamp.json` has them.
extension StampKey: ExpressibleByStringLiteral {
  public init(stringLiteral text: String) { self = StampKey(text: text)! }
}

final class StageStampTests: TemporaryFolderCase {
  private let reads: [StampKey: String] = [
    "program": ProgramVersion.current,
    "parameter episode_gap_days": "30",
    "parameter window.from": "2019-01-01",
    "input /data/a.csv": "aaaa",
    "stage dedup": "1111",
  ]

  /// A stamp over `reads` whose one output file `result.csv` (6 bytes) is in the folder.
  private func stamp(_ reads: [StampKey: String]? = nil) throws -> StageStamp {
    try write("a,b\n1\n", to: "result.csv")
    return StageStamp(
      stage: "classify", reads: reads ?? self.reads,
      outputs: ["result.csv": .init(bytes: 6, sha256: "ffff")], outputHash: "eeee")
  }

  private func changed(_ key: StampKey, to value: String?) -> [StampKey: String] {
    var current = reads
    current[key] = value
    return current
  }

  func testUpToDateWhenReadsAndFilesMatch() throws {
    XCTAssertNil(try stamp().staleness(against: reads, folder: temporary))
  }

  func testProgramVersion() throws {
    XCTAssertEqual(
      try stamp(changed("program", to: "0.0.1")).staleness(against: reads, folder: temporary),
      "program version changed")
  }

  func testProgramVersionExplainsFirst() throws {
    var current = changed("program", to: "9.9.9")
    current["parameter episode_gap_days"] = "31"
    current["stage dedup"] = "2222"
    XCTAssertEqual(try stamp().staleness(against: current, folder: temporary), "program version changed")
  }

  func testParameterChangedAddedRemoved() throws {
    let stamp = try stamp()
    XCTAssertEqual(
      stamp.staleness(against: changed("parameter episode_gap_days", to: "31"), folder: temporary),
      "parameter episode_gap_days changed")
    XCTAssertEqual(
      stamp.staleness(against: changed("parameter indicators.any", to: "any_of [\"x\"]"), folder: temporary),
      "parameter indicators.any added")
    XCTAssertEqual(
      stamp.staleness(against: changed("parameter window.from", to: nil), folder: temporary),
      "parameter window.from removed")
  }

  /// Parameters explain before inputs, inputs before upstream stages, each alphabetically.
  func testExplanationOrder() throws {
    var current = reads
    current["stage dedup"] = "2222"
    current["input /data/a.csv"] = "bbbb"
    XCTAssertEqual(try stamp().staleness(against: current, folder: temporary), "input /data/a.csv changed")
    current["parameter window.from"] = "2019-01-02"
    current["parameter episode_gap_days"] = "31"
    XCTAssertEqual(
      try stamp().staleness(against: current, folder: temporary), "parameter episode_gap_days changed")
  }

  func testInputChangedAddedRemoved() throws {
    let stamp = try stamp()
    XCTAssertEqual(
      stamp.staleness(against: changed("input /data/a.csv", to: "abab"), folder: temporary),
      "input /data/a.csv changed")
    XCTAssertEqual(
      stamp.staleness(against: changed("input /data/b.csv", to: "bbbb"), folder: temporary),
      "input /data/b.csv added")
    XCTAssertEqual(
      stamp.staleness(against: changed("input /data/a.csv", to: nil), folder: temporary),
      "input /data/a.csv removed")
  }

  func testUpstreamChanged() throws {
    XCTAssertEqual(
      try stamp().staleness(against: changed("stage dedup", to: "2222"), folder: temporary),
      "upstream stage dedup changed")
    XCTAssertEqual(
      try stamp().staleness(against: changed("stage load", to: "3333"), folder: temporary),
      "upstream stage load added")
  }

  func testMissingOrModifiedResultFile() throws {
    let stamp = try stamp()
    try write("a,b\n1,2\n", to: "result.csv")
    XCTAssertEqual(stamp.staleness(against: reads, folder: temporary), "result result.csv is missing or was modified")
    try FileManager.default.removeItem(atPath: temporary + "/result.csv")
    XCTAssertEqual(stamp.staleness(against: reads, folder: temporary), "result result.csv is missing or was modified")
  }

  func testChangedReadsExplainBeforeFiles() throws {
    let stamp = try stamp()
    try FileManager.default.removeItem(atPath: temporary + "/result.csv")
    XCTAssertEqual(
      stamp.staleness(against: changed("stage dedup", to: "2"), folder: temporary), "upstream stage dedup changed")
  }

  func testFolderFormatChanged() throws {
    var stamp = try stamp()
    stamp.format = StageStamp.currentFormat + 1
    XCTAssertEqual(stamp.staleness(against: reads, folder: temporary), "stage folder format changed")
  }

  func testWriteAndReadBack() throws {
    let stamp = try stamp()
    try stamp.write(to: temporary)
    XCTAssertEqual(StageStamp.read(from: temporary), stamp)
    let text = try String(contentsOfFile: temporary + "/stamp.json", encoding: .utf8)
    XCTAssertTrue(text.hasSuffix("}\n"))
    XCTAssertTrue(text.contains("\"input /data/a.csv\""), "slashes are not escaped")
  }

  func testUnreadableStampIsNoStamp() throws {
    XCTAssertNil(StageStamp.read(from: temporary))
    try write("{ not json", to: "stamp.json")
    XCTAssertNil(StageStamp.read(from: temporary))
  }

  func testOutcomeLine() {
    XCTAssertEqual(
      StageOutcome(stage: .repeatUse, action: .ran, reason: "upstream stage classify changed", seconds: 1.5).line,
      "repeat_use: ran (upstream stage classify changed)")
    XCTAssertEqual(
      StageOutcome(stage: .load, action: .skipped, reason: "up to date", seconds: 0).line, "load: skipped (up to date)")
  }

  func testOutputPaths() {
    let paths = OutputPaths(root: "/r/", pipeline: "edge")
    XCTAssertEqual(paths.folder, "/r/edge")
    XCTAssertEqual(paths.tables, "/r/edge/tables")
    XCTAssertEqual(paths.stage("dedup"), "/r/edge/work/dedup")
    XCTAssertEqual(paths.rejects, "/r/edge/work/rejects")
    XCTAssertEqual(OutputPaths(root: "Output", pipeline: "demo").manifest, "Output/demo/manifest.json")
  }
}

/// `StageFolder.commit`: a stage's folder is replaced whole, with its stamp.
final class StageFolderTests: TemporaryFolderCase {
  func testCommitStampsEveryWrittenFile() throws {
    let folder = StageFolder(path: temporary + "/work/dedup")
    try FileManager.default.createDirectory(atPath: temporary + "/work", withIntermediateDirectories: true)
    let stamp = try folder.commit(stage: "dedup", reads: ["program": "x"]) { staging in
      try "abc".write(toFile: staging + "/a.txt", atomically: true, encoding: .utf8)
      try FileManager.default.createDirectory(atPath: staging + "/sub", withIntermediateDirectories: true)
      try "hello".write(toFile: staging + "/sub/b.txt", atomically: true, encoding: .utf8)
    }
    XCTAssertEqual(Set(stamp.outputs.keys), ["a.txt", "sub/b.txt"])
    XCTAssertEqual(stamp.outputs["a.txt"]?.bytes, 3)
    XCTAssertEqual(
      stamp.outputs["a.txt"]?.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    XCTAssertEqual(StageStamp.read(from: folder.path), stamp)
    XCTAssertNil(stamp.staleness(against: ["program": "x"], folder: folder.path))
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder.staging))

    // The same files give the same output hash; different ones another.
    let again = try folder.commit(stage: "dedup", reads: ["program": "y"]) { staging in
      try "abc".write(toFile: staging + "/a.txt", atomically: true, encoding: .utf8)
      try FileManager.default.createDirectory(atPath: staging + "/sub", withIntermediateDirectories: true)
      try "hello".write(toFile: staging + "/sub/b.txt", atomically: true, encoding: .utf8)
    }
    XCTAssertEqual(again.outputHash, stamp.outputHash)
    let other = try folder.commit(stage: "dedup", reads: ["program": "y"]) { staging in
      try "abd".write(toFile: staging + "/a.txt", atomically: true, encoding: .utf8)
    }
    XCTAssertNotEqual(other.outputHash, stamp.outputHash)
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: folder.path + "/sub/b.txt"), "the old folder is replaced whole")
  }

  func testFailedStageKeepsThePreviousResult() throws {
    struct Boom: Error {}
    try FileManager.default.createDirectory(atPath: temporary + "/work", withIntermediateDirectories: true)
    let folder = StageFolder(path: temporary + "/work/classify")
    let stamp = try folder.commit(stage: "classify", reads: [:]) { staging in
      try "old".write(toFile: staging + "/r.txt", atomically: true, encoding: .utf8)
    }
    XCTAssertThrowsError(
      try folder.commit(stage: "classify", reads: [:]) { staging in
        try "new".write(toFile: staging + "/r.txt", atomically: true, encoding: .utf8)
        throw Boom()
      })
    XCTAssertEqual(try String(contentsOfFile: folder.path + "/r.txt", encoding: .utf8), "old")
    XCTAssertEqual(StageStamp.read(from: folder.path), stamp)
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder.staging))
  }
}
