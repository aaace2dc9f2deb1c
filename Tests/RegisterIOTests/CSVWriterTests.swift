import Foundation
import RegisterIO
import RegisterModel
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

  /// Numbers and dates appended as bytes read as `String(value)` and `Day.description`
  /// write them, optional values as empty fields, for the records artefacts hold.
  func testNumbersAndDatesAreWrittenAsTheirTextForms() throws {
    let files = try TemporaryFiles()
    let path = files.directory + "/t.csv"
    let sink = try FileSink(path: path)
    let writer = CSVWriter(sink: sink)
    let numbers = [0, 7, -7, 10, 1_234_567_890, 100_000_000_000_000, Int.max, Int.min]
    let days = [
      Day(year: 2019, month: 3, day: 14)!, Day(year: 1900, month: 1, day: 1)!, Day(year: 999, month: 12, day: 31)!,
      Day(year: 12_000, month: 6, day: 1)!, Day(rawValue: 0), Day(rawValue: -800_000),
    ]
    var expected = ""
    for number in numbers {
      writer.append(int: number)
      expected += String(number) + ","
    }
    for day in days {
      writer.append(day: day)
      expected += day.description + ","
    }
    writer.append(day: nil)
    writer.append(nil as String?)
    writer.append("a,b" as String?)
    try writer.endRow()
    try sink.close()
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), expected + ",,\"a,b\"\n")
    XCTAssertEqual(days[2].description, "0999-12-31")
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
