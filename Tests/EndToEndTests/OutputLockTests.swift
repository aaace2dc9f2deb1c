import Foundation
import XCTest

/// One run per output folder (issue #16), with real processes: `flock(1)` holds the lock
/// as another run would, and two regpipe runs race on one folder.
final class OutputLockTests: EndToEndCase {
  /// `flock LOCKFILE sleep SECONDS` in the background; returns once the lock is held.
  private func holdLock(_ folder: String, seconds: Int) throws -> Process {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let ready = folder + "/.held"
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/bin/sh")
    holder.arguments = ["-c", "exec flock \(folder)/.lock sh -c 'touch \(ready); sleep \(seconds)'"]
    try holder.run()
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: ready) && Date() < deadline { usleep(20_000) }
    return holder
  }

  func testASecondRunStopsAtOnceAndWritesNothing() throws {
    let output = folder("out")
    let holder = try holdLock(output + "/demo", seconds: 30)
    defer { holder.terminate() }
    let result = try run("Pipelines/demo.yaml", output: output, status: 1)
    XCTAssertEqual(
      result.stderr,
      "regpipe: another regpipe run is using \(output)/demo/; wait for it to finish, or run with --wait\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/demo/work"))
  }

  func testWaitRunsOnceTheOtherRunEnds() throws {
    let output = folder("out")
    let holder = try holdLock(output + "/demo", seconds: 2)
    let started = Date()
    let result = try Regpipe.run(["run", "Pipelines/demo.yaml", "--output", output, "--wait"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stderr.hasPrefix("waiting for another regpipe run to finish with \(output)/demo/\n"))
    XCTAssertGreaterThan(Date().timeIntervalSince(started), 1.0)
    holder.waitUntilExit()
  }

  /// A crashed run leaves its lock file, unlocked: the next run goes ahead.
  func testALeftOverLockFileIsNotInTheWay() throws {
    let output = folder("out")
    try FileManager.default.createDirectory(atPath: output + "/demo", withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: output + "/demo/.lock", contents: nil)
    try run("Pipelines/demo.yaml", output: output)
  }

  /// Two runs started together: one runs, the other stops (or, if the first was already
  /// done, finds everything up to date); the folder is never corrupted.
  func testTwoRunsAtOnceLeaveOneCompleteResult() throws {
    let output = folder("out")
    let runs = (0..<2).map { _ in
      let process = Process()
      process.executableURL = Regpipe.binary
      process.arguments = ["run", "Pipelines/demo.yaml", "--output", output, "-q"]
      process.currentDirectoryURL = packageRoot
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      return process
    }
    for process in runs { try process.run() }
    for process in runs { process.waitUntilExit() }
    let statuses = runs.map(\.terminationStatus).sorted()
    XCTAssertTrue(statuses == [0, 1] || statuses == [0, 0], "\(statuses)")
    let status = try Regpipe.run(["status", "Pipelines/demo.yaml", "--output", output])
    XCTAssertEqual(status.status, 0)
    XCTAssertFalse(status.stdout.contains("stale"), status.stdout)
    let diff = try Regpipe.run(["diff", "Fixtures/demo/expected", output + "/demo/tables"])
    XCTAssertEqual(diff.stdout, "no differences\n")
    let strays = try FileManager.default.subpathsOfDirectory(atPath: output).filter { $0.hasSuffix(".tmp") }
    XCTAssertEqual(strays, [])
  }
}
