import Foundation
import TestSupport
import XCTest

/// SPEC 9.1 and 10: published tables, the report, the run records, and everything a
/// command prints never contain a person_id from the inputs, in any form.
final class PrivacyTests: EndToEndCase {
  /// The person ids of a fixture's input files, read from the files themselves.
  struct PersonIDs {
    /// Forms searched as substrings: 10-digit ids, `DDMMYY-SSSS`, raw invalid tokens.
    var substrings: Set<String> = []
    /// Forms compared with whole digit runs: the 9-digit (lost leading zero) form and the
    /// id without any leading zeros, which as substrings would match inside longer numbers.
    var digitRuns: Set<String> = []

    mutating func add(_ raw: String) {
      let trimmed = raw.trimmingCharacters(in: .whitespaces)
      guard trimmed.count >= 6 else { return }
      let normalised = trimmed.filter { $0 != "-" && $0 != " " }
      guard normalised.allSatisfy(\.isNumber), normalised.count == 9 || normalised.count == 10 else {
        substrings.insert(trimmed)  // invalid ids are rejected, and must not be printed either
        return
      }
      let id = normalised.count == 9 ? "0" + normalised : normalised
      substrings.insert(id)
      substrings.insert(String(id.prefix(6)) + "-" + String(id.suffix(4)))
      digitRuns.insert(String(id.dropFirst()))
      let stripped = String(id.drop { $0 == "0" })
      if stripped.count >= 6 { digitRuns.insert(stripped) }
    }

    /// The forms found in `text`. (Set lookups of every window of the text, not one
    /// `contains` per id: the demo has thousands of ids and the report is large.)
    func leaks(in text: String) -> [String] {
      let bytes = Array(text.utf8)
      var found: [String] = []
      for length in Set(substrings.map(\.utf8.count)) where length <= bytes.count {
        let windows = Set((0...(bytes.count - length)).map { bytes[$0..<($0 + length)] })
        found += substrings.filter { $0.utf8.count == length && windows.contains(ArraySlice($0.utf8)) }
      }
      var runs: Set<ArraySlice<UInt8>> = []
      var start: Int?
      for index in 0...bytes.count {
        if index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
          if start == nil { start = index }
        } else if let begin = start {
          runs.insert(bytes[begin..<index])
          start = nil
        }
      }
      found += digitRuns.filter { runs.contains(ArraySlice($0.utf8)) }
      return found.sorted()
    }
  }

  /// The person column of every input file of `folder` (plain or gzip delimited text).
  static func personIDs(inFolder folder: String) throws -> PersonIDs {
    var ids = PersonIDs()
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    for name in names where name.hasSuffix(".csv") || name.hasSuffix(".csv.gz") {
      let rows = parse(try text(of: folder + "/" + name))
      guard let header = rows.first,
        let column = header.firstIndex(where: { ["pnr", "person_id"].contains($0.lowercased()) })
      else { continue }
      for row in rows.dropFirst() where column < row.count { ids.add(row[column]) }
    }
    return ids
  }

  /// A file's bytes, through `gzip -dc` for `.gz`.
  static func text(of path: String) throws -> [UInt8] {
    guard path.hasSuffix(".gz") else { return Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
    return Array(try systemGunzip(path).data)
  }

  /// RFC 4180 rows of bytes (ids are ASCII, so any encoding will do); the delimiter is the
  /// first of `;`, `|`, tab, `,` found in the header line.
  private static func parse(_ bytes: [UInt8]) -> [[String]] {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    let headerLine = body.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
    let delimiter =
      [";", "|", "\t", ","].map { UInt8(ascii: $0) }.first { headerLine.contains($0) } ?? UInt8(ascii: ",")
    let quote = UInt8(ascii: "\"")
    var rows: [[String]] = []
    var row: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var i = 0
    func endField() {
      row.append(String(decoding: field, as: UTF8.self))
      field = []
    }
    while i <= body.count {
      let c = i < body.count ? body[i] : UInt8(ascii: "\n")
      if quoted {
        if c == quote {
          if i + 1 < body.count && body[i + 1] == quote {
            field.append(quote)
            i += 1
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == quote {
        quoted = true
      } else if c == delimiter {
        endField()
      } else if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
        endField()
        if row != [""] { rows.append(row) }
        row = []
      } else {
        field.append(c)
      }
      i += 1
    }
    return rows
  }

  /// Texts to search: every published file, the records, and the commands' output.
  private var printed: [(String, String)] = []

  @discardableResult
  private func record(_ label: String, _ result: CommandResult) -> CommandResult {
    printed.append(("\(label) stdout", result.stdout))
    printed.append(("\(label) stderr", result.stderr))
    return result
  }

  private func published(in folder: String) throws -> [(String, String)] {
    var texts: [(String, String)] = []
    for name in try files(under: folder + "/tables") {
      texts.append(("tables/\(name)", try String(contentsOfFile: folder + "/tables/" + name, encoding: .utf8)))
    }
    for name in ["report.html", "manifest.json", "quality.json", "run.log"] {
      texts.append((name, try String(contentsOfFile: folder + "/" + name, encoding: .utf8)))
    }
    return texts
  }

  private func assertNoLeaks(
    _ ids: PersonIDs, in texts: [(String, String)], file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertFalse(texts.isEmpty, file: file, line: line)
    for (label, text) in texts {
      let leaks = ids.leaks(in: text)
      XCTAssertTrue(leaks.isEmpty, "\(label) contains person ids \(leaks.prefix(5))", file: file, line: line)
    }
  }

  /// The collector itself finds the fixture's ids and the forms they were written in.
  func testCollectorFindsTheEdgeIds() throws {
    let ids = try Self.personIDs(inFolder: packageRoot.appendingPathComponent("Fixtures/edge").path)
    XCTAssertTrue(ids.substrings.contains("0101800001"))
    XCTAssertTrue(ids.substrings.contains("0101800014"), "the 9-digit ' 101800014 ' is repaired")
    XCTAssertTrue(ids.substrings.contains("010180-0014"))
    XCTAssertTrue(ids.substrings.contains("01018X0019"), "invalid ids are searched as written")
    XCTAssertTrue(ids.digitRuns.contains("101800001"))
    XCTAssertEqual(ids.leaks(in: "x 101800001;"), ["101800001"])
    XCTAssertEqual(ids.leaks(in: "x 1101800001 and 1018000012"), [])
    XCTAssertEqual(ids.leaks(in: "<td>010180-0001</td>"), ["010180-0001"])
  }

  func testEdgeOutputsHoldNoPersonIds() throws {
    let ids = try Self.personIDs(inFolder: packageRoot.appendingPathComponent("Fixtures/edge").path)
    XCTAssertGreaterThanOrEqual(
      ids.substrings.count, 2 * 15, "an id and its dashed form for each of 15 persons at least")
    for (pipeline, name) in [
      ("Fixtures/edge/pipeline.yaml", "edge"), ("Fixtures/edge/pipeline-mincell.yaml", "edge-mincell"),
    ] {
      let output = folder("out")
      record("run", try Regpipe.run(["run", pipeline, "--output", output]))
      record("rerun", try Regpipe.run(["run", pipeline, "--output", output, "--force", "--jobs", "1"]))
      record("status", try Regpipe.run(["status", pipeline, "--output", output]))
      record("validate", try Regpipe.run(["validate", pipeline]))
      record("diff", try Regpipe.run(["diff", "Fixtures/edge/expected", "\(output)/\(name)/tables"]))
      for artefact in [
        "load/stays.csv.gz", "load/persons.csv.gz", "load/events.csv.gz", "dedup/stays.csv.gz",
        "dedup/persons.csv.gz", "classify/typology.csv.gz", "classify/episodes.csv.gz", "rejects/boform_a.csv.gz",
        "rejects/boform_b.csv.gz", "rejects/psychiatry.csv.gz", "load/sources.json", "dedup/quality.json",
        "classify/figures.json", "repeat_use/figures.json", "welfare_use/figures.json", "publish/stamp.json",
        "input-digests.json",
      ] {
        record(
          "inspect \(artefact)", try Regpipe.run(["inspect", "\(output)/\(name)/work/\(artefact)", "--rows", "100"]))
      }
      assertNoLeaks(ids, in: try published(in: "\(output)/\(name)"))
      // Control: the rejects file in the working area keeps rows whole, ids included, and
      // the search finds them there.
      let rejects = String(
        decoding: try Self.text(of: "\(output)/\(name)/work/rejects/boform_b.csv.gz"), as: UTF8.self)
      XCTAssertFalse(ids.leaks(in: rejects).isEmpty, rejects)
    }
    // Errors: a source over its reject share, a missing column.
    let strict = try pipelineCopy(
      of: "Fixtures/edge/pipeline.yaml", named: "strict.yaml", [("max_reject_share: 0.2", "max_reject_share: 0.01")])
    let failed = record("strict run", try Regpipe.run(["run", strict, "--output", folder("strict")]))
    XCTAssertEqual(failed.status, 1, failed.stderr)
    let column = try pipelineCopy(
      of: "Fixtures/edge/pipeline.yaml", named: "column.yaml",
      [("person_id: PNR, start: DATO", "person_id: CPR, start: DATO")])
    XCTAssertEqual(record("column run", try Regpipe.run(["run", column, "--output", folder("column")])).status, 2)
    assertNoLeaks(ids, in: printed)
  }

  func testDemoOutputsHoldNoPersonIds() throws {
    let ids = try Self.personIDs(inFolder: packageRoot.appendingPathComponent("Fixtures/demo").path)
    XCTAssertGreaterThanOrEqual(ids.substrings.count, 600)
    let output = folder("out")
    XCTAssertEqual(record("run", try Regpipe.run(["run", "Pipelines/demo.yaml", "--output", output])).status, 0)
    record("status", try Regpipe.run(["status", "Pipelines/demo.yaml", "--output", output]))
    record("diff", try Regpipe.run(["diff", "Fixtures/demo/expected", "\(output)/demo/tables"]))
    for artefact in ["dedup/stays.csv.gz", "dedup/persons.csv.gz", "rejects/boform110.csv.gz"] {
      record("inspect \(artefact)", try Regpipe.run(["inspect", "\(output)/demo/work/\(artefact)"]))
    }
    assertNoLeaks(ids, in: try published(in: "\(output)/demo") + printed)
  }
}
