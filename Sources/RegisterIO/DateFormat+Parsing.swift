import RegisterModel

extension DateFormat {
  /// The formats `auto` chooses between, in the order error messages list them.
  package static let concrete: [DateFormat] = [.iso, .sas, .compact, .dmy]

  /// Parses `bytes` (surrounding blanks ignored) in this format; nil when the text does
  /// not have the format's shape or names an impossible date (31FEB2019). `.auto` parses
  /// nothing: decide a column's format first (`DateFormatDetector`).
  @inlinable
  public func parse(_ bytes: UnsafeRawBufferPointer) -> Day? {
    let value = FieldValue.trimmed(bytes)
    switch self {
    case .iso: return DateParsing.iso(value)
    case .sas: return DateParsing.sas(value)
    case .compact: return DateParsing.compact(value)
    case .dmy: return DateParsing.dmy(value)
    case .auto: return nil
    }
  }

  /// `parse(_:)` for text.
  package func parse(_ text: String) -> Day? {
    var text = text
    return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
  }
}

/// The byte-level parsers behind `DateFormat.parse`, without Foundation.
@usableFromInline enum DateParsing {
  /// `2019-03-14`.
  @inlinable static func iso(_ b: UnsafeRawBufferPointer) -> Day? {
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
      let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2)
    else { return nil }
    return Self.day(year: year, month: month, day: day)
  }

  /// `20190314`.
  @inlinable static func compact(_ b: UnsafeRawBufferPointer) -> Day? {
    guard b.count == 8, let year = digits(b, 0, 4), let month = digits(b, 4, 2),
      let day = digits(b, 6, 2)
    else { return nil }
    return Self.day(year: year, month: month, day: day)
  }

  /// `14-03-2019` or `14.03.2019` (one separator throughout).
  @inlinable static func dmy(_ b: UnsafeRawBufferPointer) -> Day? {
    guard b.count == 10, b[2] == UInt8(ascii: "-") || b[2] == UInt8(ascii: "."), b[5] == b[2],
      let day = digits(b, 0, 2), let month = digits(b, 3, 2), let year = digits(b, 6, 4)
    else { return nil }
    return Self.day(year: year, month: month, day: day)
  }

  /// SAS DATE9 `14MAR2019` (also DATE8-style `1MAR2019`), month names in any case.
  @inlinable static func sas(_ b: UnsafeRawBufferPointer) -> Day? {
    let dayDigits = b.count - 7
    guard dayDigits == 1 || dayDigits == 2, let day = digits(b, 0, dayDigits),
      let month = monthNumber(b[dayDigits], b[dayDigits + 1], b[dayDigits + 2]),
      let year = digits(b, dayDigits + 3, 4)
    else { return nil }
    return Self.day(year: year, month: month, day: day)
  }

  @inlinable @inline(__always)
  static func digits(_ b: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for i in start..<start + count {
      let digit = b[i] &- 0x30
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    return value
  }

  /// The month of an English three-letter abbreviation, any case: a multiplicative hash
  /// picks the one slot of `months` the abbreviation could be in.
  @usableFromInline
  static func monthNumber(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
    let key = UInt32(a | 0x20) << 16 | UInt32(b | 0x20) << 8 | UInt32(c | 0x20)
    let entry = months[Int((key &* 0x6EC9_D287) >> 27)]
    return entry >> 4 == key ? Int(entry & 0xF) : nil
  }

  /// Slot → lower-case abbreviation (ASCII, 24 bits) << 4 | month; 0 for an empty slot.
  static let months: [UInt32] = [
    0x06A7_56E6, 0x06E6_F76B, 0x0000_0000, 0x0000_0000,
    0x06A7_56C7, 0x0000_0000, 0x0000_0000, 0x06A6_16E1,
    0x0000_0000, 0x0000_0000, 0x0000_0000, 0x0000_0000,
    0x0617_0724, 0x0000_0000, 0x06D6_1723, 0x06D6_1795,
    0x0000_0000, 0x06F6_374A, 0x0617_5678, 0x0000_0000,
    0x0000_0000, 0x0736_5709, 0x0646_563C, 0x0000_0000,
    0x0000_0000, 0x0000_0000, 0x0000_0000, 0x0000_0000,
    0x0000_0000, 0x0666_5622, 0x0000_0000, 0x0000_0000,
  ]

  /// The day of a date given by numbers, or nil when it does not exist; the same as
  /// `Day(year:month:day:)` (tested so), inlined here because it is on the hot path.
  /// Years of `monthTable` are looked up; the calendar arithmetic, with its divisions,
  /// took 6 % of the national load's samples (BENCHMARKS.md, session 9).
  @inlinable @inline(__always)
  static func day(year: Int, month: Int, day: Int) -> Day? {
    guard month >= 1, month <= 12, day >= 1 else { return nil }
    let tableYear = year &- MonthTable.firstYear
    if tableYear >= 0, tableYear < MonthTable.years {
      let entry = MonthTable.entries[tableYear &* 12 &+ month &- 1]
      guard day <= Int(entry & 31) else { return nil }
      return Day(rawValue: (entry >> 5) &+ Int32(truncatingIfNeeded: day) &- 1)
    }
    return civilDay(year: year, month: month, day: day)
  }

  /// `day(year:month:day:)` by Howard Hinnant's days_from_civil, for any year; `month`
  /// and `day` at least 1.
  @usableFromInline
  static func civilDay(year: Int, month: Int, day: Int) -> Day? {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let length = month == 2 ? (leap ? 29 : 28) : 30 + ((month + month >> 3) & 1)
    guard day <= length else { return nil }
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Day(rawValue: Int32(truncatingIfNeeded: era * 146097 + doe - 719468))
  }
}

/// The months of 1800–2199 (19 KB, of which a run touches the few years its dates are
/// in): each entry is the month's first day << 5 | its length in days.
@usableFromInline enum MonthTable {
  @usableFromInline static let firstYear = 1800
  @usableFromInline static let years = 400
  /// Allocated once and never freed: a pointer, so a lookup pays no array retain or
  /// bounds check. Nothing writes it after the initialiser, hence `nonisolated(unsafe)`.
  @usableFromInline nonisolated(unsafe) static let entries: UnsafePointer<Int32> = {
    let table = UnsafeMutablePointer<Int32>.allocate(capacity: years * 12)
    for offset in 0..<years {
      for month in 1...12 {
        let year = firstYear + offset
        let first = DateParsing.civilDay(year: year, month: month, day: 1)!.rawValue
        let length = Int32(Day.daysIn(month: month, year: year))
        table[offset * 12 + month - 1] = first << 5 | length
      }
    }
    return UnsafePointer(table)
  }()
}
