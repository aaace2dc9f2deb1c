import Foundation
import PipelineCore
import RegisterIO

/// `regpipe inspect`: the columns and first rows of a stage artefact (gzip or plain
/// CSV) or a JSON record, with person ids masked so the output can be shown.
package enum Inspect {
  /// Columns holding person ids in artefacts and extracts; their values are masked.
  static let personColumns: Set<String> = ["person", "person_id", "pnr", "cpr", "personid"]
  /// Rejects keep each rejected row whole, ids included: the id field is masked within it
  /// (by `person_id_field` and `delimiter`), or the whole row when they are empty.
  static let rawRowColumns: Set<String> = ["row"]
  static let mask = "••••••••••"

  /// Whether a value reads as a CPR number (9 or 10 digits, dashes and blanks allowed):
  /// masked in any column, since an extract's id column may have a name not listed above.
  static func looksLikePersonID(_ field: UnsafeRawBufferPointer) -> Bool {
    PersonIDParser.parseCPR(field).key != nil
  }

  /// `encoding` nil: UTF-8 unless the file's first `sniffBytes` are not valid UTF-8
  /// (a DST extract in Latin-1), then Latin-1.
  package static func render(path: String, rows: Int, encoding: TextEncoding? = nil) throws -> String {
    if path.lowercased().hasSuffix(".sas7bdat") { return try renderSAS(path: path, rows: rows, encoding: encoding) }
    if path.hasSuffix(".json") {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw RunError("\(path): cannot read the file")
      }
      return String(decoding: data, as: UTF8.self)
    }
    let chosen = try encoding ?? (startsAsUTF8(path) ? .utf8 : .latin1)
    let reader = try DelimitedReader(path: path, encoding: chosen)
    let masked = Set(
      reader.header.indices.filter {
        let name = reader.header[$0].lowercased()
        return personColumns.contains(name) || rawRowColumns.contains(name)
      })
    let idField = reader.header.firstIndex(of: "person_id_field")
    let delimiter = reader.header.firstIndex(of: "delimiter")
    var table: [[String]] = []
    var count = 0
    var maskedAny = !masked.isEmpty
    while count < rows, try reader.next() {
      count += 1
      table.append(
        (0..<reader.fieldCount).map { column in
          if rawRowColumns.contains(reader.header[column].lowercased()), let idField, let delimiter,
            let position = Int(reader.string(idField)), case let separator = reader.string(delimiter),
            separator.count == 1
          {
            maskedAny = true
            return maskedRow(reader.string(column), idPosition: position, separator: separator)
          }
          guard masked.contains(column) || looksLikePersonID(reader.field(column)) else { return reader.string(column) }
          maskedAny = true
          return mask
        })
    }
    var total = count
    while try reader.next() { total += 1 }
    var text = "\(path)\n"
    if chosen == .latin1 { text += "encoding: latin1\(encoding == nil ? " (not valid UTF-8)" : "")\n" }
    text += "columns (\(reader.header.count)): \(reader.header.joined(separator: ", "))\n"
    text += "rows: \(total); first \(count)"
    if maskedAny { text += "; person ids masked" }
    text += "\n\n" + aligned([reader.header] + table)
    return text
  }

  /// A rejected row with its person_id field, and any field that reads as a CPR
  /// number, masked: the other values stay visible, so the reason can be seen.
  static func maskedRow(_ row: String, idPosition: Int, separator: String) -> String {
    row.components(separatedBy: separator).enumerated().map { index, field in
      let looksLikeID = field.utf8.withContiguousStorageIfAvailable { looksLikePersonID(UnsafeRawBufferPointer($0)) }
      return index == idPosition - 1 || looksLikeID == true ? mask : field
    }.joined(separator: separator)
  }

  static let sniffBytes = 1 << 20

  /// Whether the first `sniffBytes` of the (decompressed) file are valid UTF-8; a
  /// character cut at the end of the sample does not count against it.
  private static func startsAsUTF8(_ path: String) throws -> Bool {
    let source = try ByteReader(path: path)
    var sample = [UInt8](repeating: 0, count: sniffBytes)
    var filled = 0
    while filled < sniffBytes {
      let n = try sample.withUnsafeMutableBytes {
        try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
      }
      if n == 0 { break }
      filled += n
    }
    guard let bad = sample.withUnsafeBufferPointer({ UTF8Validation.firstInvalidByte($0.baseAddress!, count: filled) })
    else { return true }
    return filled == sniffBytes && bad >= filled - 3
  }

  static func aligned(_ rows: [[String]]) -> String {
    let widths = rows.reduce(into: [Int]()) { widths, row in
      for (i, field) in row.enumerated() {
        if i >= widths.count { widths.append(0) }
        widths[i] = max(widths[i], field.count)
      }
    }
    return rows.map { row in
      row.enumerated().map { i, field in field + String(repeating: " ", count: widths[i] - field.count) }
        .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n") + "\n"
  }
}
