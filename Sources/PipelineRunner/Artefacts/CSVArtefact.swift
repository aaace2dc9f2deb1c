import Foundation
import PipelineCore
import RegisterIO
import RegisterModel

/// A person-level record persisted between stages as gzip CSV under `work/<stage>/`,
/// so an analyst can read it with `zcat` or `regpipe inspect`. The header is the
/// format: a changed header fails loudly instead of being misread.
protocol CSVArtefact {
  static var header: [String] { get }
  /// Appends the record's fields, in `header` order, to the writer's current row.
  func appendFields(to row: CSVWriter)
  init(_ row: ArtefactRow) throws
}

/// One row of an artefact being read, with typed accessors that name the file and line
/// when a value is not what the format says.
struct ArtefactRow {
  let reader: DelimitedReader

  func string(_ index: Int) -> String? { reader.isMissing(index) ? nil : reader.string(index) }

  /// A decimal integer, read from the field's bytes: a single-stage rerun reads every
  /// upstream row back, and going through `String` made that 3× slower.
  func int(_ index: Int) throws -> Int {
    let bytes = reader.field(index)
    let negative = bytes.first == UInt8(ascii: "-")
    let digits = negative ? UnsafeRawBufferPointer(rebasing: bytes.dropFirst()) : bytes
    guard !digits.isEmpty else { throw malformed(index) }
    var value = 0
    for byte in digits {
      let digit = byte &- UInt8(ascii: "0")
      let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
      guard digit < 10, !overflow, times10 <= Int.max - Int(digit) else { throw malformed(index) }
      value = times10 + Int(digit)
    }
    return negative ? -value : value
  }

  /// An ISO date (`2019-03-14`), or nil for an empty field.
  func day(_ index: Int) throws -> Day? {
    if reader.isMissing(index) { return nil }
    return try requiredDay(index)
  }

  /// An ISO date that must be there.
  func requiredDay(_ index: Int) throws -> Day {
    guard let day = DateFormat.iso.parse(reader.field(index)) else { throw malformed(index) }
    return day
  }

  func bool(_ index: Int) throws -> Bool {
    switch string(index) {
    case "true": return true
    case "false": return false
    default: throw malformed(index)
    }
  }

  private func malformed(_ index: Int) -> RunError {
    RunError.unreadableResult(
      "\(reader.path):\(reader.line): column \(reader.header[index]) does not hold the expected value")
  }
}

enum Artefact {
  /// Writes records as gzip CSV (ISA-L at level 1: these files are rewritten every run).
  static func write<T: CSVArtefact>(_ records: [T], to path: String) throws {
    try AtomicFile.write(to: path) { temporary in
      let gzip = try GzipWriter(fastPath: temporary)
      let csv = CSVWriter(sink: gzip)
      try csv.writeRow(T.header)
      for record in records {
        record.appendFields(to: csv)
        try csv.endRow()
      }
      try gzip.finish()
    }
  }

  static func read<T: CSVArtefact>(_ type: T.Type, from path: String) throws -> [T] {
    let reader = try DelimitedReader(path: path, delimiter: .byte(UInt8(ascii: ",")), encoding: .utf8)
    guard reader.header == T.header else {
      throw RunError.unreadableResult("\(path): unexpected columns \(reader.header.joined(separator: ","))")
    }
    var records: [T] = []
    while try reader.next() {
      guard reader.fieldCountMatchesHeader else {
        throw RunError.unreadableResult("\(path):\(reader.line): wrong number of fields")
      }
      records.append(try T(ArtefactRow(reader: reader)))
    }
    return records
  }

  /// Writes a Codable value as pretty JSON with sorted keys, by the renderer of the
  /// tables' JSON (deterministic bytes).
  static func writeJSON(_ value: some Encodable, to path: String) throws {
    try AtomicFile.write(try JSONValue(encoding: value).rendered(), to: path)
  }

  static func readJSON<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RunError("\(path): missing; rerun the stage that writes it")
    }
    do {
      return try JSONDecoder().decode(T.self, from: data)
    } catch {
      throw RunError.unreadableResult("\(path): not in the expected format")
    }
  }
}
