import Foundation
import XCTest

/// Pipeline-file errors (exit 2, `path:line: message`, nothing written) and
/// `regpipe validate`.
final class ConfigurationTests: EndToEndCase {
  private let edge = "Fixtures/edge/pipeline.yaml"

  /// Runs a broken copy of the edge pipeline and expects exit 2 with exactly `messages`
  /// (each prefixed by the file's path and `regpipe: ` on the first line) and no output.
  private func expectConfigurationError(
    _ edits: [(String, String)], _ messages: [String], file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let pipeline = try pipelineCopy(of: edge, named: "broken.yaml", edits, file: file, line: line)
    let output = folder("out")
    let result = try run(pipeline, output: output, status: 2, file: file, line: line)
    XCTAssertEqual(result.stdout, "", file: file, line: line)
    XCTAssertEqual(
      result.stderr, "regpipe: " + messages.map { "\(pipeline):\($0)" }.joined(separator: "\n") + "\n",
      file: file, line: line)
    XCTAssertFalse(FileManager.default.fileExists(atPath: output), "nothing is written", file: file, line: line)

    // validate and status refuse it the same way.
    for command in [["validate", pipeline], ["status", pipeline, "--output", output]] {
      let other = try Regpipe.run(command)
      XCTAssertEqual(other.status, 2, command[0], file: file, line: line)
      XCTAssertEqual(other.stderr, result.stderr, command[0], file: file, line: line)
    }
  }

  func testUnknownKeySuggestsTheNearestOne() throws {
    try expectConfigurationError(
      [("episode_gap_days: 30", "episode_gap_day: 30")],
      ["50: unknown key 'episode_gap_day' in parameters; did you mean 'episode_gap_days'?"])
  }

  func testUnknownTopLevelKeySuggestsTheNearestOne() throws {
    try expectConfigurationError(
      [("publish:\n", "publsh:\n")], ["61: unknown key 'publsh'; did you mean 'publish'?"])
  }

  func testMissingRequiredKey() throws {
    try expectConfigurationError(
      [("censor_date: 2022-12-31\n", "")], ["2: missing required key 'censor_date'"])
  }

  func testWindowFromAfterTo() throws {
    try expectConfigurationError(
      [("window: {from: 2019-01-01, to: 2021-12-31}", "window: {from: 2022-01-01, to: 2021-12-31}")],
      ["3: window: from 2022-01-01 is after to 2021-12-31"])
  }

  func testUnknownServiceInIndicator() throws {
    try expectConfigurationError(
      [("{all_of: [psychiatric, substance]}", "{all_of: [psychiatric, substanse]}")],
      [
        "59: unknown service 'substanse' in indicator 'psych_and_substance'; did you mean 'substance'? "
          + "services are: psychiatric, substance, support85"
      ])
  }

  /// Every problem is listed at once, in line order.
  func testSeveralProblemsAtOnce() throws {
    try expectConfigurationError(
      [
        ("window: {from: 2019-01-01, to: 2021-12-31}", "window: {from: 2022-01-01, to: 2021-12-31}"),
        ("episode_gap_days: 30", "episode_gap_day: 30"),
      ],
      [
        "3: window: from 2022-01-01 is after to 2021-12-31",
        "50: unknown key 'episode_gap_day' in parameters; did you mean 'episode_gap_days'?",
      ])
  }

  func testMissingPipelineFile() throws {
    let missing = folder("nothing.yaml")
    let result = try run(missing, output: folder("out"), status: 2)
    XCTAssertTrue(result.stderr.hasPrefix("regpipe: \(missing)"), result.stderr)
  }

  /// A glob that matches nothing stops the run before any result is written: a
  /// configuration error (exit 2), since the pipeline file names what is not there.
  func testMissingInputFileIsAConfigurationError() throws {
    let pipeline = try pipelineCopy(of: edge, named: "p.yaml", [("sel85.csv\"", "sel86.csv\"")])
    let output = folder("out")
    let result = try run(pipeline, output: output, status: 2)
    XCTAssertTrue(result.stderr.hasPrefix("regpipe: "), result.stderr)
    XCTAssertTrue(result.stderr.contains("sel86.csv"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/edge/tables"))
  }

  // MARK: validate

  func testValidateAcceptsTheFixturesAndWritesNothing() throws {
    let pipeline = try pipelineCopy(of: edge, named: "edge.yaml")
    let before = try files(under: temporary.path)
    let result = try Regpipe.run(["validate", pipeline], in: temporary)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      result.stdout, "\(pipeline): valid; 6 sources, 6 input files with the configured columns\n")
    XCTAssertEqual(try files(under: temporary.path), before, "validate writes nothing (no Output folder)")

    let demo = try Regpipe.run(["validate", "Pipelines/demo.yaml"], in: packageRoot)
    XCTAssertEqual(demo.status, 0, demo.stderr)
    XCTAssertEqual(
      demo.stdout, "Pipelines/demo.yaml: valid; 7 sources, 14 input files with the configured columns\n")

    // The template for real extracts points at the demo files, so it validates as shipped.
    let nightly = try Regpipe.run(["validate", "Pipelines/nightly.yaml"], in: packageRoot)
    XCTAssertEqual(nightly.status, 0, nightly.stderr)
    XCTAssertEqual(
      nightly.stdout, "Pipelines/nightly.yaml: valid; 7 sources, 14 input files with the configured columns\n")
  }

  /// A column the pipeline names but the file lacks is a configuration error (exit 2).
  func testValidateNamesFileColumnAndHeadersOfAMissingColumn() throws {
    let pipeline = try pipelineCopy(of: edge, named: "edge.yaml", [("start: DATO", "start: DATUM")])
    let result = try Regpipe.run(["validate", pipeline], in: temporary)
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(result.stdout, "")
    let file = packageRoot.appendingPathComponent("Fixtures/edge").path + "/sel85.csv"
    let line = try XCTUnwrap(
      try String(contentsOfFile: pipeline, encoding: .utf8).components(separatedBy: "\n").firstIndex {
        $0.contains("DATUM")
      })
    XCTAssertEqual(
      result.stderr,
      "regpipe: \(file): column 'DATUM' for start not found; headers found: PNR, DATO; did you mean 'DATO'? "
        + "(mapped at \(pipeline):\(line + 1))\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: temporary.appendingPathComponent("Output").path))

    // run stops the same way, before writing any result.
    let output = folder("out")
    let run = try run(pipeline, output: output, status: 2)
    XCTAssertTrue(run.stderr.contains("column 'DATUM' for start not found; headers found: PNR, DATO"), run.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/edge/tables"))
  }
}
