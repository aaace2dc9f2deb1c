/// Writes RFC 4180 CSV for artefacts and tables: a field is quoted (quotes doubled) only
/// when it holds the delimiter, `"`, CR or LF; rows end in LF. Each row goes to the sink
/// in one write; the caller closes the sink (`FileSink.close`, `GzipWriter.finish`).
package final class CSVWriter {
  package let sink: any ByteSink
  package let delimiter: UInt8
  private var row: [UInt8] = []
  private var fieldsInRow = 0

  package init(sink: any ByteSink, delimiter: UInt8 = UInt8(ascii: ",")) {
    self.sink = sink
    self.delimiter = delimiter
    row.reserveCapacity(256)
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
    if fieldsInRow > 0 { row.append(delimiter) }
    fieldsInRow += 1
    Self.appendField(bytes, delimiter: delimiter, to: &row)
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
    row.append(ByteCode.lineFeed)
    try row.withUnsafeBytes { try sink.write($0) }
    row.removeAll(keepingCapacity: true)
    fieldsInRow = 0
  }
}
