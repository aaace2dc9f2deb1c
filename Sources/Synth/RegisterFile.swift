import RegisterIO
import RegisterModel

/// One gzip-compressed register file, written under a temporary name, with its rows
/// built as bytes (Latin-1 or UTF-8 as the caller chooses) and counted. Level 3:
/// compression dominates the run time, and level 3 halves it for files 18 % larger.
final class RegisterFile {
  let name: String
  let path: String
  private(set) var rows = 0
  private let writer: GzipWriter
  private var buffer: [UInt8] = []

  init(folder: String, name: String, header: String) throws {
    self.name = name
    path = folder + "/" + name
    writer = try GzipWriter(path: AtomicFile.temporaryPath(for: path), level: 3)
    buffer.reserveCapacity(1 << 16)
    buffer.append(contentsOf: Array(header.utf8))
    buffer.append(0x0A)
  }

  /// Adds one row (fields without their delimiters) ending in LF, or CRLF.
  func row(_ fields: [[UInt8]], crlf: Bool = false) throws {
    for (i, field) in fields.enumerated() {
      if i > 0 { buffer.append(UInt8(ascii: ";")) }
      buffer.append(contentsOf: field)
    }
    try endRow(crlf: crlf)
  }

  /// Builds a row field by field, without intermediate arrays (the hot path of the
  /// service registers): `field` adds a delimiter before all but a row's first field.
  func field(_ bytes: [UInt8]) {
    delimit()
    buffer.append(contentsOf: bytes)
  }

  func field(digits value: Int, width: Int) {
    delimit()
    Field.appendDigits(value, width: width, to: &buffer)
  }

  func field(sas day: Day?) {
    delimit()
    if let day { Field.appendSAS(day, to: &buffer) }
  }

  func field(iso day: Day?) {
    delimit()
    if let day { Field.appendISO(day, to: &buffer) }
  }

  func endRow(crlf: Bool = false) throws {
    if crlf { buffer.append(0x0D) }
    buffer.append(0x0A)
    rowStarted = false
    rows += 1
    if buffer.count >= 1 << 16 { try flush() }
  }

  private var rowStarted = false

  private func delimit() {
    if rowStarted { buffer.append(UInt8(ascii: ";")) }
    rowStarted = true
  }

  private func flush() throws {
    try writer.write(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Completes the gzip stream; the file gets its name in `commit()`.
  func finish() throws {
    try flush()
    try writer.finish()
  }

  func commit() throws {
    try AtomicFile.rename(AtomicFile.temporaryPath(for: path), to: path)
  }
}

/// Field encodings.
enum Field {
  private static let months = Array("JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC".utf8)

  /// SAS `DATE9.`: `14MAR2019`.
  static func sas(_ day: Day?) -> [UInt8] {
    var bytes: [UInt8] = []
    if let day { appendSAS(day, to: &bytes) }
    return bytes
  }

  /// ISO 8601: `2019-03-14`.
  static func iso(_ day: Day?) -> [UInt8] {
    var bytes: [UInt8] = []
    if let day { appendISO(day, to: &bytes) }
    return bytes
  }

  /// `value` in decimal, left-padded with zeros to `width`.
  static func digits(_ value: Int, width: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    appendDigits(value, width: width, to: &bytes)
    return bytes
  }

  static func appendSAS(_ day: Day, to bytes: inout [UInt8]) {
    let (y, m, d) = day.civil
    appendDigits(d, width: 2, to: &bytes)
    bytes.append(contentsOf: months[(m - 1) * 3..<m * 3])
    appendDigits(y, width: 4, to: &bytes)
  }

  static func appendISO(_ day: Day, to bytes: inout [UInt8]) {
    let (y, m, d) = day.civil
    appendDigits(y, width: 4, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    appendDigits(m, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    appendDigits(d, width: 2, to: &bytes)
  }

  /// A non-negative `value` in decimal, left-padded with zeros to `width`.
  static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
    var count = 1
    var rest = value / 10
    while rest > 0 {
      count += 1
      rest /= 10
    }
    let length = max(count, width)
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: length))
    var v = value
    var i = start + length - 1
    while v > 0 {
      bytes[i] = UInt8(ascii: "0") + UInt8(v % 10)
      v /= 10
      i -= 1
    }
  }

  static func text(_ value: String) -> [UInt8] { Array(value.utf8) }

  /// Latin-1 bytes of `value` (æ ø å as 0xE6 0xF8 0xE5), quoted when it holds the
  /// delimiter or a quote.
  static func latin1(_ value: String) -> [UInt8] {
    let bytes = value.unicodeScalars.map { $0.value <= 0xFF ? UInt8($0.value) : UInt8(ascii: "?") }
    return quotedIfNeeded(bytes)
  }

  /// UTF-8 bytes of `value`, quoted when needed.
  static func utf8(_ value: String) -> [UInt8] { quotedIfNeeded(Array(value.utf8)) }

  private static func quotedIfNeeded(_ bytes: [UInt8]) -> [UInt8] {
    var field: [UInt8] = []
    bytes.withUnsafeBytes { CSVWriter.appendField($0, delimiter: UInt8(ascii: ";"), to: &field) }
    return field
  }
}
