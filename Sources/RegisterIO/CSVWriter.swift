import RegisterModel

/// Writes RFC 4180 CSV for artefacts and tables: a field is quoted (quotes doubled) only
/// when it holds the delimiter, `"`, CR or LF; rows end in LF. Each row goes to the sink
/// in one write; the caller closes the sink (`FileSink.close`, `GzipWriter.finish`).
package final class CSVWriter {
  package let sink: any ByteSink
  package let delimiter: UInt8
  /// The row being built, behind a pointer: class properties would pay a dynamic
  /// exclusivity check on every field (a tenth of the samples of writing load's files).
  private let state: UnsafeMutablePointer<RowState>

  private struct RowState {
    var row: [UInt8] = []
    var fieldsInRow = 0
  }

  package init(sink: any ByteSink, delimiter: UInt8 = UInt8(ascii: ",")) {
    precondition(!(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(delimiter) && delimiter != UInt8(ascii: "-"))
    self.sink = sink
    self.delimiter = delimiter
    state = .allocate(capacity: 1)
    state.initialize(to: RowState())
    state.pointee.row.reserveCapacity(256)
  }

  deinit {
    state.deinitialize(count: 1)
    state.deallocate()
  }

  /// Writes one row.
  package func writeRow(_ fields: [String]) throws {
    for field in fields { append(field) }
    try endRow()
  }

  /// Appends one field to the current row.
  package func append(_ field: String) {
    var field = field
    field.withUTF8 { append(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// Appends one field, given as UTF-8 bytes, to the current row.
  package func append(bytes: UnsafeRawBufferPointer) {
    startField()
    Self.appendField(bytes, delimiter: delimiter, to: &state.pointee.row)
  }

  /// Appends `value` when there is one, else an empty field.
  package func append(_ field: String?) {
    guard let field else { return startField() }
    append(field)
  }

  /// Appends a whole number in decimal, as `String(value)` writes it, without making
  /// the `String`: artefacts hold millions of ids and dates, and building a `String`
  /// per field made writing a stays file take about 1.8 µs a row (BENCHMARKS.md).
  package func append(int value: Int) {
    startField()
    if value < 0 { state.pointee.row.append(UInt8(ascii: "-")) }
    appendDigits(value.magnitude)
  }

  /// Appends a date as `Day.description` writes it (`2019-03-14`), or an empty field.
  /// Like `append(int:)` it writes no quotes: digits and `-` are never the delimiter.
  package func append(day: Day?) {
    guard let day else { return startField() }
    let (year, month, date) = day.civil
    guard (0...9999).contains(year) else { return append(day.description) }
    startField()
    var text: (UInt64, UInt16) = (0, 0)
    withUnsafeMutableBytes(of: &text) { bytes in
      /// `value` zero-padded into `bytes[offset..<offset + width]`.
      func put(_ value: Int, at offset: Int, width: Int) {
        var rest = value
        for index in (offset..<offset + width).reversed() {
          bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
      }
      put(year, at: 0, width: 4)
      put(month, at: 5, width: 2)
      put(date, at: 8, width: 2)
      (bytes[4], bytes[7]) = (UInt8(ascii: "-"), UInt8(ascii: "-"))
      state.pointee.row.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<10]))
    }
  }

  private func startField() {
    if state.pointee.fieldsInRow > 0 { state.pointee.row.append(delimiter) }
    state.pointee.fieldsInRow += 1
  }

  /// `value`'s decimal digits, built backwards on the stack and appended at once.
  private func appendDigits(_ value: UInt) {
    var text: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &text) { bytes in
      var index = bytes.count
      var rest = value
      repeat {
        index -= 1
        bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      } while rest > 0
      state.pointee.row.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index...]))
    }
  }

  /// `text` as one field of a row with `delimiter` between fields.
  package static func field(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> String {
    var text = text
    var field: [UInt8] = []
    text.withUTF8 { appendField(UnsafeRawBufferPointer($0), delimiter: delimiter, to: &field) }
    return String(decoding: field, as: UTF8.self)
  }

  /// Appends `bytes` to `row` as one field: quoted, quotes doubled, only when it holds
  /// `delimiter`, `"`, CR or LF. The one quoting rule of every CSV regpipe writes.
  package static func appendField(_ bytes: UnsafeRawBufferPointer, delimiter: UInt8, to row: inout [UInt8]) {
    let needsQuotes = bytes.contains { byte in
      byte == delimiter || byte == ByteCode.quote || byte == ByteCode.carriageReturn
        || byte == ByteCode.lineFeed
    }
    guard needsQuotes else {
      row.append(contentsOf: bytes)
      return
    }
    row.append(ByteCode.quote)
    for byte in bytes {
      if byte == ByteCode.quote { row.append(ByteCode.quote) }
      row.append(byte)
    }
    row.append(ByteCode.quote)
  }

  /// Ends the current row with LF and writes it.
  package func endRow() throws {
    state.pointee.row.append(ByteCode.lineFeed)
    try state.pointee.row.withUnsafeBytes { try sink.write($0) }
    state.pointee.row.removeAll(keepingCapacity: true)
    state.pointee.fieldsInRow = 0
  }
}
