import Foundation
import XCTest

/// Accounting (SPEC 3, 10) and privacy on whole pipelines: the demo, and synthetic
/// registers with defects (duplicates, 9-digit ids, malformed rows, CRLF) at several
/// seeds. For every source: rows read = accepted + rejected, the rejects file holds
/// exactly the rejected rows (each one the input's line at the line it names, reasons
/// counted as in quality.json), and rows read is the number of non-blank data lines.
/// Runs that fail (a reject share over the limit) print no person id either.
final class ReliabilityAccountingTests: XCTestCase {
  struct Source {
    var name: String
    /// The paths to open.
    var files: [String]
    /// The names the manifest and the rejects give them (relative to the pipeline's folder).
    var names: [String]
  }

  /// Sources and their files as the run's manifest lists them.
  /// The manifest names inputs relative to the pipeline file's folder (SPEC 10 records them
  /// as the pipeline writes them); `pipelineFolder` turns those names back into paths.
  static func sources(_ output: String, pipelineFolder: String? = nil) throws -> [Source] {
    let manifest =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: output + "/manifest.json"))) as! [String: Any]
    var result: [Source] = []
    for input in manifest["inputs"] as! [[String: Any]] {
      let name = input["source"] as! String
      if result.last?.name != name { result.append(Source(name: name, files: [], names: [])) }
      let path = input["path"] as! String
      result[result.count - 1].names.append(path)
      result[result.count - 1].files.append(
        path.hasPrefix("/") ? path : pipelineFolder.map { $0 + "/" + path } ?? path)
    }
    return result
  }

  /// The data lines of an input file (after the header, blank lines dropped, CR removed).
  static func dataLines(_ path: String) throws -> [String] {
    Array(ReliabilityHarness.lines(try ReliabilityHarness.text(of: path)).dropFirst())
  }

  func checkAccounting(
    _ output: String, pipelineFolder: String? = nil, file: StaticString = #filePath, line: UInt = #line
  ) throws -> (read: Int, rejected: Int) {
    let quality =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: output + "/quality.json"))) as! [String: Any]
    var totals = (read: 0, rejected: 0)
    let reports = Dictionary(
      uniqueKeysWithValues: (quality["sources"] as! [[String: Any]]).map { ($0["name"] as! String, $0) })
    for source in try Self.sources(output, pipelineFolder: pipelineFolder) {
      let report = try XCTUnwrap(reports[source.name], file: file, line: line)
      let read = report["rows_read"] as! Int
      let accepted = report["accepted"] as! Int
      let rejected = report["rejected"] as! Int
      XCTAssertEqual(read, accepted + rejected, "\(source.name): read = accepted + rejected", file: file, line: line)
      var lines = 0
      var inputs: [String: [String]] = [:]
      for (path, name) in zip(source.files, source.names) {
        inputs[name] = try Self.dataLines(path)
        lines += inputs[name]!.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
      }
      XCTAssertEqual(read, lines, "\(source.name): rows read vs non-blank data lines", file: file, line: line)
      let rows = ReliabilityCSV.rows(try ReliabilityHarness.text(of: output + "/work/rejects/\(source.name).csv.gz"))
        .dropFirst()
      XCTAssertEqual(rows.count, rejected, "\(source.name): rejects file rows", file: file, line: line)
      var reasons: [String: Int] = [:]
      var seen: Set<String> = []
      for row in rows {
        guard row.count == 6, let number = Int(row[1]), let input = inputs[row[0]], number >= 2,
          number - 2 < input.count
        else {
          XCTFail("\(source.name): a rejects row that names no input line: \(row.prefix(3))", file: file, line: line)
          continue
        }
        XCTAssertTrue(
          seen.insert("\(row[0]):\(number)").inserted, "\(source.name): line \(number) rejected twice", file: file,
          line: line)
        reasons[row[2], default: 0] += 1
        // The row as read: the input line's fields (RFC 4180, unquoted ones trimmed) joined.
        let fields = ReliabilityCSV.rows(input[number - 2], delimiter: ";", trim: true).first ?? []
        XCTAssertEqual(
          fields.joined(separator: ";"), row[5], "\(source.name): rejects row \(row[0]):\(number)", file: file,
          line: line)
      }
      XCTAssertEqual(
        report["rejected_by_reason"] as? [String: Int], reasons, "\(source.name): reasons", file: file, line: line)
      totals.read += read
      totals.rejected += rejected
    }
    return totals
  }

  /// The person ids of every input file (first field of every data line of each file
  /// the run read: all ids here sit in the first column).
  static func personIDs(_ output: String, pipelineFolder: String? = nil) throws -> Set<String> {
    var ids: Set<String> = []
    for source in try sources(output, pipelineFolder: pipelineFolder) {
      for path in source.files {
        for line in try dataLines(path) {
          let field = line.split(whereSeparator: { $0 == ";" || $0 == "," }).first.map(String.init) ?? ""
          let digits = field.filter(\.isNumber)
          if digits.count == 10 { ids.insert(digits) }
          if digits.count == 9 { ids.insert("0" + digits) }
        }
      }
    }
    return ids
  }

  func checkPrivacy(
    _ output: String, _ results: [ReliabilityHarness.Result], ids: Set<String>, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    XCTAssertGreaterThan(ids.count, 100, file: file, line: line)
    var texts: [String: String] = [:]
    for (index, result) in results.enumerated() {
      texts["stdout of run \(index)"] = result.stdout
      texts["stderr of run \(index)"] = result.stderr
    }
    for (name, data) in ReliabilityHarness.snapshot(output) where !name.hasPrefix("work/") {
      texts[name] = String(decoding: data, as: UTF8.self)
    }
    for (name, text) in texts {
      XCTAssertEqual(ReliabilityHarness.leakedIDs(ids, in: text), [], "person ids in \(name)", file: file, line: line)
    }
  }

  func testDemoAccountsForEveryRowAndLeaksNoID() throws {
    let folder = try ReliabilityHarness.temporaryFolder(self, "accounting")
    let pipeline = try ReliabilityCrashTests.pipeline(minCell: 5)
    try pipeline.write(toFile: folder + "/demo.yaml", atomically: true, encoding: .utf8)
    let run = try ReliabilityHarness.run(["run", folder + "/demo.yaml", "--output", folder], in: folder)
    XCTAssertEqual(run.status, 0, run.stderr)
    let totals = try checkAccounting(folder + "/demo")
    XCTAssertGreaterThan(totals.rejected, 0, "the demo has defects")
    let ids = try Self.personIDs(folder + "/demo")

    // A failing run over the same data (every reject now too many) prints no id either,
    // nor do status, validate and inspect.
    try pipeline.replacingOccurrences(of: "max_reject_share: 0.01", with: "max_reject_share: 0")
      .write(toFile: folder + "/strict.yaml", atomically: true, encoding: .utf8)
    let failed = try ReliabilityHarness.run(
      ["run", folder + "/strict.yaml", "--output", folder, "--force"], in: folder)
    XCTAssertEqual(failed.status, 1)
    XCTAssertTrue(failed.stderr.contains("more than max_reject_share 0.0%"), failed.stderr)
    let others = try [
      ["status", folder + "/demo.yaml", "--output", folder], ["validate", folder + "/demo.yaml"],
      ["inspect", folder + "/demo/work/dedup/stays.csv.gz", "--rows", "50"],
      ["inspect", folder + "/demo/work/rejects/boform110.csv.gz", "--rows", "50"],
    ].map { try ReliabilityHarness.run($0, in: folder) }
    checkPrivacy(folder + "/demo", [run, failed] + others, ids: ids)
  }

  func testSyntheticRegistersWithDefectsAccountForEveryRow() throws {
    let folder = try ReliabilityHarness.temporaryFolder(self, "synth")
    var rows = 0
    var rejected = 0
    for seed in [3, 11, 29] {
      let data = folder + "/synth\(seed)"
      let made = try ReliabilityHarness.run(
        [
          "synth", "--out", data, "--persons", "300", "--from", "2016", "--to", "2023", "--seed", "\(seed)",
          "--defects", "0.05", "-q",
        ], in: folder)
      XCTAssertEqual(made.status, 0, made.stderr)
      // Defects at 5 % reject more than the default 1 %: allow them, to see them counted.
      let text = try String(contentsOfFile: data + "/pipeline.yaml", encoding: .utf8)
        .replacingOccurrences(of: "max_reject_share: 0.01", with: "max_reject_share: 0.5")
      try text.write(toFile: data + "/pipeline.yaml", atomically: true, encoding: .utf8)
      let run = try ReliabilityHarness.run(["run", data + "/pipeline.yaml", "--output", data + "/out"], in: folder)
      XCTAssertEqual(run.status, 0, run.stderr)
      let output = try FileManager.default.contentsOfDirectory(atPath: data + "/out").first { !$0.hasPrefix(".") }!
      let totals = try checkAccounting(data + "/out/" + output, pipelineFolder: data)
      rows += totals.read
      rejected += totals.rejected
      checkPrivacy(
        data + "/out/" + output, [run], ids: try Self.personIDs(data + "/out/" + output, pipelineFolder: data))
    }
    XCTAssertGreaterThan(rejected, 0)
    print(
      "accounting: \(rows) rows read over three synthetic extracts, \(rejected) rejected, every one in a rejects file")
  }
}
