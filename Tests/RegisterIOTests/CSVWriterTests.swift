import Foundation
import RegisterIO
import XCTest

final class CSVWriterTests: XCTestCase {
  func testAFieldIsQuotedOnlyWhenNeeded() {
    XCTAssertEqual(CSVWriter.field("plain"), "plain")
    XCTAssertEqual(CSVWriter.field("a,b"), "\"a,b\"")
    XCTAssertEqual(CSVWriter.field("a,b", delimiter: UInt8(ascii: ";")), "a,b")
    XCTAssertEqual(CSVWriter.field("a;b", delimiter: UInt8(ascii: ";")), "\"a;b\"")
    XCTAssertEqual(CSVWriter.field("say \"hi\""), "\"say \"\"hi\"\"\"")
    XCTAssertEqual(CSVWriter.field("two\nlines"), "\"two\nlines\"")
    XCTAssertEqual(CSVWriter.field("two\r\nlines"), "\"two\r\nlines\"", "CRLF is one Character but two bytes")
  }

  func testQuotesOnlyWhereNeededAndEndsRowsWithLF() throws {
    let files = try TemporaryFiles()
    let path = files.directory + "/t.csv"
    let sink = try FileSink(path: path)
    let writer = CSVWriter(sink: sink)
    try writer.writeRow(["group", "persons", "suppressed"])
    try writer.writeRow(["short", "", "persons|share"])
    try writer.writeRow(["a,b", "say \"hi\"", "x\ny", "cr\r"])
    try sink.close()
    XCTAssertEqual(
      try String(contentsOfFile: path, encoding: .utf8),
      "group,persons,suppressed\nshort,,persons|share\n\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"cr\r\"\n")
  }

  func testGzipSinkRoundTripsThroughTheReader() throws {
    let files = try TemporaryFiles()
    let path = files.directory + "/t.csv.gz"
    let sink = try GzipWriter(path: path)
    let writer = CSVWriter(sink: sink, delimiter: UInt8(ascii: ";"))
    try writer.writeRow(["id", "note"])
    writer.append("1")
    writer.append("semi;colon")
    try writer.endRow()
    try sink.finish()
    let reader = try DelimitedReader(path: path)
    XCTAssertTrue(try reader.next())
    XCTAssertEqual([reader.string(0), reader.string(1)], ["1", "semi;colon"])
    XCTAssertFalse(try reader.next())
  }
}
