import Foundation
import XCTest

@testable import Synth

/// `stayScale` (benchmark-only): more stay rows, still deterministic, counts still exact.
final class SynthStayScaleTests: XCTestCase {
  private var folders: [String] = []

  override func tearDown() {
    for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    folders = []
  }

  private func options(scale: Int, defects: Double) -> SynthOptions {
    // One folder name under different parents: the pipeline is named after the folder.
    let parent = NSTemporaryDirectory() + "synth-stayscale-\(getpid())-\(folders.count)"
    folders.append(parent)
    let folder = parent + "/set"
    return SynthOptions(
      out: folder, persons: 400, fromYear: 2016, toYear: 2022, seed: 7, population: 1200, defectRate: defects,
      stayScale: scale)
  }

  private func bytes(_ folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      result[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
    }
    return result
  }

  private static let stayFiles = (2016...2022).map { "boform110_\($0).csv.gz" }

  func testScaledStaysAreDeterministicAndCountedExactly() throws {
    let plain = options(scale: 1, defects: 0.05)
    let scaled = options(scale: 3, defects: 0.05)
    let again = options(scale: 3, defects: 0.05)
    let one = try synthesize(plain)
    let three = try synthesize(scaled)
    XCTAssertEqual(try synthesize(again), three)

    // Same seed, same bytes; only the stay files (and the counts, the pipeline file's
    // comment) change with the scale: the persons and their services are the same.
    let a = try bytes(scaled.out)
    XCTAssertEqual(a, try bytes(again.out))
    let p = try bytes(plain.out)
    for name in a.keys where !Self.stayFiles.contains(name) && name != "synth_counts.json" && name != "pipeline.yaml" {
      XCTAssertEqual(a[name], p[name], name)
    }
    XCTAssertTrue(String(decoding: a["pipeline.yaml"]!, as: UTF8.self).contains("stay scale 3"))

    // Each stay as 3 pieces (a stay with no room for the gaps stays whole: rare).
    XCTAssertEqual(three.users, one.users)
    XCTAssertLessThanOrEqual(three.stays, 3 * one.stays)
    XCTAssertGreaterThan(Double(three.stays), 0.97 * Double(3 * one.stays))

    // The defects recounted from the bytes are those counted, and the rows are the
    // stays, their New-Year joints and the extra rows of the defects.
    for (options, summary) in [(plain, one), (scaled, three)] {
      let (found, rows) = try StayFileRecount.recount(Self.stayFiles.map { options.out + "/" + $0 })
      XCTAssertEqual(found, summary.defects)
      XCTAssertEqual(rows, summary.files.prefix(7).map(\.rows).reduce(0, +))
      let d = summary.defects
      XCTAssertEqual(
        rows,
        summary.stays + summary.newYearSplits + d.exactDuplicates + d.sameStartReports + d.wrongFieldCounts
          + d.impossibleDates)
    }
    // The New-Year joints are not multiplied (the pieces cover the same days); the
    // other rows are, defects included.
    let rows1 = one.files.prefix(7).map(\.rows).reduce(0, +) - one.newYearSplits
    let rows3 = three.files.prefix(7).map(\.rows).reduce(0, +) - three.newYearSplits
    XCTAssertGreaterThan(Double(rows3), 2.7 * Double(rows1))
    XCTAssertLessThan(Double(rows3), 3.1 * Double(rows1))
  }

  /// Without defects: a person's rows at one institution never overlap and never share a
  /// check-in; every joint 31 December / 1 January is a counted New-Year split.
  func testPiecesDoNotOverlap() throws {
    let options = options(scale: 4, defects: 0)
    let summary = try synthesize(options)
    var byKey: [String: [(start: Int, end: Int?, exit: String)]] = [:]
    for name in Self.stayFiles {
      for row in try RegisterText(path: options.out + "/" + name).rows {
        let f = row.text
        let start = try XCTUnwrap(Self.day(f[3]), f[3])
        let end = f[4].isEmpty ? nil : try XCTUnwrap(Self.day(f[4]), f[4])
        byKey[f[0] + ";" + f[1], default: []].append((start, end, f[5]))
      }
    }
    var joints = 0
    for (key, rows) in byKey {
      let sorted = rows.sorted { $0.start < $1.start }
      for (a, b) in zip(sorted, sorted.dropFirst()) {
        let end = try XCTUnwrap(a.end, "open row before another: \(key)")
        XCTAssertLessThanOrEqual(a.start, end, key)
        XCTAssertGreaterThan(b.start, end, key)
        if b.start == end + 1, Self.isNewYear(end) {
          XCTAssertTrue(a.exit.isEmpty, "a real check-out on 31 December followed by a check-in on 1 January: \(key)")
          joints += 1
        }
      }
    }
    XCTAssertEqual(joints, summary.newYearSplits)
  }

  private static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

  /// Days since 1 January 1900 of a SAS date (`01JAN2016`); nil when invalid.
  private static func day(_ text: String) -> Int? {
    guard text.count == 9, let d = Int(text.prefix(2)), let year = Int(text.suffix(4)),
      let month = months.firstIndex(of: String(text.dropFirst(2).prefix(3)))
    else { return nil }
    var components = DateComponents()
    components.year = year
    components.month = month + 1
    components.day = d
    components.timeZone = TimeZone(identifier: "UTC")
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    guard let date = calendar.date(from: components), calendar.component(.day, from: date) == d else { return nil }
    return Int((date.timeIntervalSince1970 / 86_400).rounded())
  }

  private static func isNewYear(_ dayNumber: Int) -> Bool {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let date = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
    return calendar.component(.month, from: date) == 12 && calendar.component(.day, from: date) == 31
  }
}
