import Foundation
import LoadStage
import PipelineCore
import RegisterIO
import RegisterModel
import XCTest

/// A temporary folder holding a pipeline's input files, its rejects folder and the
/// pipeline text built from one-line source entries; removed when the test ends.
final class Workspace {
  let directory: String
  var rejectsFolder: String { directory + "/work/rejects" }

  init() throws {
    directory = NSTemporaryDirectory() + "regpipe-load-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  /// The full path of the input file `name`.
  func path(_ name: String) -> String { directory + "/" + name }

  /// Writes `bytes` to `name` (gzip-compressed when the name ends in `.gz`).
  @discardableResult
  func write(bytes: [UInt8], to name: String) throws -> String {
    let path = path(name)
    if name.hasSuffix(".gz") {
      let writer = try GzipWriter(path: path)
      try writer.write(bytes)
      try writer.finish()
    } else {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
    return path
  }

  @discardableResult
  func write(_ text: String, to name: String) throws -> String {
    try write(bytes: Array(text.utf8), to: name)
  }

  /// A pipeline over `sources` (one YAML flow mapping each) with a 2019–2020 window,
  /// censor date 2021-12-31 and `parameters` (flow-mapping entries).
  func config(_ sources: [String], parameters: [String] = ["max_reject_share: 1"]) throws -> PipelineConfig {
    let yaml = """
      pipeline: loadtest
      window: {from: 2019-01-01, to: 2020-12-31}
      censor_date: 2021-12-31
      sources:
      \(sources.map { "  - " + $0 }.joined(separator: "\n"))
      parameters: {\(parameters.joined(separator: ", "))}

      """
    return try PipelineConfig.parse(yaml: yaml, path: directory + "/pipeline.yaml", directory: directory)
  }

  func load(_ config: PipelineConfig, jobs: Int = 1, segmenting: Segmenting = Segmenting()) throws -> LoadOutput {
    let files = try config.sources.map { source in
      try source.resolveFiles(relativeTo: config.directory).map { InputFile(path: $0, name: $0) }
    }
    return try LoadStage.load(
      parameters: LoadParameters(config), files: files, rejectsFolder: rejectsFolder, jobs: jobs,
      segmenting: segmenting)
  }

  func load(_ sources: [String], parameters: [String] = ["max_reject_share: 1"], jobs: Int = 1) throws -> LoadOutput {
    try load(config(sources, parameters: parameters), jobs: jobs)
  }

  /// The rejects file of `source` read back: its header and its rows, each as fields.
  func rejects(_ source: String) throws -> (header: [String], rows: [[String]]) {
    let reader = try DelimitedReader(
      path: rejectsFolder + "/" + source + ".csv.gz", delimiter: .byte(UInt8(ascii: ",")), encoding: .utf8)
    var rows: [[String]] = []
    while try reader.next() { rows.append((0..<reader.fieldCount).map(reader.string)) }
    return (reader.header, rows)
  }

  /// The error `body` throws, as its message; fails the test when it throws none.
  func message(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) -> String {
    do {
      try body()
      XCTFail("expected an error", file: file, line: line)
      return ""
    } catch {
      return "\(error)"
    }
  }
}

/// A day from ISO text.
func day(_ iso: String) -> Day { Day(iso: iso)! }

/// The censor date of `Workspace.config`.
let censor = day("2021-12-31")

/// Asserts that `message` names none of `ids` (SPEC 3: errors never print a person_id).
func assertNoPersonID(
  _ message: String, _ ids: [String], file: StaticString = #filePath, line: UInt = #line
) {
  for id in ids where message.contains(id) {
    XCTFail("message holds person id \(id): \(message)", file: file, line: line)
  }
}

extension SourceReport {
  /// Rows kept: accepted and not filtered.
  var keptTotal: Int { accepted - filtered.values.reduce(0, +) }
}

extension Stay {
  /// A stay as load makes it, for comparisons.
  static func loaded(
    _ person: PersonKey, _ institution: String, _ start: String, _ end: String?, extract: Day = censor,
    exitReason: String? = nil, municipality: String? = nil, order: Int
  ) -> Stay {
    Stay(
      person: person, institution: institution, start: day(start), end: end.map(day), extractDate: extract,
      exitReason: exitReason, municipality: municipality, order: order)
  }
}
