import RegisterModel

/// Small field-level rules of SPEC 2: missing values, trimming, sex codes, municipalities.
public enum FieldValue {
  /// `bytes` without surrounding spaces and tabs (quoted fields keep theirs in the reader).
  @inlinable @inline(__always)
  public static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    var lower = 0
    var upper = bytes.count
    while lower < upper, bytes[lower] == ByteCode.space || bytes[lower] == ByteCode.tab { lower += 1 }
    while upper > lower, bytes[upper - 1] == ByteCode.space || bytes[upper - 1] == ByteCode.tab { upper -= 1 }
    return UnsafeRawBufferPointer(rebasing: bytes[lower..<upper])
  }

  /// Missing: empty (after trimming) or SAS's missing value `.`.
  @inlinable
  public static func isMissing(_ bytes: UnsafeRawBufferPointer) -> Bool {
    let value = trimmed(bytes)
    return value.isEmpty || (value.count == 1 && value[0] == UInt8(ascii: "."))
  }

  /// A municipality code as DST's 3 digits: a zero-padded 4-digit code (`0101`) loses its
  /// leading zero; anything else is kept as it is (trimmed) and counts as region unknown.
  package static func municipality(_ text: String) -> String {
    let value = text.trimmingBlanks
    let utf8 = value.utf8
    if utf8.count == 4, utf8.first == UInt8(ascii: "0"), utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
      return String(value.dropFirst())
    }
    return value
  }
}

extension Sex {
  /// Reads a sex code (case-insensitive, trimmed): `1`, `M`, `male` → male; `2`, `K`, `F`,
  /// `female` → female; anything else is nil (missing).
  package init?(code bytes: UnsafeRawBufferPointer) {
    let value = FieldValue.trimmed(bytes)
    guard value.count <= 6 else { return nil }
    var lowered = ""
    for byte in value {
      lowered.unicodeScalars.append(Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte))
    }
    switch lowered {
    case "1", "m", "male": self = .male
    case "2", "k", "f", "female": self = .female
    default: return nil
    }
  }

  /// `init(code:)` for text.
  package init?(code text: String) {
    var text = text
    guard let sex = text.withUTF8({ Sex(code: UnsafeRawBufferPointer($0)) }) else { return nil }
    self = sex
  }
}

extension String {
  /// The text without surrounding spaces and tabs.
  var trimmingBlanks: String {
    let blanks: Set<Character> = [" ", "\t"]
    guard let first = firstIndex(where: { !blanks.contains($0) }) else { return "" }
    let last = lastIndex(where: { !blanks.contains($0) })!
    return String(self[first...last])
  }
}
