/// Turns field bytes into UTF-8 `String`s: as they are for `utf8` sources (validated
/// when read), through Windows-1252 for `latin1` sources.
package enum TextDecoding {
  /// `bytes` as text in `encoding`. For `utf8`, invalid sequences become U+FFFD (the
  /// reader has already rejected them, so this only matters to other callers).
  package static func string(_ bytes: UnsafeRawBufferPointer, encoding: TextEncoding) -> String {
    switch encoding {
    case .utf8:
      return String(decoding: bytes, as: UTF8.self)
    case .latin1:
      if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
      var scalars = String.UnicodeScalarView()
      for byte in bytes { scalars.append(Windows1252.scalar(byte)) }
      return String(scalars)
    }
  }
}

/// Windows-1252, the encoding DST's and Excel's "Latin-1" files actually use: ISO 8859-1
/// plus printable characters in 0x80–0x9F (0x80 is €). The five bytes 1252 leaves
/// undefined map to the C1 controls of the same value, as the WHATWG encoding standard does.
package enum Windows1252 {
  private static let high: [UInt16] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// The Unicode scalar of one Windows-1252 byte.
  package static func scalar(_ byte: UInt8) -> Unicode.Scalar {
    if byte >= 0x80, byte < 0xA0 { return Unicode.Scalar(high[Int(byte) - 0x80])! }
    return Unicode.Scalar(byte)
  }
}
