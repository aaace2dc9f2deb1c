import Foundation
import RegisterIO
import XCTest

/// `DelimitedReader.nextSegment(minimumBytes:)` and `init(segment:)`: a file read in
/// segments gives the records, lines and errors of the file read whole, whatever the
/// segment size and wherever quoted line breaks fall.
final class DelimitedSegmentsTests: XCTestCase {
  private var files: TemporaryFiles!

  override func setUpWithError() throws { files = try TemporaryFiles() }
  override func tearDown() { files = nil }

  /// Quoted fields holding line breaks, delimiters and doubled quotes, a stray quote
  /// inside an unquoted field, CRLF and blank lines, and one record longer than the
  /// smallest buffers.
  static let quoted =
    "PNR;NOTE;START\n"
    + (0..<40).map { i in
      switch i % 5 {
      case 0: "010101\(1000 + i);\"two\nlines; and \"\"quotes\"\"\";2019-01-\(10 + i % 19)\n"
      case 1: "010101\(1000 + i);5'11\" tall;2019-02-01\r\n"
      case 2: "\n010101\(1000 + i);plain;2019-03-01\n"
      case 3: "010101\(1000 + i);\"\(String(repeating: "long ", count: 30))\";2019-04-01\n"
      default: "010101\(1000 + i);\"\n\n\";2019-05-01\n"
      }
    }.joined()

  /// No quote at all: segments are cut at the last line feed.
  static let plain = "PNR;START\n" + (0..<200).map { "010101\(1000 + $0);2019-01-01\n" }.joined()

  private func write(_ text: String, _ name: String) throws -> String {
    try files.write(text, to: name, gzip: name.hasSuffix(".gz"))
  }

  /// Each record as "line: field|field|…".
  private func records(_ reader: DelimitedReader) throws -> [String] {
    var result: [String] = []
    while try reader.next() {
      result.append("\(reader.line): " + (0..<reader.fieldCount).map(reader.string).joined(separator: "|"))
    }
    return result
  }

  /// The records of `path` read in segments of at least `size` bytes (buffers of 16).
  private func segmented(_ path: String, size: Int) throws -> (records: [String], segments: Int) {
    let reader = try DelimitedReader(path: path, delimiter: .byte(UInt8(ascii: ";")), bufferSize: 16)
    var result: [String] = []
    var segments = 0
    while let segment = try reader.nextSegment(minimumBytes: size) {
      segments += 1
      let part = DelimitedReader(segment: segment)
      XCTAssertEqual(part.header, reader.header)
      result += try records(part)
    }
    return (result, segments)
  }

  func testSegmentsGiveTheRecordsAndLinesOfOneRead() throws {
    for (text, name) in [(Self.quoted, "quoted.csv"), (Self.quoted, "quoted.csv.gz"), (Self.plain, "plain.csv.gz")] {
      let path = try write(text, name)
      let whole = try records(DelimitedReader(path: path, delimiter: .byte(UInt8(ascii: ";"))))
      XCTAssertEqual(whole.count, text == Self.plain ? 200 : 40, name)
      for size in [1, 16, 100, 1000, 1 << 20] {
        let (records, segments) = try segmented(path, size: size)
        XCTAssertEqual(records, whole, "\(name), segments of \(size) bytes")
        // The buffer grows to hold the long records and stays grown: fewer, larger cuts.
        if size <= 16 { XCTAssertGreaterThan(segments, text == Self.plain ? 100 : 10, name) }
        if size == 1 << 20 { XCTAssertEqual(segments, 1, name) }
      }
    }
    // The first record's quoted line break: the next record starts two lines on.
    let path = try write(Self.quoted, "first.csv")
    XCTAssertEqual(try segmented(path, size: 1).records.prefix(2).map { $0.prefix(3) }, ["2: ", "4: "])
  }

  func testAnErrorInALaterSegmentNamesTheFilesLine() throws {
    var bytes = Array(Self.plain.utf8)
    let line150 = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }[148] + 1
    bytes[line150 + 3] = 0xE6  // Latin-1 æ in a UTF-8 file
    let path = try files.write(bytes, to: "bad.csv")
    let expected =
      "\(path):150: invalid UTF-8; if the file is Latin-1 (Windows-1252), set encoding: latin1 for this source"
    XCTAssertThrowsError(try records(DelimitedReader(path: path, delimiter: .byte(UInt8(ascii: ";"))))) {
      XCTAssertEqual("\($0)", expected)
    }
    XCTAssertThrowsError(try segmented(path, size: 64)) { XCTAssertEqual("\($0)", expected) }
  }

  func testAQuoteOpenAtTheEndIsTheLastSegmentsError() throws {
    let path = try write(Self.plain + "0101019999;\"open\n2019-01-01\n", "open.csv")
    let expected = "\(path):202: a quoted field is not closed before the end of the file"
    XCTAssertThrowsError(try records(DelimitedReader(path: path, delimiter: .byte(UInt8(ascii: ";"))))) {
      XCTAssertEqual("\($0)", expected)
    }
    XCTAssertThrowsError(try segmented(path, size: 64)) { XCTAssertEqual("\($0)", expected) }
  }
}
