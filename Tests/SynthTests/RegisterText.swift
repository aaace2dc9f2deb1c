import RegisterIO

/// Reads a generated register back as lines of raw bytes (line ends kept apart), for
/// checks that must see the bytes the pipeline will see.
struct RegisterText {
  struct Line {
    var bytes: [UInt8]
    var crlf: Bool

    /// Fields split at `;` outside quotes, with quotes removed (RFC 4180).
    var fields: [[UInt8]] {
      var fields: [[UInt8]] = [[]]
      var quoted = false
      var i = 0
      while i < bytes.count {
        let byte = bytes[i]
        if byte == UInt8(ascii: "\"") {
          if quoted, i + 1 < bytes.count, bytes[i + 1] == byte {
            fields[fields.count - 1].append(byte)
            i += 1
          } else {
            quoted.toggle()
          }
        } else if byte == UInt8(ascii: ";"), !quoted {
          fields.append([])
        } else {
          fields[fields.count - 1].append(byte)
        }
        i += 1
      }
      return fields
    }

    var text: [String] { fields.map { String(decoding: $0, as: UTF8.self) } }
  }

  let header: Line
  let rows: [Line]

  init(path: String) throws {
    let reader = try ByteReader(path: path)
    var data: [UInt8] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    defer { buffer.deallocate() }
    while true {
      let n = try reader.read(into: buffer)
      if n == 0 { break }
      data.append(contentsOf: buffer[0..<n])
    }
    var lines: [Line] = []
    for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
      let crlf = raw.last == 0x0D
      lines.append(Line(bytes: Array(crlf ? raw.dropLast() : raw[...]), crlf: crlf))
    }
    header = lines[0]
    rows = Array(lines.dropFirst())
  }
}
