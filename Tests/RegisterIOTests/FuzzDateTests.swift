import Foundation
import RegisterIO
import RegisterModel
import TestSupport
import XCTest

/// `DateFormat.parse` on random short byte strings and on date-shaped strings with random
/// (often impossible) numbers. Every success must name a real date that formats back to
/// the text it came from; a date-shaped string must parse exactly when its date exists.
final class FuzzDateTests: XCTestCase {
  static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  /// First byte: the format (0–3) and whether the text is shaped (bit 2); the rest is
  /// the text itself.
  static func generate(_ random: inout SplitMix64) -> [UInt8] {
    let format = UInt8(random.below(4))
    if random.chance(0.5) {
      // Date-shaped, numbers from a range that holds impossible days, months and leap days.
      let year = random.chance(0.8) ? 1890 + random.below(240) : random.below(10_000)
      let month = random.chance(0.9) ? 1 + random.below(12) : random.below(100)
      let day = random.chance(0.5) ? 28 + random.below(4) : random.below(40)
      var text: String
      switch format {
      case 0: text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
      case 1:
        let name = (1...12).contains(month) ? months[month - 1] : random.pick(["FOO", "JAM", "MAX", "XXX"])
        let cased = random.pick([name, name.lowercased(), name.prefix(1) + name.dropFirst().lowercased()])
        text = (random.chance(0.3) ? String(day) : pad(day, 2)) + cased + pad(year, 4)
      case 2: text = "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))"
      default:
        let separator = random.pick(["-", "."])
        text = "\(pad(day, 2))\(separator)\(pad(month, 2))\(separator)\(pad(year, 4))"
      }
      if random.chance(0.2) { text = random.pick([" ", "\t", "  "]) + text }
      if random.chance(0.2) { text += random.pick([" ", "\t"]) }
      var bytes = Array(text.utf8)
      if random.chance(0.15) { bytes = Mutate.bytes(bytes, &random, rounds: 1) }
      return [format | 4] + bytes
    }
    // Random bytes, mostly from the characters dates are made of.
    let alphabet = Array("0123456789-. \tJANFEBMARDECjanmarxX/".utf8) + [0, 0xFF, 0xC3, 0x80]
    let count = random.below(13)
    return [format] + (0..<count).map { _ in random.chance(0.9) ? random.pick(alphabet) : random.byte() }
  }

  static let formats: [DateFormat] = [.iso, .sas, .compact, .dmy]

  /// The text `day` would have in `format`, shaped like `like` (day width, month case,
  /// dmy separator), for the round trip.
  static func text(of day: Day, _ format: DateFormat, like: [UInt8]) -> String {
    let (y, m, d) = day.civil
    switch format {
    case .iso: return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    case .compact: return "\(pad(y, 4))\(pad(m, 2))\(pad(d, 2))"
    case .dmy:
      let separator = String(UnicodeScalar(like[2]))
      return "\(pad(d, 2))\(separator)\(pad(m, 2))\(separator)\(pad(y, 4))"
    case .sas: return pad(d, like.count - 7) + months[m - 1] + pad(y, 4)
    case .auto: return ""
    }
  }

  static func check(_ input: [UInt8]) throws -> String {
    guard let head = input.first else { return "empty" }
    let format = formats[Int(head & 3)]
    let shaped = head & 4 != 0
    let text = Array(input.dropFirst())
    let parsed = text.withUnsafeBytes { format.parse($0) }
    // Every other format must reject or accept on its own terms too: no crash, and the
    // same round trip.
    for other in formats {
      let day = text.withUnsafeBytes { other.parse($0) }
      guard let day else { continue }
      try roundTrip(day, other, text)
    }
    if shaped {
      // The numbers the text was made of, read back independently of the parser.
      let trimmed = Array(
        String(decoding: text, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \t")).utf8)
      if let (y, m, d) = numbers(trimmed, format) {
        let exists = Day(year: y, month: m, day: d) != nil
        if exists != (parsed != nil) {
          throw FuzzFailure(
            "\(format) '\(String(decoding: text, as: UTF8.self))': date exists \(exists), parsed \(parsed.map { "\($0)" } ?? "nil")"
          )
        }
        return exists ? "real date" : "impossible date rejected"
      }
    }
    return parsed == nil ? "rejected" : "parsed"
  }

  static func roundTrip(_ day: Day, _ format: DateFormat, _ text: [UInt8]) throws {
    let trimmed = Array(
      String(decoding: text, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \t")).utf8)
    guard text.allSatisfy({ $0 < 0x80 }) else {
      throw FuzzFailure("\(format) parsed bytes that are not ASCII: \(text)")
    }
    let (y, m, d) = day.civil
    guard let again = Day(year: y, month: m, day: d), again == day else {
      throw FuzzFailure("\(format) gave day \(day.rawValue), which is no calendar date")
    }
    let expected = Self.text(of: day, format, like: trimmed)
    guard expected.uppercased() == String(decoding: trimmed, as: UTF8.self).uppercased() else {
      throw FuzzFailure(
        "\(format) read '\(String(decoding: trimmed, as: UTF8.self))' as \(day), which writes as '\(expected)'")
    }
  }

  /// Year, month and day of a shaped text, taken apart with Foundation-free slicing.
  static func numbers(_ b: [UInt8], _ format: DateFormat) -> (Int, Int, Int)? {
    func int(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= b.count, range.allSatisfy({ b[$0] >= 0x30 && b[$0] <= 0x39 }) else { return nil }
      return Int(String(decoding: b[range], as: UTF8.self))
    }
    switch format {
    case .iso:
      guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
      return int(0..<4).flatMap { y in int(5..<7).flatMap { m in int(8..<10).map { (y, m, $0) } } }
    case .compact:
      guard b.count == 8 else { return nil }
      return int(0..<4).flatMap { y in int(4..<6).flatMap { m in int(6..<8).map { (y, m, $0) } } }
    case .dmy:
      guard b.count == 10, b[2] == 0x2D || b[2] == 0x2E, b[5] == b[2] else { return nil }
      return int(6..<10).flatMap { y in int(3..<5).flatMap { m in int(0..<2).map { (y, m, $0) } } }
    case .sas:
      let width = b.count - 7
      guard width == 1 || width == 2 else { return nil }
      let name = String(decoding: b[width..<(width + 3)], as: UTF8.self).uppercased()
      guard let month = months.firstIndex(of: name), let year = int((width + 3)..<b.count),
        let day = int(0..<width)
      else { return nil }
      return (year, month + 1, day)
    case .auto: return nil
    }
  }

  func testRandomDatesParseOnlyToRealDatesThatRoundTrip() {
    let summary = Fuzz.run("dates", cases: 20_000, generate: { Self.generate(&$0) }, check: { try Self.check($0) })
    XCTAssertGreaterThan(summary.notes["real date"] ?? 0, 1000)
    XCTAssertGreaterThan(summary.notes["impossible date rejected"] ?? 0, 1000)
  }

  func testTheSPECsImpossibleDatesAreRejected() {
    for (text, format) in [
      ("31FEB2019", DateFormat.sas), ("29FEB2021", .sas), ("2021-02-29", .iso), ("20190431", .compact),
      ("31.06.2019", .dmy), ("00MAR2019", .sas), ("2019-13-01", .iso),
    ] {
      XCTAssertNil(format.parse(text), text)
    }
    XCTAssertEqual(DateFormat.sas.parse("29FEB2020"), Day(year: 2020, month: 2, day: 29))
    XCTAssertEqual(DateFormat.sas.parse("29feb2000"), Day(year: 2000, month: 2, day: 29))
    XCTAssertNil(DateFormat.iso.parse("1900-02-29"))
  }

  func testDateRegressions() throws {
    for (name, bytes) in Fuzz.regressions("dates") {
      XCTAssertNoThrow(try Self.check(bytes), name)
    }
  }
}
