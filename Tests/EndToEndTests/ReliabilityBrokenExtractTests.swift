import Foundation
import XCTest

/// The broken-extract corpus (`Fixtures/broken/`): each file, run through the binary on a
/// one-source pipeline, gives its exit code and message, and leaves `tables/` as it was
/// (absent on a first run; byte for byte the previous set after a good run). Every run
/// is also checked for accounting (rows read = accepted + rejected, the rejects file
/// holds exactly the rejected rows) and privacy (no person id in anything it printed or
/// published).
final class ReliabilityBrokenExtractTests: XCTestCase {
  static let broken = packageRoot.appendingPathComponent("Fixtures/broken").path

  static func pipeline(files: [String], maxRejectShare: Double = 0.01, encoding: String = "utf8") -> String {
    """
    pipeline: broken
    window: {from: 2019-01-01, to: 2021-12-31}
    censor_date: 2021-12-31
    sources:
      - name: stays
        kind: stays
        files: [\(files.map { "\"\($0)\"" }.joined(separator: ", "))]
        delimiter: ";"
        encoding: \(encoding)
        date_format: sas
        columns: {person_id: PNR, institution_id: BOFORM, start: INDDTO, end: UDDTO}
    parameters:
      id_format: cpr
      max_reject_share: \(maxRejectShare)
    publish:
      min_cell: 1
      formats: [csv]

    """
  }

  /// Every id-like token of the corpus's files (valid, 9-digit and malformed forms).
  static let personIDs: Set<String> = {
    var ids: Set<String> = []
    let names = (try? FileManager.default.subpathsOfDirectory(atPath: broken)) ?? []
    for name in names where name.hasSuffix(".csv") || name == "stays_good.csv.gz" {
      guard let text = try? ReliabilityHarness.text(of: broken + "/" + name) else { continue }
      for line in ReliabilityHarness.lines(text).dropFirst() {
        let id = String(line.split(separator: ";", omittingEmptySubsequences: false).first ?? "")
        if id.count >= 9 { ids.insert(id.trimmingCharacters(in: .whitespaces)) }
      }
    }
    return ids
  }()

  struct Outcome {
    var status: Int32
    var message: String
  }

  /// Runs `files` into a fresh output root, then again over a root that already holds a
  /// good run's tables; checks tables, accounting and privacy both times.
  @discardableResult
  func check(
    _ files: [String], maxRejectShare: Double = 0.01, status: Int32, message: String? = nil,
    messagePrefix: String? = nil, file: StaticString = #filePath, line: UInt = #line
  ) throws -> Outcome {
    let folder = try ReliabilityHarness.temporaryFolder(self, "broken")
    let paths = files.map { Self.broken + "/" + $0 }
    let pipelinePath = folder + "/broken.yaml"
    try Self.pipeline(files: paths, maxRejectShare: maxRejectShare).write(
      toFile: pipelinePath, atomically: true, encoding: .utf8)

    // 1. A first run: tables/ is created only on success.
    let first = try ReliabilityHarness.run(["run", pipelinePath, "--output", folder + "/fresh", "-q"], in: folder)
    XCTAssertEqual(first.status, status, "exit code; stderr: \(first.stderr)", file: file, line: line)
    let text = first.stderr.trimmingCharacters(in: .newlines)
    if let message { XCTAssertEqual(text, "regpipe: " + message, file: file, line: line) }
    if let messagePrefix { XCTAssertTrue(text.hasPrefix("regpipe: " + messagePrefix), text, file: file, line: line) }
    XCTAssertEqual(
      ReliabilityHarness.exists(folder + "/fresh/broken/tables"), status == 0, "tables/ created", file: file, line: line
    )
    try checkPrivacy(folder + "/fresh/broken", first, file: file, line: line)
    if ReliabilityHarness.exists(folder + "/fresh/broken/work/rejects/stays.csv.gz") {
      try checkAccounting(folder + "/fresh/broken", paths: paths, complete: status == 0, file: file, line: line)
    }

    // 2. Over a good run's results: a failing run leaves them as they were.
    let goodPipeline = folder + "/good.yaml"
    try Self.pipeline(files: [Self.broken + "/stays_good.csv.gz"]).write(
      toFile: goodPipeline, atomically: true, encoding: .utf8)
    let good = try ReliabilityHarness.run(["run", goodPipeline, "--output", folder + "/kept", "-q"], in: folder)
    XCTAssertEqual(good.status, 0, good.stderr, file: file, line: line)
    let before = ReliabilityHarness.snapshot(folder + "/kept/broken/tables")
    let records = ["manifest.json", "quality.json", "report.html"].map {
      FileManager.default.contents(atPath: folder + "/kept/broken/" + $0)
    }
    XCTAssertFalse(before.isEmpty, file: file, line: line)
    let second = try ReliabilityHarness.run(["run", pipelinePath, "--output", folder + "/kept", "-q"], in: folder)
    XCTAssertEqual(second.status, status, second.stderr, file: file, line: line)
    if status != 0 {
      XCTAssertEqual(
        ReliabilityHarness.snapshot(folder + "/kept/broken/tables"), before, "tables changed by a failed run",
        file: file, line: line)
      XCTAssertEqual(
        ["manifest.json", "quality.json", "report.html"].map {
          FileManager.default.contents(atPath: folder + "/kept/broken/" + $0)
        },
        records, "run records changed by a failed run", file: file, line: line)
    }
    try checkPrivacy(folder + "/kept/broken", second, file: file, line: line)
    return Outcome(status: first.status, message: text)
  }

  /// No person id in what the run printed, logged or published (work/ is person-level).
  func checkPrivacy(_ output: String, _ result: ReliabilityHarness.Result, file: StaticString, line: UInt) throws {
    var texts = ["stdout": result.stdout, "stderr": result.stderr]
    for (name, data) in ReliabilityHarness.snapshot(output) where !name.hasPrefix("work/") {
      texts[name] = String(decoding: data, as: UTF8.self)
    }
    for (name, text) in texts {
      let leaks =
        ReliabilityHarness.leakedIDs(Self.personIDs, in: text)
        + Self.personIDs.filter { !$0.allSatisfy(\.isNumber) && text.contains($0) }
      XCTAssertEqual(leaks, [], "person ids in \(name)", file: file, line: line)
    }
  }

  /// quality.json: rows read = accepted + rejected, by reason as in the rejects file,
  /// whose rows are exactly the rejected lines of the input.
  func checkAccounting(_ output: String, paths: [String], complete: Bool, file: StaticString, line: UInt) throws {
    let rejects = try ReliabilityHarness.text(of: output + "/work/rejects/stays.csv.gz")
    var rejected: [String: Int] = [:]
    for row in ReliabilityCSV.rows(rejects).dropFirst() {
      guard row.count == 6, let number = Int(row[1]) else {
        XCTFail("malformed rejects row \(row.count) fields", file: file, line: line)
        continue
      }
      rejected[row[2], default: 0] += 1
      // The row as written is the input's line (the corpus has no quoted line breaks).
      let input = ReliabilityHarness.lines(try ReliabilityHarness.text(of: row[0]))
      XCTAssertEqual(
        input[number - 1], row[5],
        "rejects row \(row[0]):\(number)", file: file, line: line)
    }
    guard complete else { return }
    let quality =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/quality.json")))
      as! [String: Any]
    let source = (quality["sources"] as! [[String: Any]])[0]
    let read = source["rows_read"] as! Int
    let accepted = source["accepted"] as! Int
    let total = source["rejected"] as! Int
    XCTAssertEqual(read, accepted + total, "read = accepted + rejected", file: file, line: line)
    XCTAssertEqual(
      source["rejected_by_reason"] as? [String: Int], rejected, "reasons vs rejects file", file: file, line: line)
    // Rows read are the non-blank lines after each header.
    var lines = 0
    for path in paths {
      lines +=
        ReliabilityHarness.lines(try ReliabilityHarness.text(of: path)).dropFirst()
        .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
    }
    XCTAssertEqual(read, lines, "rows read vs lines in the files", file: file, line: line)
  }

  // MARK: - The corpus

  func testZeroByteFile() throws {
    try check(
      ["empty.csv"], status: 1, message: "\(Self.broken)/empty.csv: the file is empty; a header line was expected")
  }

  /// No stay at all: every table would be zeros, so the run stops (SPEC 3) — exit 2,
  /// since the fix (another file or window) is the pipeline file's.
  func testHeaderOnlyStopsBeforeWritingTables() throws {
    try check(
      ["header_only.csv"], status: 2,
      message: "the window 2019-01-01…2021-12-31 holds no night of any stay (there are no stays): every table would "
        + "be zeros; check 'window' in the pipeline file")
  }

  func testTruncatedGzip() throws {
    for (name, size) in [("truncated_10.csv.gz", 286), ("truncated_50.csv.gz", 1433), ("truncated_99.csv.gz", 2837)] {
      try check(
        [name], status: 1,
        message:
          "\(Self.broken)/\(name): truncated gzip stream: the file ends at byte offset \(size) inside a compressed member"
      )
    }
  }

  func testFlippedBits() throws {
    try check(
      ["flipped_deflate.csv.gz"], status: 1,
      messagePrefix: "\(Self.broken)/flipped_deflate.csv.gz: corrupt gzip stream at byte offset ")
    try check(
      ["flipped_crc.csv.gz"], status: 1,
      message: "\(Self.broken)/flipped_crc.csv.gz: corrupt gzip stream at byte offset 2866 (incorrect data check)")
  }

  func testGoodFileRuns() throws {
    XCTAssertGreaterThan(Self.personIDs.count, 300, "the privacy checks need the corpus's ids")
    try check(["stays_good.csv.gz"], status: 0)
  }

  func testRowsRejectedByReason() throws {
    // (file, rejected rows by reason) — with max_reject_share 0.5 the run completes; with
    // the default 0.01 it stops naming the source and the rejects file.
    let cases: [(String, [String: Int], String)] = [
      ("nul_bytes.csv", ["invalid person_id": 1, "unparsable start": 1], "2 of 6 rows rejected (33.3%)"),
      ("mixed_delimiters.csv", ["wrong number of fields": 2], "2 of 6 rows rejected (33.3%)"),
      ("impossible_dates.csv", ["unparsable start": 1, "unparsable end": 1], "2 of 6 rows rejected (33.3%)"),
      ("end_before_start.csv", ["end before start": 1], "1 of 4 rows rejected (25.0%)"),
      ("cpr_letters.csv", ["invalid person_id": 2], "2 of 5 rows rejected (40.0%)"),
    ]
    for (name, reasons, share) in cases {
      try check([name], maxRejectShare: 0.5, status: 0)
      let folder = try ReliabilityHarness.temporaryFolder(self, "rejects")
      try Self.pipeline(files: [Self.broken + "/" + name], maxRejectShare: 0.5)
        .write(toFile: folder + "/p.yaml", atomically: true, encoding: .utf8)
      _ = try ReliabilityHarness.run(["run", folder + "/p.yaml", "--output", folder, "-q"], in: folder)
      let quality =
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/broken/quality.json")))
        as! [String: Any]
      XCTAssertEqual((quality["sources"] as! [[String: Any]])[0]["rejected_by_reason"] as? [String: Int], reasons, name)

      let outcome = try check([name], status: 1)
      XCTAssertTrue(
        outcome.message.hasPrefix(
          "regpipe: source stays: \(share), more than max_reject_share 1.0%; the rejected rows and their reasons are in "
        ), outcome.message)
      XCTAssertTrue(outcome.message.hasSuffix("/broken/work/rejects/stays.csv.gz"), outcome.message)
    }
  }

  func testLatin1DeclaredUTF8NamesFileLineAndHint() throws {
    try check(
      ["latin1_as_utf8.csv"], status: 1,
      message:
        "\(Self.broken)/latin1_as_utf8.csv:3: invalid UTF-8; if the file is Latin-1 (Windows-1252), set encoding: latin1 for this source"
    )
  }

  func testDuplicatedHeaderNameIsAnErrorNamingTheColumn() throws {
    try check(
      ["duplicate_header.csv"], status: 1,
      message:
        "\(Self.broken)/duplicate_header.csv: column 'PNR' for person_id appears 2 times in the header (fields 1, 5); rename or remove the duplicates"
    )
  }

  func testColumnMissingInOneYearlyFileNamesThatFile() throws {
    try check(
      ["yearly/stays_*.csv"], status: 2,
      messagePrefix:
        "\(Self.broken)/yearly/stays_2020.csv: column 'UDDTO' for end not found; headers found: PNR, BOFORM, "
        + "INDDTO (mapped at ")
  }

  /// 50 MB without a line break: the reader's buffer is bounded (64 MiB records), the row
  /// is rejected for its field count, and the run stops on the reject share — in seconds,
  /// and in bounded memory.
  func testFiftyMegabyteLineFailsCleanlyInBoundedMemory() throws {
    let folder = try ReliabilityHarness.temporaryFolder(self, "long")
    var data = Data("PNR;BOFORM;INDDTO;UDDTO\n0101801001;101;01MAR2019;05MAR2019\n".utf8)
    data.append(Data(repeating: UInt8(ascii: "x"), count: 50 << 20))
    try data.write(to: URL(fileURLWithPath: folder + "/long.csv"))
    try Self.pipeline(files: [folder + "/long.csv"]).write(
      toFile: folder + "/p.yaml", atomically: true, encoding: .utf8)
    let result = try ReliabilityHarness.run(
      ["run", folder + "/p.yaml", "--output", folder + "/out", "-q"], in: folder, timeout: 90)
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stderr.hasPrefix("regpipe: source stays: 1 of 2 rows rejected (50.0%)"), result.stderr)
    XCTAssertFalse(ReliabilityHarness.exists(folder + "/out/broken/tables"))
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    // Peak resident memory of the largest child so far (kB): the 50 MB line fits in the
    // 64 MiB record buffer once, plus its rejected copy.
    XCTAssertLessThan(usage.ru_maxrss, 400_000, "peak RSS \(usage.ru_maxrss) kB")
    XCTAssertLessThan(result.seconds, 60)

    // Past the 64 MiB limit the reader stops with the file and line.
    data.append(Data(repeating: UInt8(ascii: "x"), count: 15 << 20))
    try data.write(to: URL(fileURLWithPath: folder + "/long.csv"))
    let over = try ReliabilityHarness.run(
      ["run", folder + "/p.yaml", "--output", folder + "/out2", "-q"], in: folder, timeout: 90)
    XCTAssertEqual(over.status, 1)
    XCTAssertEqual(
      over.stderr, "regpipe: \(folder)/long.csv:3: a record is longer than 64 MiB; is a quote not closed?\n")
    XCTAssertFalse(ReliabilityHarness.exists(folder + "/out2/broken/tables"))
  }
}

/// A small RFC 4180 reader for the rejects file (quoted fields, doubled quotes).
enum ReliabilityCSV {
  static func rows(_ text: String, delimiter: Unicode.Scalar = ",", trim: Bool = false) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var wasQuoted = false
    func finish() {
      row.append(trim && !wasQuoted ? field.trimmingCharacters(in: CharacterSet(charactersIn: " \t")) : field)
      field = ""
      wasQuoted = false
    }
    var chars = Array(text.unicodeScalars)
    if chars.last != "\n" { chars.append("\n") }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count, chars[i + 1] == "\"" {
            field.unicodeScalars.append("\"")
            i += 1
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" && field.trimmingCharacters(in: CharacterSet(charactersIn: " \t")).isEmpty {
        quoted = true
        wasQuoted = true
        field = ""
      } else if c == delimiter {
        finish()
      } else if c == "\n" {
        finish()
        rows.append(row)
        row = []
      } else if c != "\r" {
        field.unicodeScalars.append(c)
      }
      i += 1
    }
    return rows
  }
}
