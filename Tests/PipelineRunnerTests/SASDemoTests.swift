import Foundation
import PipelineCore
import PipelineRunner
import RegisterIO
import Synth
import XCTest

/// The demo read from SAS datasets gives the CSV demo's tables, byte for byte: the
/// committed SAS copies under `Fixtures/demo-sas/` (made by `sasCopy` from the CSV
/// demo; `REGPIPE_RECORD_SAS_DEMO=1` makes them again) run by `Pipelines/demo-sas.yaml`.
final class SASDemoTests: XCTestCase {
  private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  private var folder = ""

  override func setUpWithError() throws {
    folder = NSTemporaryDirectory() + "regpipe-sas-demo-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  private func run(_ pipeline: String) throws -> String {
    var options = RunOptions()
    options.outputRoot = folder + "/out"
    options.quiet = true
    let runner = PipelineRun(config: try PipelineConfig.load(path: pipeline), options: options)
    try runner.run()
    return runner.paths.tables
  }

  /// The thirteen tables in `tables` equal the CSV demo's expected ones, byte for byte.
  private func assertTheCSVDemoTables(in tables: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let expected = Self.root + "/Fixtures/demo/expected"
    let names = try FileManager.default.contentsOfDirectory(atPath: expected).filter { $0.hasSuffix(".csv") }.sorted()
    XCTAssertEqual(names.count, 13, file: file, line: line)
    for name in names {
      XCTAssertEqual(
        try String(contentsOfFile: tables + "/" + name, encoding: .utf8),
        try String(contentsOfFile: expected + "/" + name, encoding: .utf8), name, file: file, line: line)
    }
  }

  /// The committed copies are what `sasCopy` makes of the CSV demo now (or are made).
  func testTheCommittedSASDemoIsTheCSVDemoCopied() throws {
    let demo = try PipelineConfig.load(path: Self.root + "/Pipelines/demo.yaml")
    let committed = Self.root + "/Fixtures/demo-sas"
    let fresh = ProcessInfo.processInfo.environment["REGPIPE_RECORD_SAS_DEMO"] == "1" ? committed : folder + "/copy"
    try FileManager.default.createDirectory(atPath: fresh, withIntermediateDirectories: true)
    let written = try sasCopy(of: demo, into: fresh)
    XCTAssertEqual(written.count, 14)
    for (path, _) in written {
      let name = (path as NSString).lastPathComponent
      XCTAssertEqual(
        FileManager.default.contents(atPath: path), FileManager.default.contents(atPath: committed + "/" + name),
        "\(name) differs from what sasCopy makes: rerun with REGPIPE_RECORD_SAS_DEMO=1")
    }
  }

  /// Thirteen tables equal to the CSV demo's expected ones, byte for byte.
  func testTheSASDemoGivesTheCSVDemoTables() throws {
    try assertTheCSVDemoTables(in: try run(Self.root + "/Pipelines/demo-sas.yaml"))
  }

  /// The SAS demo with two registers RDC-compressed (`Fixtures/sas-rdc/`, written by
  /// `scripts/make_sas_rdc.py`): still the CSV demo's tables, byte for byte.
  func testRDCCopiesGiveTheCSVDemoTables() throws {
    let copy = folder + "/rdc"
    try FileManager.default.copyItem(atPath: Self.root + "/Fixtures/demo-sas", toPath: copy)
    for name in ["boform110_2023.sas7bdat", "lpr_psyk.sas7bdat"] {
      try FileManager.default.removeItem(atPath: copy + "/" + name)
      try FileManager.default.copyItem(atPath: Self.root + "/Fixtures/sas-rdc/" + name, toPath: copy + "/" + name)
    }
    let pipeline = try String(contentsOfFile: Self.root + "/Pipelines/demo-sas.yaml", encoding: .utf8)
      .replacingOccurrences(of: "../Fixtures/demo-sas/", with: copy + "/")
      .replacingOccurrences(of: "pipeline: demo-sas", with: "pipeline: demo-sas-rdc")
    XCTAssertTrue(pipeline.contains(copy))
    try pipeline.write(toFile: folder + "/demo-sas-rdc.yaml", atomically: true, encoding: .utf8)
    try assertTheCSVDemoTables(in: try run(folder + "/demo-sas-rdc.yaml"))
  }
}
