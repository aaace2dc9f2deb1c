import RegisterModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A person id field after normalisation (SPEC 5.1).
public enum ParsedPersonID: Hashable, Sendable {
  case valid(PersonKey)
  /// A 9-digit CPR number that lost its leading zero, repaired.
  case repaired(PersonKey)
  case invalid

  /// The key, or nil when the id is invalid.
  public var key: PersonKey? {
    switch self {
    case .valid(let key), .repaired(let key): key
    case .invalid: nil
    }
  }
}

/// Normalises CPR person ids (SPEC 5.1): trim, drop `-` and spaces; 10 digits key by
/// the number itself, 9 are left-padded with a zero and flagged. (Opaque ids are keyed
/// by the load, `PersonKeying`.)
public enum PersonIDParser {
  /// A CPR number: after dropping blanks and `-`, 10 digits, or 9 repaired with a zero.
  @inlinable
  public static func parseCPR(_ bytes: UnsafeRawBufferPointer) -> ParsedPersonID {
    var value: Int64 = 0
    var digits = 0
    for byte in bytes {
      let digit = byte &- 0x30
      if digit < 10 {
        value = value &* 10 &+ Int64(digit)
        digits += 1
        if digits > 10 { return .invalid }
      } else if byte != UInt8(ascii: "-"), byte != ByteCode.space, byte != ByteCode.tab {
        return .invalid
      }
    }
    switch digits {
    case 10: return .valid(value)
    case 9: return .repaired(value)
    default: return .invalid
    }
  }
}
