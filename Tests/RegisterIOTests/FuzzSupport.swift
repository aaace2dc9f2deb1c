import Dispatch
import Foundation
import XCTest

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast, seedable generator, so every fuzz
/// case is reproducible from (seed, case index).
struct FuzzRandom: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  /// The generator of case `index` of a run seeded with `seed`.
  init(seed: UInt64, index: Int) {
    var mixer = FuzzRandom(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
    state = mixer.next()
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (bound > 0).
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  mutating func chance(_ probability: Double) -> Bool {
    Double(next() >> 11) / Double(1 << 53) < probability
  }

  mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

  mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
}

/// A fuzz case that broke a property: thrown by a checker, collected by `Fuzz.run`.
struct FuzzFailure: Error, CustomStringConvertible {
  let message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}

/// Bounded, seeded fuzzing: every case is generated from (seed, index), checked on a
/// worker thread under a deadline (a hang fails the test instead of stalling CI), and a
/// failing input is saved so it can join `Fixtures/broken/regressions/<target>/`.
///
/// Environment (used by `scripts/fuzz.sh`): `REGPIPE_FUZZ_SEED` (default fixed),
/// `REGPIPE_FUZZ_CASES` (cases per target; default as the test says),
/// `REGPIPE_FUZZ_SECONDS` (keep going until this many seconds per target have passed),
/// `REGPIPE_FUZZ_FAILURES` (folder for failing inputs; default a temporary folder).
enum Fuzz {
  static let environment = ProcessInfo.processInfo.environment

  static var seed: UInt64 {
    environment["REGPIPE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED_2026
  }

  static func cases(default count: Int) -> Int {
    environment["REGPIPE_FUZZ_CASES"].flatMap { Int($0) } ?? count
  }

  static var seconds: Double? { environment["REGPIPE_FUZZ_SECONDS"].flatMap { Double($0) } }

  static var failureFolder: String {
    environment["REGPIPE_FUZZ_FAILURES"] ?? NSTemporaryDirectory() + "regpipe-fuzz-failures"
  }

  /// What a run did, for the summary line and for tests that check their own coverage.
  struct Summary {
    var cases = 0
    var failures: [String] = []
    var slowest = 0.0
    var notes: [String: Int] = [:]
  }

  /// Generates and checks cases `0..<count` (or until `REGPIPE_FUZZ_SECONDS`), each with its
  /// own generator; `check` returns a short outcome label (counted in the summary) or
  /// throws `FuzzFailure`. Fails the test on any failure, on a case slower than
  /// `caseLimit` seconds, and when the whole run does not finish within `deadline`.
  @discardableResult
  static func run(
    _ target: String, cases defaultCount: Int, caseLimit: Double = 5, deadline: Double = 120,
    file: StaticString = #filePath, line: UInt = #line,
    generate: @escaping @Sendable (inout FuzzRandom) -> [UInt8],
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
        var random = FuzzRandom(seed: seed, index: index)
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
    print("fuzz \(target): seed \(seed), \(summary.cases) cases, \(summary.failures.count) failures, slowest \(String(format: "%.3f", summary.slowest)) s; \(notes)")
    return summary
  }

  /// Saves a failing input; returns its path.
  static func save(_ input: [UInt8], target: String, seed: UInt64, index: Int, kind: String) -> String {
    let folder = failureFolder + "/" + target
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/\(kind)-seed\(seed)-case\(index).bin"
    _ = FileManager.default.createFile(atPath: path, contents: Data(input))
    return path
  }

  /// The saved inputs of `Fixtures/broken/regressions/<target>/`, by name.
  static func regressions(_ target: String, filePath: String = #filePath) -> [(name: String, bytes: [UInt8])] {
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

/// Byte-level mutations of a valid input.
enum Mutate {
  static let interesting: [UInt8] = [0, 0xFF, 0x1F, 0x8B, 0x0A, 0x0D, 0x22, 0x3B, 0x2C, 0x09, 0x80, 0xC3]

  /// One to `rounds` random mutations of `input`.
  static func bytes(_ input: [UInt8], _ random: inout FuzzRandom, rounds: Int = 3) -> [UInt8] {
    var data = input
    for _ in 0..<(1 + random.below(rounds)) {
      switch random.below(8) {
      case 0 where !data.isEmpty:  // truncate
        data.removeSubrange(random.below(data.count)...)
      case 1 where !data.isEmpty:  // flip one to three bits
        for _ in 0..<(1 + random.below(3)) {
          data[random.below(data.count)] ^= 1 << UInt8(random.below(8))
        }
      case 2:  // insert random bytes
        let at = random.below(data.count + 1)
        data.insert(contentsOf: (0..<(1 + random.below(16))).map { _ in random.byte() }, at: at)
      case 3 where !data.isEmpty:  // delete a range
        let at = random.below(data.count)
        data.removeSubrange(at..<min(data.count, at + 1 + random.below(32)))
      case 4 where !data.isEmpty:  // an interesting byte
        data[random.below(data.count)] = random.pick(interesting)
      case 5 where !data.isEmpty:  // duplicate a chunk
        let at = random.below(data.count)
        let chunk = Array(data[at..<min(data.count, at + 1 + random.below(64))])
        data.insert(contentsOf: chunk, at: random.below(data.count + 1))
      case 6:  // append garbage or zeros
        let zeros = random.chance(0.5)
        data += (0..<(1 + random.below(32))).map { _ in zeros ? 0 : random.byte() }
      default:  // overwrite a random byte
        if !data.isEmpty { data[random.below(data.count)] = random.byte() }
      }
    }
    return data
  }
}

extension String {
  /// True when the message starts by naming `path` (`path: …` or `path:line: …`).
  func startsNaming(_ path: String) -> Bool { hasPrefix(path + ":") }
}

/// Writes a fuzz input with plain POSIX calls (Foundation's atomic writes sync to disk,
/// which would make thousands of cases slow).
func fuzzWrite(_ bytes: [UInt8], to path: String) throws {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard fd >= 0 else { throw FuzzFailure("cannot create \(path)") }
  defer { close(fd) }
  var offset = 0
  while offset < bytes.count {
    let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
    guard n > 0 else { throw FuzzFailure("cannot write \(path)") }
    offset += n
  }
}
