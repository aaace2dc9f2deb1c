import Dispatch
import Foundation
import XCTest

/// A fuzz case that broke a property: thrown by a checker, collected by `Fuzz.run`.
public struct FuzzFailure: Error, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Bounded, seeded fuzzing: every case is generated from (seed, index), checked on a
/// worker thread under a deadline (a hang fails the test instead of stalling CI), and a
/// failing input is saved so it can join `Fixtures/broken/regressions/<target>/`.
///
/// Environment (used by `scripts/fuzz.sh`): `REGPIPE_FUZZ_SEED` (default fixed),
/// `REGPIPE_FUZZ_CASES` (cases per target; default as the test says),
/// `REGPIPE_FUZZ_SECONDS` (keep going until this many seconds per target have passed),
/// `REGPIPE_FUZZ_FAILURES` (folder for failing inputs; default a temporary folder).
public enum Fuzz {
  public static let environment = ProcessInfo.processInfo.environment

  public static var seed: UInt64 {
    environment["REGPIPE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED_2026
  }

  public static func cases(default count: Int) -> Int {
    environment["REGPIPE_FUZZ_CASES"].flatMap { Int($0) } ?? count
  }

  public static var seconds: Double? { environment["REGPIPE_FUZZ_SECONDS"].flatMap { Double($0) } }

  public static var failureFolder: String {
    environment["REGPIPE_FUZZ_FAILURES"] ?? NSTemporaryDirectory() + "regpipe-fuzz-failures"
  }

  /// What a run did, for the summary line and for tests that check their own coverage.
  public struct Summary {
    public var cases = 0
    public var failures: [String] = []
    public var slowest = 0.0
    public var notes: [String: Int] = [:]
  }

  /// Generates and checks cases `0..<count` (or until `REGPIPE_FUZZ_SECONDS`), each with its
  /// own generator; `check` returns a short outcome label (counted in the summary) or
  /// throws `FuzzFailure`. Fails the test on any failure, on a case slower than
  /// `caseLimit` seconds, and when the whole run does not finish within `deadline`.
  @discardableResult
  public static func run(
    _ target: String, cases defaultCount: Int, caseLimit: Double = 5, deadline: Double = 120,
    file: StaticString = #filePath, line: UInt = #line,
    generate: @escaping @Sendable (inout SplitMix64) -> [UInt8],
    check: @escaping @Sendable ([UInt8]) throws -> String
  ) -> Summary {
    let seed = self.seed
    let count = cases(default: defaultCount)
    let budget = seconds
    let state = FuzzState()
    let finished = DispatchSemaphore(value: 0)
    let thread = Thread {
      let started = Date()
      var index = 0
      while budget.map({ Date().timeIntervalSince(started) < $0 }) ?? (index < count) {
        var random = SplitMix64(seed: seed, index: index)
        let input = generate(&random)
        state.begin(index, input)
        let caseStarted = Date()
        var outcome = "failed"
        do {
          outcome = try check(input)
        } catch let failure as FuzzFailure {
          state.fail(index, input, failure.message, target: target, seed: seed)
        } catch {
          state.fail(index, input, "unexpected error \(type(of: error)): \(error)", target: target, seed: seed)
        }
        state.end(outcome, seconds: Date().timeIntervalSince(caseStarted))
        if state.failureCount >= 5 { break }
        index += 1
      }
      finished.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
    let limit = budget.map { $0 + deadline } ?? deadline
    if finished.wait(timeout: .now() + limit) == .timedOut {
      let (index, input) = state.current
      let saved = save(input, target: target, seed: seed, index: index, kind: "hang")
      XCTFail(
        "\(target): case \(index) (seed \(seed)) did not finish within \(Int(limit)) s; input saved to \(saved)",
        file: file, line: line)
      return state.summary
    }
    let summary = state.summary
    for failure in summary.failures { XCTFail("\(target): \(failure)", file: file, line: line) }
    if summary.slowest > caseLimit {
      XCTFail(
        "\(target): slowest case took \(String(format: "%.2f", summary.slowest)) s (limit \(caseLimit) s)",
        file: file, line: line)
    }
    let notes = summary.notes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    print(
      "fuzz \(target): seed \(seed), \(summary.cases) cases, \(summary.failures.count) failures, slowest \(String(format: "%.3f", summary.slowest)) s; \(notes)"
    )
    return summary
  }

  /// Saves a failing input; returns its path.
  public static func save(_ input: [UInt8], target: String, seed: UInt64, index: Int, kind: String) -> String {
    let folder = failureFolder + "/" + target
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/\(kind)-seed\(seed)-case\(index).bin"
    _ = FileManager.default.createFile(atPath: path, contents: Data(input))
    return path
  }

  /// The saved inputs of `Fixtures/broken/regressions/<target>/`, by name.
  public static func regressions(_ target: String, filePath: String = #filePath) -> [(name: String, bytes: [UInt8])] {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/broken/regressions/\(target)").path
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    return names.compactMap { name in
      FileManager.default.contents(atPath: folder + "/" + name).map { (name, [UInt8]($0)) }
    }
  }
}

/// The progress of a fuzz run, shared between the worker thread and the waiting test.
private final class FuzzState: @unchecked Sendable {
  private let lock = NSLock()
  private var index = 0
  private var input: [UInt8] = []
  private var result = Fuzz.Summary()

  func begin(_ index: Int, _ input: [UInt8]) {
    lock.withLock {
      self.index = index
      self.input = input
    }
  }

  func end(_ outcome: String, seconds: Double) {
    lock.withLock {
      result.cases += 1
      result.slowest = max(result.slowest, seconds)
      result.notes[outcome, default: 0] += 1
    }
  }

  func fail(_ index: Int, _ input: [UInt8], _ message: String, target: String, seed: UInt64) {
    let saved = Fuzz.save(input, target: target, seed: seed, index: index, kind: "failure")
    lock.withLock { result.failures.append("case \(index) (seed \(seed)): \(message); input saved to \(saved)") }
  }

  var failureCount: Int { lock.withLock { result.failures.count } }
  var current: (Int, [UInt8]) { lock.withLock { (index, input) } }
  var summary: Fuzz.Summary { lock.withLock { result } }
}
