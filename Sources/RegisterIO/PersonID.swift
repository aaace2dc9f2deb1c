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

/// Normalises person ids (SPEC 5.1): trim, drop `-` and spaces; then `cpr` wants 10
/// digits (9 are left-padded with a zero and flagged) and keys by the number itself;
/// `opaque` takes any non-empty token and keys it through an `Interner`.
public final class PersonIDParser {
  public let format: IDFormat
  /// Shared by every source of a run, so one person gets one key everywhere.
  public let interner: Interner
  private var scratch: [UInt8] = []

  public init(format: IDFormat, interner: Interner = Interner()) {
    self.format = format
    self.interner = interner
  }

  /// The key of one id field, read in `encoding` (which matters only for opaque ids
  /// with non-ASCII characters, keyed by their UTF-8 form).
  public func parse(_ bytes: UnsafeRawBufferPointer, encoding: TextEncoding = .utf8) -> ParsedPersonID {
    switch format {
    case .cpr: return Self.parseCPR(bytes)
    case .opaque: return parseOpaque(bytes, encoding: encoding)
    }
  }

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

  private func parseOpaque(_ bytes: UnsafeRawBufferPointer, encoding: TextEncoding) -> ParsedPersonID {
    scratch.removeAll(keepingCapacity: true)
    let token = FieldValue.trimmed(bytes)
    for byte in token where byte != UInt8(ascii: "-") && byte != ByteCode.space {
      if byte < 0x80 || encoding == .utf8 {
        scratch.append(byte)
      } else {
        scratch.append(contentsOf: UTF8.encode(Windows1252.scalar(byte))!)
      }
    }
    guard !scratch.isEmpty else { return .invalid }
    return .valid(scratch.withUnsafeBytes { interner.key(for: $0) })
  }
}
