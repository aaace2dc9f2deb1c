import Foundation
import XCTest

/// Stage stamps know the code only by its program version, so a change that alters
/// results without a new version leaves analysts with stale stage results that look up
/// to date. This test keeps the published outputs (tables and report, by SHA-256 from the
/// manifest) of the edge and demo fixtures with the version that made them, in
/// `Fixtures/result-fingerprints.json`, and fails when they change under the same
/// version. Re-record with `REGPIPE_RECORD_FINGERPRINTS=1 swift test --filter ProgramVersionTests`
/// after bumping `ProgramVersion.current`.
final class ProgramVersionTests: EndToEndCase {
  private static let fingerprints = packageRoot.appendingPathComponent("Fixtures/result-fingerprints.json")
  private static let pipelines = [("edge", "Fixtures/edge/pipeline.yaml"), ("demo", "Pipelines/demo.yaml")]

  func testResultsChangeOnlyWithANewProgramVersion() throws {
    let output = folder("out")
    var version = ""
    var current: [String: [String: String]] = [:]
    for (name, pipeline) in Self.pipelines {
      _ = try run(pipeline, output: output)
      let manifest = try XCTUnwrap(
        JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(output)/\(name)/manifest.json")))
          as? [String: Any])
      version = try XCTUnwrap(manifest["program_version"] as? String)
      let outputs = try XCTUnwrap(manifest["outputs"] as? [[String: Any]])
      current[name] = Dictionary(uniqueKeysWithValues: outputs.map { ($0["path"] as! String, $0["sha256"] as! String) })
      XCTAssertTrue(current[name]?.keys.contains("report.html") ?? false)
    }

    if ProcessInfo.processInfo.environment["REGPIPE_RECORD_FINGERPRINTS"] == "1" {
      var record: [String: Any] = ["program_version": version]
      for (name, files) in current { record[name] = files }
      let data = try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys])
      try (String(decoding: data, as: UTF8.self) + "\n").write(to: Self.fingerprints, atomically: true, encoding: .utf8)
      return
    }

    let recorded = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: Self.fingerprints)) as? [String: Any])
    let recordedVersion = try XCTUnwrap(recorded["program_version"] as? String)
    guard recordedVersion == version else {
      return XCTFail(
        "ProgramVersion is \(version), the fingerprints were recorded with \(recordedVersion): re-record them "
          + "(REGPIPE_RECORD_FINGERPRINTS=1 swift test --filter ProgramVersionTests)")
    }
    for (name, _) in Self.pipelines {
      let before = try XCTUnwrap(recorded[name] as? [String: String], name)
      let changed = Set(before.keys).union(current[name]!.keys).sorted().filter { before[$0] != current[name]![$0] }
      XCTAssertEqual(
        changed, [],
        "the \(name) fixture's published results changed under program version \(version): bump "
          + "ProgramVersion.current (Sources/PipelineRunner/ProgramVersion.swift), or stamps keep stale stage "
          + "results, then re-record (REGPIPE_RECORD_FINGERPRINTS=1 swift test --filter ProgramVersionTests)")
    }
  }
}
