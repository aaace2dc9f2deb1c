import Foundation
import XCTest

/// The broken sets of issue #16, run as a user would: no silent wrong tables.
final class PlausibilityEndToEndTests: EndToEndCase {
  /// The demo's extracts in a folder of the test's, with a pipeline file beside them.
  private func demoCopy(removing removed: [String] = [], edit: (String) -> String = { $0 }) throws -> String {
    let data = folder("data")
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    for file in try FileManager.default.contentsOfDirectory(atPath: "Fixtures/demo")
    where file.hasSuffix(".gz") && !removed.contains(file) {
      try FileManager.default.copyItem(atPath: "Fixtures/demo/" + file, toPath: data + "/" + file)
    }
    let yaml = try String(contentsOfFile: "Pipelines/demo.yaml", encoding: .utf8)
      .replacingOccurrences(of: "../Fixtures/demo/", with: "")
    try edit(yaml).write(toFile: data + "/p.yaml", atomically: true, encoding: .utf8)
    return data + "/p.yaml"
  }

  func testAMissingYearlyFileIsAWarningAndWithStrictAnError() throws {
    let pipeline = try demoCopy(removing: ["boform110_2019.csv.gz"])
    let warning =
      "warning: stays source 'boform110' has no stay in 2019, inside 2013–2023: is a yearly file missing?\n"
    let output = folder("out")
    let result = try run(pipeline, output: output)
    XCTAssertEqual(result.stderr, warning)
    let quality = try String(contentsOfFile: output + "/demo/quality.json", encoding: .utf8)
    XCTAssertTrue(quality.contains("has no stay in 2019"))

    let strictOutput = folder("strict")
    let strict = try run(pipeline, output: strictOutput, ["--strict"], status: 1)
    XCTAssertTrue(
      strict.stderr.hasSuffix(
        "regpipe: --strict: no tables written, because stays source 'boform110' has no stay "
          + "in 2019, inside 2013–2023: is a yearly file missing?\n"), strict.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: strictOutput + "/demo/tables"))
  }

  func testAWindowOutsideTheDataIsAConfigurationError() throws {
    let pipeline = try demoCopy {
      $0.replacingOccurrences(
        of: "window: {from: 2017-01-01, to: 2023-12-31}", with: "window: {from: 2000-01-01, to: 2002-12-31}")
    }
    let output = folder("out")
    let result = try run(pipeline, output: output, status: 2)
    XCTAssertEqual(
      result.stderr,
      "regpipe: the window 2000-01-01…2002-12-31 holds no night of any stay (the stays run from 2013 to 2023): "
        + "every table would be zeros; check 'window' in the pipeline file\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/demo/tables"))
  }

  func testAStaysSourceWithoutEndIsAConfigurationError() throws {
    let pipeline = try demoCopy { $0.replacingOccurrences(of: ", end: UDDTO, exit_reason", with: ", exit_reason") }
    let result = try Regpipe.run(["validate", pipeline])
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(
      result.stderr.contains("maps no 'end': every stay would be open until the extract date"), result.stderr)
  }

  /// A missing file is a configuration error (exit 2) for `run` and `status` alike, and
  /// the message says where the file was looked for.
  func testAMissingInputNamesWhereItWasLookedFor() throws {
    let pipeline = try demoCopy(removing: ["bef.csv.gz"])
    let data = (pipeline as NSString).deletingLastPathComponent
    let message =
      "regpipe: source 'population': no file matches 'bef.csv.gz' (looked for \(data)/bef.csv.gz: relative patterns "
      + "are resolved from the pipeline file's folder, \(data))\n"
    let status = try Regpipe.run(["status", pipeline, "--output", folder("out")])
    XCTAssertEqual(status.status, 2)
    XCTAssertEqual(status.stderr, message)
    XCTAssertEqual(status.stdout, "")
    let result = try run(pipeline, output: folder("out"), status: 2)
    XCTAssertEqual(result.stderr, message)
  }
}
