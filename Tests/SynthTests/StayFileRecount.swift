@testable import Synth

/// The defects in generated stay files, recounted from their bytes (independently of
/// the generator's own counts), and the number of rows read.
enum StayFileRecount {
  static func recount(_ paths: [String]) throws -> (defects: SynthDefects, rows: Int) {
    var found = SynthDefects()
    var seen = Set<[UInt8]>()
    var byStart: [String: Set<[UInt8]>] = [:]
    var rows = 0
    for path in paths {
      for row in try RegisterText(path: path).rows {
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
        guard validSAS(fields[3]) else {
          found.impossibleDates += 1
          continue
        }
        if fields[0].count == 9 { found.nineDigitIDs += 1 }
        let pnr = String(repeating: "0", count: 10 - fields[0].count) + fields[0]
        byStart["\(pnr);\(fields[1]);\(fields[3])", default: []].insert(row.bytes)
      }
    }
    found.sameStartReports = byStart.values.reduce(0) { $0 + $1.count - 1 }
    return (found, rows)
  }

  /// A SAS DATE9 date (`14MAR2019`) that exists.
  static func validSAS(_ text: String) -> Bool {
    let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    guard text.count == 9, let day = Int(text.prefix(2)), let year = Int(text.suffix(4)),
      let month = months.firstIndex(of: String(text.dropFirst(2).prefix(3)))
    else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]
    return day >= 1 && day <= days
  }
}
