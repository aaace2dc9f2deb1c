import RegisterIO
import RegisterModel

/// Shelter-stay-like CSV rows (`PNR;BOFORM;INDDTO;UDDTO;UDSKRIVNING`): CPR-shaped ids,
/// 6-digit institutions, SAS dates (`05MAR2014`), 5 % open stays, a 1-digit exit code.
public struct StayRows {
  public static let header = Array("PNR;BOFORM;INDDTO;UDDTO;UDSKRIVNING\n".utf8)
  private static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
  private static let first = Day(year: 2010, month: 1, day: 1)!

  private var random: SplitMix64

  public init(seed: UInt64) { random = SplitMix64(seed: seed) }

  /// The header and `count` rows in one buffer.
  public static func csv(rows count: Int, seed: UInt64) -> [UInt8] {
    var rows = StayRows(seed: seed)
    var out = header
    out.reserveCapacity(count * 48)
    for _ in 0..<count { rows.appendRow(to: &out) }
    return out
  }

  /// Appends one row, ending in LF.
  public mutating func appendRow(to out: inout [UInt8]) {
    // A CPR-shaped number: birth date DDMMYY and a 4-digit sequence.
    Self.appendNumber(random.below(28) + 1, width: 2, to: &out)
    Self.appendNumber(random.below(12) + 1, width: 2, to: &out)
    Self.appendNumber(random.below(100), width: 2, to: &out)
    Self.appendNumber(random.below(10000), width: 4, to: &out)
    out.append(UInt8(ascii: ";"))
    Self.appendNumber(random.below(90) + 10, width: 6, to: &out)
    out.append(UInt8(ascii: ";"))
    let start = Self.first + random.below(14 * 365)
    Self.appendDate(start, to: &out)
    out.append(UInt8(ascii: ";"))
    if random.below(20) != 0 { Self.appendDate(start + random.below(400), to: &out) }
    out.append(UInt8(ascii: ";"))
    Self.appendNumber(random.below(9) + 1, width: 1, to: &out)
    out.append(UInt8(ascii: "\n"))
  }

  private static func appendNumber(_ value: Int, width: Int, to out: inout [UInt8]) {
    var v = value
    let at = out.count
    out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
    for i in stride(from: at + width - 1, through: at, by: -1) {
      out[i] = UInt8(0x30 + v % 10)
      v /= 10
    }
  }

  private static func appendDate(_ day: Day, to out: inout [UInt8]) {
    let (y, m, d) = day.civil
    appendNumber(d, width: 2, to: &out)
    out.append(contentsOf: months[m - 1].utf8)
    appendNumber(y, width: 4, to: &out)
  }
}

/// What the load stage does at least per stay row: check the field count, parse the id
/// and both dates. The checksum keeps the work from being optimised away.
public struct StayParse: Sendable, Equatable {
  public var rows = 0
  public var rejected = 0
  public var checksum: Int64 = 0

  public static func read(path: String) throws -> StayParse {
    let reader = try DelimitedReader(path: path)
    let id = try reader.requireColumn("PNR")
    let start = try reader.requireColumn("INDDTO")
    let end = try reader.requireColumn("UDDTO")
    var result = StayParse()
    while try reader.next() {
      result.rows += 1
      guard reader.fieldCountMatchesHeader, let key = PersonIDParser.parseCPR(reader.field(id)).key,
        let first = DateFormat.sas.parse(reader.field(start))
      else {
        result.rejected += 1
        continue
      }
      var last = first
      if !reader.isMissing(end) {
        guard let day = DateFormat.sas.parse(reader.field(end)) else {
          result.rejected += 1
          continue
        }
        last = day
      }
      result.checksum &+= key &+ Int64(first.rawValue) &+ Int64(last.rawValue)
    }
    return result
  }
}
