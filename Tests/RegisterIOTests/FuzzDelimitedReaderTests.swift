import Foundation
import RegisterIO
import TestSupport
import XCTest

/// `DelimitedReader` on random text built from the bytes that matter: quotes, every
/// delimiter, CR, LF, NUL, blanks, a BOM, valid and invalid UTF-8, long fields. Each
/// input is read with a random buffer size (down to 16 bytes, so records straddle every
/// refill), plain or gzip, and compared field by field with `FuzzTextModel`, a small
/// reference reader of SPEC 2's rules written for this test. Errors must name the file
/// and the line the model expects.
final class FuzzDelimitedReaderTests: XCTestCase {
  static let delimiters: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: "|")]

  /// Random delimited text: a header, then records of random tokens.
  static func generate(_ random: inout SplitMix64) -> [UInt8] {
    let delimiter = random.pick(delimiters)
    var bytes: [UInt8] = []
    if random.chance(0.1) { bytes += [0xEF, 0xBB, 0xBF] }
    let columns = 1 + random.below(5)
    bytes += Array((0..<columns).map { "C\($0)" }.joined(separator: String(UnicodeScalar(delimiter))).utf8)
    bytes += random.chance(0.3) ? [0x0D, 0x0A] : [0x0A]
    let tokens: [[UInt8]] = [
      Array("ab".utf8), Array("0101011234".utf8), Array("14MAR2019".utf8), [0x22], [0x22, 0x22],
      [0x22, 0x22, 0x22], [0x0A], [0x0D, 0x0A], [0x0D], [0x20], [0x09], [0x00], Array("æø".utf8),
      [0xE6], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xEF, 0xBB, 0xBF], [0x2E], Array("x y".utf8),
    ]
    let lines = random.below(12)
    for _ in 0..<lines {
      let count = random.below(2 * columns + 2)
      for _ in 0..<count {
        switch random.below(10) {
        case 0, 1, 2: bytes.append(delimiter)
        case 3: bytes.append(random.pick(delimiters))
        case 4 where random.chance(0.05):
          // A long field, longer than the smallest buffers many times over.
          bytes += [UInt8](repeating: random.pick([UInt8(ascii: "x"), 0x22, 0x20]), count: 100 + random.below(70_000))
        default: bytes += random.pick(tokens)
        }
      }
      bytes += random.pick([[0x0A], [0x0A], [0x0D, 0x0A], []])
    }
    // The reading set-up rides along in three leading bytes, so a saved input replays exactly.
    return [random.byte(), random.byte(), random.byte()] + bytes
  }

  struct Setup {
    var delimiter: Delimiter
    var encoding: TextEncoding
    var bufferSize: Int
    var gzip: Bool

    init(_ a: UInt8, _ b: UInt8, _ c: UInt8, fileDelimiter: UInt8?) {
      let sizes = [16, 17, 19, 31, 64, 100, 1000, 4096, 1 << 20]
      bufferSize = sizes[Int(a) % sizes.count]
      encoding = b & 1 == 0 ? .utf8 : .latin1
      gzip = b & 2 != 0
      switch c % 6 {
      case 0: delimiter = .auto
      case 1: delimiter = .byte(fileDelimiter ?? UInt8(ascii: ";"))
      default: delimiter = .byte(FuzzDelimitedReaderTests.delimiters[Int(c) % 4])
      }
    }
  }

  /// What the reader gave: the header, each record (line, fields), then the error if any.
  struct Reading: Equatable {
    var header: [[UInt8]] = []
    var headerLine = 0
    var records: [(line: Int, fields: [[UInt8]])] = []
    var error: String?

    static func == (a: Reading, b: Reading) -> Bool {
      a.header == b.header && a.headerLine == b.headerLine && a.error == b.error
        && a.records.count == b.records.count
        && zip(a.records, b.records).allSatisfy { $0.line == $1.line && $0.fields == $1.fields }
    }
  }

  static func read(_ path: String, _ setup: Setup) throws -> (Reading, UInt8?) {
    var reading = Reading()
    var delimiter: UInt8?
    do {
      let reader = try DelimitedReader(
        path: path, delimiter: setup.delimiter, encoding: setup.encoding, bufferSize: setup.bufferSize)
      delimiter = reader.delimiter
      reading.header = reader.header.map { Array($0.utf8) }
      reading.headerLine = reader.headerLine
      while try reader.next() {
        let fields = (0..<reader.fieldCount).map { [UInt8](reader.field($0)) }
        // Every accessor must work on every field.
        for index in 0..<reader.fieldCount {
          _ = reader.string(index)
          _ = reader.isMissing(index)
        }
        if reader.fieldCountMatchesHeader != (reader.fieldCount == reader.header.count) {
          throw FuzzFailure("fieldCountMatchesHeader disagrees with the counts")
        }
        reading.records.append((reader.line, fields))
        if reading.records.count > 100_000 { throw FuzzFailure("more records than the input has bytes") }
      }
    } catch let error as RegisterIOError {
      reading.error = error.message
    }
    return (reading, delimiter)
  }

  static func check(_ input: [UInt8], folder: String) throws -> String {
    guard input.count >= 3 else { return "short" }
    let text = Array(input.dropFirst(3))
    let declared = text.first { delimiters.contains($0) }
    let setup = Setup(input[0], input[1], input[2], fileDelimiter: declared)
    let path = folder + (setup.gzip ? "/extract.csv.gz" : "/extract.csv")
    try? FileManager.default.removeItem(atPath: folder + "/extract.csv.gz")
    try? FileManager.default.removeItem(atPath: folder + "/extract.csv")
    if setup.gzip {
      let writer = try GzipWriter(path: path, level: 1)
      try writer.write(text)
      try writer.finish()
    } else {
      try fuzzWrite(text, to: path)
    }
    let (actual, chosen) = try read(path, setup)
    if let error = actual.error, error.isEmpty || !error.startsNaming(path) {
      throw FuzzFailure("error does not name the file: \(error)")
    }
    // `auto` must read as the delimiter it chose would; the model takes it from there.
    let separator: UInt8
    if case .byte(let byte) = setup.delimiter {
      separator = byte
    } else if actual.error != nil && actual.header.isEmpty {
      return "error before the header"
    } else {
      separator = chosen ?? 0x0A
    }
    let expected = FuzzTextModel.read(text, separator: separator, utf8: setup.encoding == .utf8, path: path)
    guard actual == expected else {
      throw FuzzFailure(FuzzTextModel.difference(actual, expected, setup: setup))
    }
    if let error = actual.error {
      if error.contains("invalid UTF-8") { return "invalid UTF-8" }
      if error.contains("not closed") { return "unclosed quote" }
      return error.contains("empty") ? "empty" : "other error"
    }
    return actual.records.isEmpty ? "header only" : "records"
  }

  func testRandomTextReadsAsTheModelSays() throws {
    let folder = NSTemporaryDirectory() + "regpipe-fuzz-text-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let summary = Fuzz.run(
      "delimited", cases: 4000, generate: { Self.generate(&$0) },
      check: { try Self.check($0, folder: folder) })
    for outcome in ["records", "invalid UTF-8", "unclosed quote"] {
      XCTAssertGreaterThan(summary.notes[outcome] ?? 0, 0, "no case ended \(outcome)")
    }
  }

  /// Inputs that once broke the reader (`Fixtures/broken/regressions/delimited/`), replayed.
  func testDelimitedRegressions() throws {
    let folder = NSTemporaryDirectory() + "regpipe-fuzz-text-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cases = Fuzz.regressions("delimited")
    for (name, bytes) in cases {
      XCTAssertNoThrow(try Self.check(bytes, folder: folder), name)
    }
  }
}

/// A deliberately plain reference reader of SPEC 2's text rules, one byte at a time:
/// RFC 4180 quoting (doubled quotes, delimiters and line breaks inside quotes are data,
/// text after a closing quote is kept), LF or CRLF line ends, unquoted fields trimmed of
/// spaces and tabs, blank lines skipped, a leading UTF-8 BOM skipped, and for `utf8`
/// sources the first invalid byte reported with its line.
enum FuzzTextModel {
  static func isBlank(_ byte: UInt8, _ separator: UInt8) -> Bool {
    (byte == 0x20 || byte == 0x09) && byte != separator
  }

  /// Trailing blanks off, and first the CR of a CRLF when the field ends its line.
  static func trimEnd(_ field: ArraySlice<UInt8>, atLineEnd: Bool, separator: UInt8) -> [UInt8] {
    var field = field
    if atLineEnd, field.last == 0x0D { field.removeLast() }
    while let last = field.last, isBlank(last, separator) { field.removeLast() }
    return Array(field)
  }

  static func read(_ input: [UInt8], separator: UInt8, utf8: Bool, path: String) -> FuzzDelimitedReaderTests.Reading {
    var reading = FuzzDelimitedReaderTests.Reading()
    var b = input
    if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { b.removeFirst(3) }
    let n = b.count
    var pos = 0
    var line = 1
    var sawHeader = false
    while pos < n {
      let recordLine = line
      let recordStart = pos
      var fields: [[UInt8]] = []
      var sawQuote = false
      var lineFeeds = 0
      var p = pos
      while true {
        while p < n, isBlank(b[p], separator) { p += 1 }
        if p < n, b[p] == 0x22 {
          sawQuote = true
          var value: [UInt8] = []
          var q = p + 1
          var closed = false
          while q < n {
            if b[q] == 0x22 {
              if q + 1 < n, b[q + 1] == 0x22 {
                value.append(0x22)
                q += 2
                continue
              }
              closed = true
              break
            }
            if b[q] == 0x0A { lineFeeds += 1 }
            value.append(b[q])
            q += 1
          }
          guard closed else {
            reading.error = "\(path):\(recordLine): a quoted field is not closed before the end of the file"
            return reading
          }
          var t = q + 1
          while t < n, b[t] != separator, b[t] != 0x0A { t += 1 }
          value += trimEnd(b[(q + 1)..<t], atLineEnd: t == n || b[t] == 0x0A, separator: separator)
          fields.append(value)
          p = t
        } else {
          let start = p
          while p < n, b[p] != separator, b[p] != 0x0A { p += 1 }
          fields.append(trimEnd(b[start..<p], atLineEnd: p == n || b[p] == 0x0A, separator: separator))
        }
        if p == n || b[p] == 0x0A { break }
        p += 1
      }
      let endedWithLineFeed = p < n
      pos = endedWithLineFeed ? p + 1 : p
      line += lineFeeds + (endedWithLineFeed ? 1 : 0)
      if fields.count == 1, !sawQuote, fields[0].isEmpty { continue }
      if utf8, let bad = firstInvalidUTF8(b[recordStart..<pos]) {
        let badLine = recordLine + b[recordStart..<(recordStart + bad)].filter { $0 == 0x0A }.count
        reading.error =
          "\(path):\(badLine): invalid UTF-8; if the file is Latin-1 (Windows-1252), set encoding: latin1 for this source"
        return reading
      }
      if !sawHeader {
        sawHeader = true
        reading.header = fields.map { field in
          utf8 ? field : Array(String(field.map { Character(latin1: $0) }).utf8)
        }
        reading.headerLine = recordLine
      } else {
        reading.records.append((recordLine, fields))
      }
    }
    if !sawHeader { reading.error = "\(path): the file is empty; a header line was expected" }
    return reading
  }

  /// The offset of the first byte of `bytes` that is not valid UTF-8 (Foundation-free,
  /// through the standard library's own decoder, which is strict).
  static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  static func difference(
    _ actual: FuzzDelimitedReaderTests.Reading, _ expected: FuzzDelimitedReaderTests.Reading,
    setup: FuzzDelimitedReaderTests.Setup
  ) -> String {
    let context = "(\(setup.delimiter), \(setup.encoding), buffer \(setup.bufferSize), gzip \(setup.gzip))"
    if actual.error != expected.error {
      return "error \(actual.error ?? "none"), model \(expected.error ?? "none") \(context)"
    }
    if actual.header != expected.header || actual.headerLine != expected.headerLine {
      return
        "header \(actual.header) at \(actual.headerLine), model \(expected.header) at \(expected.headerLine) \(context)"
    }
    for (index, (a, e)) in zip(actual.records, expected.records).enumerated()
    where a.line != e.line || a.fields != e.fields {
      return
        "record \(index): line \(a.line) fields \(a.fields.map(show)), model line \(e.line) fields \(e.fields.map(show)) \(context)"
    }
    return "\(actual.records.count) records, model \(expected.records.count) \(context)"
  }

  static func show(_ field: [UInt8]) -> String {
    field.count > 40 ? "<\(field.count) bytes>" : String(decoding: field, as: UTF8.self).debugDescription
  }
}

extension Character {
  /// A Windows-1252 byte as a character, for the model's Latin-1 header.
  init(latin1 byte: UInt8) {
    let table: [UInt8: UInt32] = [
      0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
      0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
      0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
      0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]
    self = Character(Unicode.Scalar(table[byte] ?? UInt32(byte))!)
  }
}
