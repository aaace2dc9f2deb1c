/// A calendar date as a day number (days since 1970-01-01), so the hot path compares
/// and subtracts integers instead of Foundation `Date`s.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public var rawValue: Int32

  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// The day of a proleptic Gregorian date, or nil when the date does not exist (31 Feb).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else {
      return nil
    }
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    rawValue = Int32(era * 146097 + doe - 719468)
  }

  /// The date's year, month and day (Hinnant's civil_from_days).
  public var civil: (year: Int, month: Int, day: Int) {
    let z = Int(rawValue) + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  public var year: Int { civil.year }

  /// 1 January and 31 December of a year.
  public static func firstOfYear(_ year: Int) -> Day { Day(year: year, month: 1, day: 1)! }
  public static func lastOfYear(_ year: Int) -> Day { Day(year: year, month: 12, day: 31)! }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func < (a: Day, b: Day) -> Bool { a.rawValue < b.rawValue }
  public static func + (a: Day, days: Int) -> Day { Day(rawValue: a.rawValue + Int32(days)) }
  public static func - (a: Day, days: Int) -> Day { Day(rawValue: a.rawValue - Int32(days)) }
  /// Whole days from `b` to `a`.
  public static func - (a: Day, b: Day) -> Int { Int(a.rawValue) - Int(b.rawValue) }

  /// ISO 8601, `2019-03-14`.
  public var description: String {
    let (y, m, d) = civil
    func pad(_ v: Int, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  /// Parses ISO `YYYY-MM-DD` (the form of pipeline files and artefacts).
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let day = Day(iso: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not an ISO date: \(text)"))
    }
    self = day
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
