/// The `codes` prefix filter of a services source (SPEC 2): a code is upper-cased and
/// its dots removed before it is compared, so `DF10.2` matches the prefix `DF1`.
enum ServiceCode {
  /// Upper-cased ASCII without dots, as bytes.
  static func normalize<C: Collection<UInt8>>(_ bytes: C) -> [UInt8] {
    bytes.compactMap { byte in
      if byte == UInt8(ascii: ".") { return nil }
      return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
    }
  }

  /// True when the code (trimmed by the reader) starts with one of the normalised prefixes.
  static func matches(_ field: UnsafeRawBufferPointer, prefixes: [[UInt8]]) -> Bool {
    let code = normalize(field)
    return prefixes.contains { prefix in code.count >= prefix.count && code.starts(with: prefix) }
  }
}
