import Foundation
import TestSupport
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Crash safety and full disks on the demo pipeline. Set A is a complete run at
/// `min_cell: 5`; set B the same data at `min_cell: 1` (no suppression, so other bytes,
/// and a publish without linear programmes, so the many runs towards B stay quick). A run towards B is killed with SIGKILL at seeded random moments, or meets a
/// full disk; `tables/` must then hold exactly A or exactly B, file by file, with no
/// stray temporary file, and the next run must complete with B.
final class ReliabilityCrashTests: XCTestCase {
  static let demo = packageRoot.appendingPathComponent("Fixtures/demo").path

  /// The demo pipeline with absolute input paths and the given `min_cell`.
  static func pipeline(minCell: Int) throws -> String {
    let text = try String(
      contentsOf: packageRoot.appendingPathComponent("Pipelines/demo.yaml"), encoding: .utf8)
    return text.replacingOccurrences(of: "../Fixtures/demo/", with: demo + "/")
      .replacingOccurrences(of: "min_cell: 5", with: "min_cell: \(minCell)")
  }

  struct Sets {
    var folder: String
    var pipelineA: String
    var pipelineB: String
    var a: [String: Data]
    var b: [String: Data]
    /// An output root holding a complete run of A.
    var baseline: String
  }

  func prepare() throws -> Sets {
    let folder = try ReliabilityHarness.temporaryFolder(self, "crash")
    let pipelineA = folder + "/a.yaml"
    let pipelineB = folder + "/b.yaml"
    try Self.pipeline(minCell: 5).write(toFile: pipelineA, atomically: true, encoding: .utf8)
    try Self.pipeline(minCell: 1).write(toFile: pipelineB, atomically: true, encoding: .utf8)
    for (pipeline, root) in [(pipelineA, "ref-a"), (pipelineB, "ref-b"), (pipelineA, "baseline")] {
      let result = try ReliabilityHarness.run(["run", pipeline, "--output", folder + "/" + root, "-q"], in: folder)
      XCTAssertEqual(result.status, 0, result.stderr)
    }
    let a = ReliabilityHarness.snapshot(folder + "/ref-a/demo/tables")
    let b = ReliabilityHarness.snapshot(folder + "/ref-b/demo/tables")
    XCTAssertFalse(a.isEmpty)
    XCTAssertEqual(Set(a.keys), Set(b.keys))
    XCTAssertNotEqual(a, b, "min_cell 5 and 1 must give different tables")
    return Sets(folder: folder, pipelineA: pipelineA, pipelineB: pipelineB, a: a, b: b, baseline: folder + "/baseline")
  }

  /// Which complete set `tables/` holds: "A", "B", or a description of what is wrong.
  static func classify(_ tables: String, _ sets: Sets) -> String {
    guard ReliabilityHarness.exists(tables) else { return "no tables folder" }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: tables)) ?? []
    let stray = names.filter { $0.hasPrefix(".") || $0.hasSuffix(".tmp") || $0.contains("staging") }
    if !stray.isEmpty { return "stray files \(stray)" }
    let now = ReliabilityHarness.snapshot(tables)
    if now == sets.a { return "A" }
    if now == sets.b { return "B" }
    let mixed = now.keys.sorted().map { name in
      now[name] == sets.a[name] ? "\(name)=A" : now[name] == sets.b[name] ? "\(name)=B" : "\(name)=partial"
    }
    return "a mix: \(mixed.joined(separator: " ")); missing \(Set(sets.a.keys).subtracting(now.keys).sorted())"
  }

  static func copy(_ from: String, to: String) throws {
    try? FileManager.default.removeItem(atPath: to)
    try FileManager.default.copyItem(atPath: from, toPath: to)
  }

  /// Starts `regpipe arguments`, kills it with SIGKILL after `delay` seconds (if still running).
  static func runAndKill(_ arguments: [String], in folder: String, after delay: Double) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ReliabilityHarness.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(useconds_t(delay * 1_000_000))
    let killed = process.isRunning && kill(process.processIdentifier, SIGKILL) == 0
    process.waitUntilExit()
    return killed && process.terminationReason == .uncaughtSignal
  }

  func testKillNineLeavesTheOldOrTheNewCompleteTables() throws {
    let sets = try prepare()
    let trial = sets.folder + "/trial"
    // The time a run towards B takes, with --force (every stage) and without (publish only).
    var fullTime: [Bool: Double] = [:]
    for force in [true, false] {
      try Self.copy(sets.baseline, to: trial)
      let result = try ReliabilityHarness.run(
        ["run", sets.pipelineB, "--output", trial, "-q"] + (force ? ["--force"] : []), in: sets.folder)
      XCTAssertEqual(result.status, 0, result.stderr)
      fullTime[force] = result.seconds
    }
    var random = SplitMix64(seed: ProcessInfo.processInfo.environment["REGPIPE_KILL_SEED"].flatMap { UInt64($0) } ?? 7)
    let points = ProcessInfo.processInfo.environment["REGPIPE_KILL_POINTS"].flatMap { Int($0) } ?? 24
    var seen: [String: Int] = [:]
    var killed = 0
    for point in 0..<points {
      let force = point % 2 == 0
      let delay = random.unit() * fullTime[force]!
      try Self.copy(sets.baseline, to: trial)
      let wasKilled = try Self.runAndKill(
        ["run", sets.pipelineB, "--output", trial, "-q"] + (force ? ["--force"] : []), in: sets.folder, after: delay)
      if wasKilled { killed += 1 }
      let state = Self.classify(trial + "/demo/tables", sets)
      XCTAssertTrue(
        state == "A" || state == "B",
        "kill point \(point) (\(String(format: "%.3f", delay)) s, force \(force)): \(state)")
      seen[state, default: 0] += 1
      // The next run completes and publishes B.
      let next = try ReliabilityHarness.run(["run", sets.pipelineB, "--output", trial, "-q"], in: sets.folder)
      XCTAssertEqual(next.status, 0, "run after kill point \(point): \(next.stderr)")
      XCTAssertEqual(Self.classify(trial + "/demo/tables", sets), "B", "after kill point \(point)")
      // And its manifest describes B's tables.
      let manifest =
        try JSONSerialization.jsonObject(
          with: Data(contentsOf: URL(fileURLWithPath: trial + "/demo/manifest.json"))) as! [String: Any]
      var listed: [String: Int] = [:]
      for output in manifest["outputs"] as! [[String: Any]] {
        let path = output["path"] as! String
        if path.hasPrefix("tables/") { listed[String(path.dropFirst(7))] = output["bytes"] as? Int }
      }
      XCTAssertEqual(listed, sets.b.mapValues(\.count), "manifest after kill point \(point)")
    }
    print(
      "kill -9: \(points) points (\(killed) killed mid-run, full run \(String(format: "%.2f", fullTime[true]!)) s with --force, \(String(format: "%.2f", fullTime[false]!)) s without); tables afterwards: \(seen)"
    )
    XCTAssertGreaterThanOrEqual(killed, points / 3, "kills must land while the run is going")
  }

  /// A full disk: a small tmpfs when this process may mount one (root on Linux), else a
  /// file-size limit (`ulimit -f`, SIGXFSZ ignored, so writes fail with EFBIG). Each free
  /// space from nothing to 1 MiB makes a different write fail.
  func testFullDiskGivesAClearErrorAndKeepsThePreviousTables() throws {
    let sets = try prepare()
    let disk = sets.folder + "/disk"
    try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
    let mounted =
      ProcessInfo.processInfo.environment["REGPIPE_NO_TMPFS"] == nil && getuid() == 0
      && Self.shell("mount -t tmpfs -o size=8m tmpfs '\(disk)'") == 0
    defer { if mounted { _ = Self.shell("umount '\(disk)'") } }
    let root = disk + "/out"
    var failures = 0
    for (index, free) in [0, 4 << 10, 16 << 10, 64 << 10, 128 << 10, 256 << 10, 512 << 10, 1 << 20].enumerated() {
      try? FileManager.default.removeItem(atPath: root)
      try? FileManager.default.removeItem(atPath: disk + "/filler")
      try Self.copy(sets.baseline, to: root)
      var prefix: String? = nil
      if mounted {
        // Fill the disk, then give back `free` bytes.
        _ = Self.shell("dd if=/dev/zero of='\(disk)/filler' bs=64k 2>/dev/null; truncate -s -\(free) '\(disk)/filler'")
      } else {
        // Blocks of 512 bytes; the largest file a --force run writes is the report (~70 kB).
        prefix = "trap '' XFSZ; ulimit -f \(max(1, free / 512));"
      }
      let result = try ReliabilityHarness.run(
        ["run", sets.pipelineB, "--output", disk + "/out", "-q", "--force"], in: sets.folder, shellPrefix: prefix)
      let state = Self.classify(root + "/demo/tables", sets)
      if result.status == 0 {
        XCTAssertEqual(state, "B", "free \(free): a successful run publishes B")
        continue
      }
      failures += 1
      print("full disk, \(free) bytes free: exit \(result.status), tables \(state): \(result.stderr.prefix(300))")
      XCTAssertEqual(result.status, 1, "free \(free): a write failure is a run error, not a crash: \(result.stderr)")
      let message = result.stderr
      XCTAssertTrue(message.hasPrefix("regpipe: \(root)/demo/"), "free \(free): the message names the file: \(message)")
      XCTAssertTrue(
        message.contains("No space left on device") || message.contains("File too large"),
        "free \(free): the message says why: \(message)")
      XCTAssertEqual(message.split(separator: "\n").count, 1, "free \(free): one line: \(message)")
      XCTAssertFalse(message.contains(".tmp:"), "free \(free): the file's name, not its temporary one: \(message)")
      XCTAssertTrue(state == "A" || state == "B", "free \(free): \(state)")
      if index == 0 { XCTAssertEqual(state, "A", "with no space at all nothing can be published") }
      // Space again: the next run completes with B.
      try? FileManager.default.removeItem(atPath: disk + "/filler")
      let next = try ReliabilityHarness.run(["run", sets.pipelineB, "--output", disk + "/out", "-q"], in: sets.folder)
      XCTAssertEqual(next.status, 0, "free \(free): the run after the disk was freed: \(next.stderr)")
      XCTAssertEqual(Self.classify(root + "/demo/tables", sets), "B")
    }
    print("full disk (\(mounted ? "tmpfs" : "ulimit -f")): \(failures) of 8 free-space levels failed cleanly")
    XCTAssertGreaterThanOrEqual(failures, 2, "the smallest free spaces must make writes fail")
  }

  /// What a kill between committing `work/publish/` and swapping `tables/` leaves: the
  /// stamp of the new tables beside the old ones. When the old have the new ones' sizes
  /// (a count 12 → 13) the next run must still see it and publish again.
  func testSameSizeChangeToPublishedTablesIsNoticed() throws {
    let folder = try ReliabilityHarness.temporaryFolder(self, "tamper")
    try Self.pipeline(minCell: 5).write(toFile: folder + "/demo.yaml", atomically: true, encoding: .utf8)
    XCTAssertEqual(
      try ReliabilityHarness.run(["run", folder + "/demo.yaml", "--output", folder, "-q"], in: folder).status, 0)
    let tables = folder + "/demo/tables"
    let published = ReliabilityHarness.snapshot(tables)
    let path = tables + "/typology.csv"
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let digit = try XCTUnwrap(bytes.lastIndex { $0 >= 0x31 && $0 <= 0x38 })
    bytes[digit] += 1
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let rerun = try ReliabilityHarness.run(["run", folder + "/demo.yaml", "--output", folder], in: folder)
    XCTAssertEqual(rerun.status, 0, rerun.stderr)
    XCTAssertTrue(
      rerun.stdout.contains("publish: ran (published tables/typology.csv is missing or was changed)"), rerun.stdout)
    XCTAssertEqual(ReliabilityHarness.snapshot(tables), published)
  }

  /// `run.log` only grows; once it passes the file-size limit (or the disk is full when
  /// the run ends) appending fails. That must be a message, not a crash: Foundation's
  /// `FileHandle.write(_:)` is `try!` inside and killed regpipe with SIGILL.
  func testRunLogThatCannotGrowIsAMessageNotACrash() throws {
    let folder = try ReliabilityHarness.temporaryFolder(self, "runlog")
    try Self.pipeline(minCell: 5).write(toFile: folder + "/demo.yaml", atomically: true, encoding: .utf8)
    XCTAssertEqual(
      try ReliabilityHarness.run(["run", folder + "/demo.yaml", "--output", folder, "-q"], in: folder).status, 0)
    let log = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/demo/run.log"))
    try log.seekToEnd()
    try log.write(contentsOf: Data(repeating: UInt8(ascii: "#"), count: 700_000))
    try log.close()
    // 1000 blocks of 512 bytes: every file a run writes fits, the grown run.log does not.
    let result = try ReliabilityHarness.run(
      ["run", folder + "/demo.yaml", "--output", folder, "-q", "--force"], in: folder,
      shellPrefix: "trap '' XFSZ; ulimit -f 1000;")
    XCTAssertEqual(result.status, 1, result.stderr.prefix(300).description)
    XCTAssertEqual(result.stderr, "regpipe: \(folder)/demo/run.log: cannot append to the run log: File too large\n")
  }

  static func shell(_ command: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }
}
