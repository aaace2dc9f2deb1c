import Foundation
import PipelineCore
import TestSupport
import XCTest

/// `PipelineConfig.parse(yaml:path:directory:)` on mutated pipeline files: lines
/// deleted, doubled, swapped and re-indented, values replaced by wrong ones, YAML's
/// special characters inserted, deep nesting. Every input must give a configuration or
/// a `ConfigurationError` whose every line names the file; no crash, no hang.
///
/// (In this target because it is the one of this branch's test targets that can reach
/// PipelineCore; see the `REGPIPE_FUZZ_*` variables in `ReliabilityFuzz`.)
final class ReliabilityConfigFuzzTests: XCTestCase {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let seeds: [String] = ["Pipelines/demo.yaml", "Pipelines/nightly.yaml", "Fixtures/edge/pipeline.yaml"]
    .compactMap { try? String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }

  static let values = [
    "", "~", "-1", "0", "1", "99999999999999999999", "1e309", "nan", ".inf", "[1, 2]", "{a: 1}", "[]", "{}",
    "2019-02-29", "2019-13-01", "0000-00-00", "9999-12-31", "'x'", "\"", "'", "*anchor", "&a x", "!!binary aGVsbG8=",
    "auto", "latin1", "\\t", "\"\\t\"", "|", ">", "yes", "null", "true", "0x10", "1_000", "- a", "a: b: c",
    String(repeating: "x", count: 5000), "\"\\u0000\"", "é", "../../etc/passwd", "\"*.csv\"", "[\"nope/*.csv\"]",
  ]

  static func mutate(_ text: String, _ random: inout SplitMix64) -> String {
    var lines = text.components(separatedBy: "\n")
    for _ in 0..<(1 + random.below(4)) {
      guard !lines.isEmpty else { break }
      let at = random.below(lines.count)
      switch random.below(9) {
      case 0: lines.remove(at: at)
      case 1: lines.insert(lines[at], at: at)
      case 2: lines.swapAt(at, random.below(lines.count))
      case 3: lines[at] = String(repeating: " ", count: 1 + random.below(4)) + lines[at]
      case 4: lines[at] = String(lines[at].drop { $0 == " " })
      case 5:
        // Replace the value after a colon.
        if let colon = lines[at].firstIndex(of: ":") {
          lines[at] = lines[at][...colon] + " " + random.pick(values)
        }
      case 6:
        var bytes = Array(lines[at].utf8)
        let special = Array(":-[]{}\"'#&*!|>%@`,?\t\\".utf8) + [0, 0xFF, 0xC3]
        bytes.insert(random.pick(special), at: random.below(bytes.count + 1))
        lines[at] = String(decoding: bytes, as: UTF8.self)
      case 7:
        // Deep nesting, far beyond any pipeline file.
        let depth = random.pick([10, 100, 1000, 20_000])
        let open = random.chance(0.5) ? "[" : "{a: "
        let close = open == "[" ? "]" : "}"
        lines[at] +=
          " " + String(repeating: open, count: depth)
          + (random.chance(0.7) ? String(repeating: close, count: depth) : "")
      default:
        if let digit = lines[at].firstIndex(where: \.isNumber) {
          lines[at].replaceSubrange(digit...digit, with: String(random.below(10)))
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  static func check(_ yaml: String, path: String) throws {
    do {
      let config = try PipelineConfig.parse(yaml: yaml, path: path, directory: "/nonexistent")
      // What parsed must be a usable configuration.
      guard !config.name.isEmpty, !config.sources.isEmpty, config.parameters.window.from <= config.parameters.window.to,
        config.publish.minCell >= 1
      else { throw FuzzFailure("accepted an unusable configuration: \(config)") }
    } catch let error as ConfigurationError {
      let text = "\(error)"
      guard !error.problems.isEmpty, !text.isEmpty else { throw FuzzFailure("an empty configuration error") }
      for line in text.split(separator: "\n") where !line.hasPrefix(path + ":") {
        throw FuzzFailure("an error line does not name the file: \(line.prefix(200))")
      }
    }
  }

  func testMutatedPipelineFilesParseOrNameTheFile() throws {
    XCTAssertEqual(Self.seeds.count, 3)
    let seeds = Self.seeds
    Fuzz.run(
      "pipeline-yaml", cases: 2500,
      generate: { random in Array(Self.mutate(random.pick(seeds), &random).utf8) },
      check: { bytes in
        try Self.check(String(decoding: bytes, as: UTF8.self), path: "Pipelines/fuzzed.yaml")
        return "checked"
      })
  }

  func testDeepNestingIsAMessageNotACrash() throws {
    for depth in [10_000, 100_000] {
      for yaml in [
        "pipeline: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n",
        "pipeline: x\nparameters:\n"
          + (0..<depth / 10).map { String(repeating: " ", count: $0 + 1) + "a\($0):" }
          .joined(separator: "\n"),
      ] {
        XCTAssertThrowsError(try PipelineConfig.parse(yaml: yaml, path: "deep.yaml", directory: ".")) { error in
          XCTAssertTrue("\(error)".hasPrefix("deep.yaml:"), "\(error)".prefix(200).description)
        }
      }
    }
  }

  func testConfigRegressions() throws {
    let folder = Self.root.appendingPathComponent("Fixtures/broken/regressions/pipeline-yaml").path
    for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
      let bytes = FileManager.default.contents(atPath: folder + "/" + name) ?? Data()
      XCTAssertNoThrow(try Self.check(String(decoding: bytes, as: UTF8.self), path: "Pipelines/fuzzed.yaml"), name)
    }
  }
}
