import RegisterModel

extension DateFormat {
  /// The formats `auto` chooses between, in the order error messages list them.
  public static let concrete: [DateFormat] = [.iso, .sas, .compact, .dmy]

  /// Parses `bytes` (surrounding blanks ignored) in this format; nil when the text does
  /// not have the format's shape or names an impossible date (31FEB2019). `.auto` parses
  /// nothing: decide a column's format first (`DateFormatDetector`).
  @inline(__always)
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
  public func parse(_ text: String) -> Day? {
    var text = text
    return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
  }
}

/// The byte-level parsers behind `DateFormat.parse`, without Foundation.
enum DateParsing {
  /// `2019-03-14`.
  static func iso(_ b: UnsafeRawBufferPointer) -> Day? {
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
      let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2)
    else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// `20190314`.
  static func compact(_ b: UnsafeRawBufferPointer) -> Day? {
    guard b.count == 8, let year = digits(b, 0, 4), let month = digits(b, 4, 2),
      let day = digits(b, 6, 2)
    else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// `14-03-2019` or `14.03.2019` (one separator throughout).
  static func dmy(_ b: UnsafeRawBufferPointer) -> Day? {
    guard b.count == 10, b[2] == UInt8(ascii: "-") || b[2] == UInt8(ascii: "."), b[5] == b[2],
      let day = digits(b, 0, 2), let month = digits(b, 3, 2), let year = digits(b, 6, 4)
    else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// SAS DATE9 `14MAR2019` (also DATE8-style `1MAR2019`), month names in any case.
  static func sas(_ b: UnsafeRawBufferPointer) -> Day? {
    let dayDigits = b.count - 7
    guard dayDigits == 1 || dayDigits == 2, let day = digits(b, 0, dayDigits),
      let month = monthNumber(b[dayDigits], b[dayDigits + 1], b[dayDigits + 2]),
      let year = digits(b, dayDigits + 3, 4)
    else { return nil }
    return Day(year: year, month: month, day: day)
  }

  @inline(__always)
  static func digits(_ b: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for i in start..<start + count {
      let digit = b[i] &- 0x30
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    return value
  }

  /// The month of an English three-letter abbreviation, any case.
  @inline(__always)
  static func monthNumber(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
    let key = UInt32(a | 0x20) << 16 | UInt32(b | 0x20) << 8 | UInt32(c | 0x20)
    switch key {
    case 0x6A616E: return 1  // jan
    case 0x666562: return 2  // feb
    case 0x6D6172: return 3  // mar
    case 0x617072: return 4  // apr
    case 0x6D6179: return 5  // may
    case 0x6A756E: return 6  // jun
    case 0x6A756C: return 7  // jul
    case 0x617567: return 8  // aug
    case 0x736570: return 9  // sep
    case 0x6F6374: return 10  // oct
    case 0x6E6F76: return 11  // nov
    case 0x646563: return 12  // dec
    default: return nil
    }
  }
}
