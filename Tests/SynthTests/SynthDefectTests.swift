import Foundation
import XCTest

@testable import Synth

/// The defects counted in `synth_counts.json` are exactly those the files contain,
/// recounted here from the bytes.
final class SynthDefectTests: XCTestCase {
  func testInjectedDefectsMatchTheFiles() throws {
    let folder = NSTemporaryDirectory() + "synth-defects-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let options = SynthOptions(out: folder, persons: 800, fromYear: 2018, toYear: 2022, seed: 11, population: 1600, defectRate: 0.1)
    let summary = try synthesize(options)

    var found = SynthDefects()
    var seen = Set<[UInt8]>()
    var byStart: [String: Set<[UInt8]>] = [:]
    var rows = 0
    for year in 2018...2022 {
      for row in try RegisterText(path: folder + "/boform110_\(year).csv.gz").rows {
        rows += 1
        if row.crlf { found.crlfLines += 1 }
        if !seen.insert(row.bytes).inserted {
          found.exactDuplicates += 1
          continue
        }
        let fields = row.text
        guard fields.count == 7 else {
          found.wrongFieldCounts += 1
          continue
        }
        guard Self.validSAS(fields[3]) else {
          found.impossibleDates += 1
          continue
        }
        if fields[0].count == 9 { found.nineDigitIDs += 1 }
        let pnr = String(repeating: "0", count: 10 - fields[0].count) + fields[0]
        byStart["\(pnr);\(fields[1]);\(fields[3])", default: []].insert(row.bytes)
      }
    }
    found.sameStartReports = byStart.values.reduce(0) { $0 + $1.count - 1 }

    XCTAssertEqual(found, summary.defects)
    XCTAssertEqual(rows, summary.files.prefix(5).map(\.rows).reduce(0, +))
    for (kind, count) in summary.defects.byKind { XCTAssertGreaterThan(count, 0, kind) }

    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/synth_counts.json")))
    let counts = try XCTUnwrap((json as? [String: Any])?["defects"] as? [String: Int])
    XCTAssertEqual(counts.count, 6)
    for (kind, count) in found.byKind { XCTAssertEqual(counts[kind], count, kind) }
  }

  private static func validSAS(_ text: String) -> Bool {
    let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    guard text.count == 9, let day = Int(text.prefix(2)), let year = Int(text.suffix(4)),
      let month = months.firstIndex(of: String(text.dropFirst(2).prefix(3)))
    else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]
    return day >= 1 && day <= days
  }
}
