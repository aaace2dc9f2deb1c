import Foundation
import PipelineCore
import XCTest

@testable import PipelineRunner

/// `PipelineRun` driven as a library, on the edge fixture.
final class PipelineRunTests: TemporaryFolderCase {
  private static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/edge")

  private func runner(_ configure: (inout RunOptions) -> Void = { _ in }) throws -> PipelineRun {
    let config = try PipelineConfig.load(path: Self.fixtures.appendingPathComponent("pipeline.yaml").path)
    var options = RunOptions()
    options.outputRoot = temporary + "/out"
    options.quiet = true
    configure(&options)
    return PipelineRun(config: config, options: options)
  }

  private func lines(_ outcomes: [StageOutcome]) -> [String] { outcomes.map(\.line) }

  func testStatusOfAFreshFolder() throws {
    let run = try runner()
    let status = try run.status()
    XCTAssertEqual(status.map(\.stage), StageName.allCases)
    XCTAssertEqual(status.map(\.staleReason), Array(repeating: "no previous result", count: 7))
    XCTAssertFalse(FileManager.default.fileExists(atPath: temporary + "/out"), "status writes nothing")
  }

  func testRunThenStatusIsUpToDate() throws {
    var reported: [String] = []
    let outcomes = try runner().run { reported.append($0.line) }
    XCTAssertEqual(lines(outcomes), StageName.allCases.map { "\($0.rawValue): ran (no previous result)" })
    XCTAssertEqual(reported, lines(outcomes), "each outcome is reported as it happens")
    XCTAssertEqual(outcomes.map(\.action), Array(repeating: .ran, count: 7))

    let status = try runner().status()
    XCTAssertEqual(status.map(\.staleReason), Array(repeating: nil, count: 7))
    XCTAssertEqual(
      lines(try runner().run()), StageName.allCases.map { "\($0.rawValue): skipped (up to date)" })
    XCTAssertTrue(FileManager.default.fileExists(atPath: temporary + "/out/edge/tables/typology.csv"))
  }

  /// Each stage's stamp records its reads; downstream stages record their upstream's
  /// output hash.
  func testStampsChainOutputHashes() throws {
    let run = try runner()
    try run.run()
    let folder = temporary + "/out/edge/work/"
    let load = try XCTUnwrap(StageStamp.read(from: folder + "load"))
    let dedup = try XCTUnwrap(StageStamp.read(from: folder + "dedup"))
    let publish = try XCTUnwrap(StageStamp.read(from: folder + "publish"))
    XCTAssertEqual(dedup.reads["stage load"], load.outputHash)
    XCTAssertEqual(load.reads["program"], ProgramVersion.current)
    XCTAssertEqual(load.reads.keys.filter { $0.text.hasPrefix("input ") }.count, 5, "lpr.csv is read by two sources")
    XCTAssertEqual(Set(load.outputs.keys), ["events.csv.gz", "persons.csv.gz", "sources.json", "stays.csv.gz"])
    XCTAssertEqual(publish.reads["parameter publish.min_cell"], "1")
    XCTAssertNotNil(publish.reads["parameter episode_gap_days"], "the report lists every setting")
    XCTAssertTrue(publish.outputs.keys.contains("report.html"))
    XCTAssertTrue(publish.outputs.keys.contains("tables/typology.csv"))
  }

  func testStaleUpstreamOfASelectedStageFails() throws {
    try runner().run()
    try FileManager.default.removeItem(atPath: temporary + "/out/edge/work/load/stamp.json")
    XCTAssertThrowsError(try runner { $0.stage = .dedup }.run()) { error in
      XCTAssertEqual(
        (error as? RunError)?.message,
        "stage load is not up to date (no previous result); run it first or use --from load")
    }
    // A stage that dedup does not read from is not its concern: publish reads them all.
    XCTAssertThrowsError(try runner { $0.stage = .publish }.run())
  }

  func testMissingUpstreamStampIsNamed() throws {
    try runner().run()
    try FileManager.default.removeItem(atPath: temporary + "/out/edge/work/classify")
    let status = try runner().status()
    XCTAssertEqual(status[2].staleReason, "no previous result")
    XCTAssertEqual(status[3].staleReason, "upstream stage classify has no result")
    XCTAssertEqual(
      lines(try runner().run()),
      ["load: skipped (up to date)", "dedup: skipped (up to date)", "classify: ran (no previous result)"]
        + ["repeat_use", "welfare_use", "transitions", "publish"].map { "\($0): skipped (up to date)" })
  }

  /// Stages downstream of `--stage` are left alone even when it makes them stale.
  func testSelectedStageLeavesLaterStagesAlone() throws {
    try runner().run()
    let outcomes = try runner {
      $0.stage = .classify
      $0.force = true
    }.run()
    XCTAssertEqual(lines(outcomes), ["classify: ran (--force)"])
  }

  /// After `--stage` of an earlier stage, manifest and quality report keep describing
  /// the tables (they are not rewritten with the new stage's counts); the run log grows.
  func testRecordsAreRewrittenOnlyWithPublishCurrent() throws {
    try runner().run()
    let edge = temporary + "/out/edge/"
    let records = try ["manifest.json", "quality.json"].map { try Data(contentsOf: URL(fileURLWithPath: edge + $0)) }
    try FileManager.default.removeItem(atPath: edge + "quality.json")
    let log = try String(contentsOfFile: edge + "run.log", encoding: .utf8)
    let partial = try runner {
      $0.stage = .load
      $0.force = true
    }
    XCTAssertFalse(partial.recordsAreCurrent)
    try partial.run()
    XCTAssertFalse(FileManager.default.fileExists(atPath: edge + "quality.json"), "not rewritten")
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: edge + "manifest.json")), records[0])
    let newLog = try String(contentsOfFile: edge + "run.log", encoding: .utf8)
    XCTAssertTrue(newLog.hasPrefix(log))
    XCTAssertTrue(newLog.dropFirst(log.count).contains("load: ran (--force)"), newLog)

    let publish = try runner { $0.stage = .publish }
    XCTAssertTrue(publish.recordsAreCurrent)
    try publish.run()
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: edge + "quality.json")), records[1])
  }

  /// Stages read back only the upstream files they use, and the run records no
  /// person-level file: with load's events file garbled (same size, so load still looks
  /// up to date), a run with nothing to do and a forced dedup both succeed, while
  /// welfare_use, which reads the events, fails naming the file.
  func testStagesReadOnlyTheUpstreamFilesTheyUse() throws {
    try runner().run()
    let events = temporary + "/out/edge/work/load/events.csv.gz"
    let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: events)[.size] as? Int)
    try Data(repeating: UInt8(ascii: "x"), count: size).write(to: URL(fileURLWithPath: events))

    XCTAssertEqual(lines(try runner().run()), StageName.allCases.map { "\($0.rawValue): skipped (up to date)" })
    XCTAssertEqual(
      lines(
        try runner {
          $0.stage = .dedup
          $0.force = true
        }.run()), ["dedup: ran (--force)"])
    XCTAssertThrowsError(
      try runner {
        $0.stage = .welfareUse
        $0.force = true
      }.run()
    ) { error in
      XCTAssertTrue("\(error)".hasPrefix(events + ": "), "\(error)")
    }
  }

  func testNewProgramVersionMakesEveryStageStale() throws {
    try runner().run()
    let path = temporary + "/out/edge/work/load/stamp.json"
    var stamp = try XCTUnwrap(StageStamp.read(from: temporary + "/out/edge/work/load"))
    stamp.reads["program"] = "0.0.1"
    try stamp.write(to: (path as NSString).deletingLastPathComponent)
    XCTAssertEqual(try runner().status()[0].staleReason, "program version changed")
  }

  /// Input digests are remembered by size and time, and recomputed when either changes.
  func testInputDigestsAreCachedBySizeAndTime() throws {
    let file = temporary + "/in.csv"
    // Whole seconds, which every file system stores exactly.
    let time = Date(timeIntervalSince1970: 1_700_000_000)
    try write("a\n1\n", to: "in.csv")
    try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: file)
    var digests = InputDigests(path: temporary + "/digests.json")
    let first = try digests.digest(of: file)
    XCTAssertEqual(first.bytes, 4)
    try digests.save()

    // Same size and time, different bytes: trusted, as make trusts timestamps.
    try write("a\n2\n", to: "in.csv")
    try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: file)
    var reloaded = InputDigests(path: temporary + "/digests.json")
    XCTAssertEqual(try reloaded.digest(of: file), first)

    try FileManager.default.setAttributes([.modificationDate: time.addingTimeInterval(10)], ofItemAtPath: file)
    let second = try reloaded.digest(of: file)
    XCTAssertNotEqual(second.sha256, first.sha256)
  }
}
