import RegisterIO
import XCTest

final class DelimitedReaderTests: XCTestCase {
  var files: TemporaryFiles!

  override func setUpWithError() throws { files = try TemporaryFiles() }
  override func tearDown() { files = nil }

  struct Record: Equatable {
    var line: Int
    var fields: [String]
  }

  /// Reads every record; a tiny buffer makes records cross buffer refills.
  private func read(
    _ path: String, delimiter: Delimiter = .auto, encoding: TextEncoding = .utf8, bufferSize: Int = 16
  ) throws -> (reader: DelimitedReader, records: [Record]) {
    let reader = try DelimitedReader(path: path, delimiter: delimiter, encoding: encoding, bufferSize: bufferSize)
    var records: [Record] = []
    while try reader.next() {
      records.append(Record(line: reader.line, fields: (0..<reader.fieldCount).map { reader.string($0) }))
    }
    return (reader, records)
  }

  func testQuotedDelimitersAndEmbeddedNewlinesAreData() throws {
    let path = try files.write("id;name;note\n1;\"a;b\";\"x\ny\nz\"\n2;c;d\n", to: "q.csv")
    let (reader, records) = try read(path)
    XCTAssertEqual(reader.header, ["id", "name", "note"])
    XCTAssertEqual(reader.delimiter, UInt8(ascii: ";"))
    XCTAssertEqual(
      records, [Record(line: 2, fields: ["1", "a;b", "x\ny\nz"]), Record(line: 5, fields: ["2", "c", "d"])])
  }

  func testDoubledQuotesAreOneQuote() throws {
    let path = try files.write("a,b\n\"he said \"\"hi\"\"\",\"\"\"\"\n\"\",x\n", to: "d.csv")
    let (_, records) = try read(path)
    XCTAssertEqual(
      records, [Record(line: 2, fields: ["he said \"hi\"", "\""]), Record(line: 3, fields: ["", "x"])])
  }

  func testCRLFLineEndsAndTrimmingOfUnquotedFields() throws {
    let path = try files.write("a,b,c\r\n 1 ,\t2\t, \" 3 \" \r\n4,\"x\r\ny\",5\r\n", to: "crlf.csv")
    let (reader, records) = try read(path)
    XCTAssertEqual(reader.header, ["a", "b", "c"])
    XCTAssertEqual(
      records, [Record(line: 2, fields: ["1", "2", " 3 "]), Record(line: 3, fields: ["4", "x\r\ny", "5"])])
  }

  func testByteOrderMarkIsSkipped() throws {
    let path = try files.write([0xEF, 0xBB, 0xBF] + Array("PNR;KOEN\n0101011234;1\n".utf8), to: "bom.csv")
    let (reader, records) = try read(path)
    XCTAssertEqual(reader.header, ["PNR", "KOEN"])
    XCTAssertEqual(records, [Record(line: 2, fields: ["0101011234", "1"])])
  }

  func testBlankLinesAreSkippedButKeepLineNumbers() throws {
    let path = try files.write("\na;b\n\n1;2\n  \r\n3;4", to: "blank.csv")
    let (reader, records) = try read(path)
    XCTAssertEqual(reader.headerLine, 2)
    XCTAssertEqual(records, [Record(line: 4, fields: ["1", "2"]), Record(line: 6, fields: ["3", "4"])])
  }

  func testRecordsWithAnotherFieldCountAreReportedNotThrown() throws {
    let path = try files.write("a;b;c\n1;2\n1;2;3\n1;2;3;4\n", to: "count.csv")
    let reader = try DelimitedReader(path: path)
    var seen: [(Int, Bool)] = []
    while try reader.next() { seen.append((reader.fieldCount, reader.fieldCountMatchesHeader)) }
    XCTAssertEqual(seen.map(\.0), [2, 3, 4])
    XCTAssertEqual(seen.map(\.1), [false, true, false])
  }

  func testAutoDelimiterTakesTheMostFrequentCandidateOutsideQuotes() throws {
    let cases: [(String, UInt8?)] = [
      ("a,b;c;d\n", UInt8(ascii: ";")),
      ("\"x,y,z\";b\n", UInt8(ascii: ";")),
      ("a\tb\tc|d\n", UInt8(ascii: "\t")),
      ("a|b|c\n", UInt8(ascii: "|")),
      ("a;b,c\n", UInt8(ascii: ";")),  // a tie goes to the first candidate
      ("a,b|c\n", UInt8(ascii: ",")),
      ("PNR\n", nil),
    ]
    for (index, (text, expected)) in cases.enumerated() {
      let reader = try DelimitedReader(path: try files.write(text, to: "auto\(index).csv"))
      XCTAssertEqual(reader.delimiter, expected, text)
    }
  }

  func testSingleColumnFileKeepsDelimiterLikeBytesAsData() throws {
    let path = try files.write("PNR\n0101011234\n01-01 01,1234\n", to: "one.csv")
    let (reader, records) = try read(path)
    XCTAssertEqual(reader.header, ["PNR"])
    XCTAssertEqual(
      records, [Record(line: 2, fields: ["0101011234"]), Record(line: 3, fields: ["01-01 01,1234"])])
  }

  func testExplicitDelimiterIsUsedAsGiven() throws {
    let path = try files.write("a;b,c\n1;2,3\n", to: "explicit.csv")
    let (reader, records) = try read(path, delimiter: .byte(UInt8(ascii: ",")))
    XCTAssertEqual(reader.header, ["a;b", "c"])
    XCTAssertEqual(records, [Record(line: 2, fields: ["1;2", "3"])])
  }

  func testGzipInputIsReadThroughByteReader() throws {
    var text = "PNR|BOFORM|INDDTO\n"
    for i in 0..<2000 { text += "\(1_000_000_000 + i)|B\(i % 7)|14MAR2019\n" }
    let path = try files.write(text, to: "stays.csv.gz", gzip: true)
    let (reader, records) = try read(path, bufferSize: 1000)
    XCTAssertEqual(reader.delimiter, UInt8(ascii: "|"))
    XCTAssertEqual(records.count, 2000)
    XCTAssertEqual(records[1999], Record(line: 2001, fields: ["1000001999", "B4", "14MAR2019"]))
  }

  func testLatin1IsReadAsWindows1252() throws {
    let bytes: [UInt8] =
      Array("navn;pris\n".utf8) + [0xE6, 0xF8, 0xE5, 0x3B, 0xC6, 0xD8, 0xC5, 0x0A]
      + [0x80, 0x3B, 0x96, 0x0A]
    let path = try files.write(bytes, to: "latin1.csv")
    let (_, records) = try read(path, encoding: .latin1)
    XCTAssertEqual(records, [Record(line: 2, fields: ["æøå", "ÆØÅ"]), Record(line: 3, fields: ["€", "–"])])
  }

  func testInvalidUTF8NamesFileAndLineWithoutTheValue() throws {
    let bytes: [UInt8] = Array("a;b\n1;2\n3;\"x\n".utf8) + [0xE6] + Array("\"\n".utf8)
    let path = try files.write(bytes, to: "bad.csv")
    XCTAssertThrowsError(try read(path)) { error in
      XCTAssertEqual(
        "\(error)",
        "\(path):4: invalid UTF-8; if the file is Latin-1 (Windows-1252), set encoding: latin1 for this source")
    }
  }

  func testValidUTF8WithDanishLettersIsAccepted() throws {
    let path = try files.write("navn\nÆble Øster Å\n", to: "utf8.csv")
    XCTAssertEqual(try read(path).records, [Record(line: 2, fields: ["Æble Øster Å"])])
  }

  func testUnclosedQuoteIsAnErrorAtTheRecordsLine() throws {
    let path = try files.write("a;b\n1;2\n3;\"open\n4;5\n", to: "open.csv")
    XCTAssertThrowsError(try read(path)) { error in
      XCTAssertEqual("\(error)", "\(path):3: a quoted field is not closed before the end of the file")
    }
  }

  func testEmptyFileIsAnError() throws {
    let path = try files.write("\n\n", to: "empty.csv")
    XCTAssertThrowsError(try DelimitedReader(path: path)) { error in
      XCTAssertEqual("\(error)", "\(path): the file is empty; a header line was expected")
    }
  }

  func testRecordLongerThanTheBufferIsReadWhole() throws {
    let long = String(repeating: "x", count: 5000)
    let path = try files.write("a;b\n\(long);\"\(long)\"\n1;2\n", to: "long.csv")
    let (_, records) = try read(path, bufferSize: 64)
    XCTAssertEqual(records, [Record(line: 2, fields: [long, long]), Record(line: 3, fields: ["1", "2"])])
  }

  func testTextAfterAClosingQuoteIsKept() throws {
    let path = try files.write("a;b\n\"ab\"cd ;\"x\"  \n", to: "tail.csv")
    XCTAssertEqual(try read(path).records, [Record(line: 2, fields: ["abcd", "x"])])
  }

  func testColumnLookupIsExactThenUniqueIgnoringCase() throws {
    let path = try files.write("PNR;koen;Kom;KOM\n", to: "cols.csv")
    let reader = try DelimitedReader(path: path)
    XCTAssertEqual(reader.columnIndex("PNR"), 0)
    XCTAssertEqual(reader.columnIndex("pnr"), 0)
    XCTAssertEqual(reader.columnIndex("KOEN"), 1)
    XCTAssertEqual(reader.columnIndex("KOM"), 3)
    XCTAssertNil(reader.columnIndex("kOm"))
    XCTAssertThrowsError(try reader.requireColumn("INDDTO")) { error in
      XCTAssertEqual("\(error)", "\(path): column INDDTO not found; the header has: PNR, koen, Kom, KOM")
    }
  }

  func testFieldsAreBytesAndMissingMeansEmptyOrDot() throws {
    let path = try files.write("a;b;c\n.;;x\n", to: "missing.csv")
    let reader = try DelimitedReader(path: path)
    XCTAssertTrue(try reader.next())
    XCTAssertEqual(Array(reader.field(2)), [UInt8(ascii: "x")])
    XCTAssertEqual([0, 1, 2].map { reader.isMissing($0) }, [true, true, false])
  }

  func testEmptyFieldsAreKeptAndALineOfDelimitersIsNotBlank() throws {
    let path = try files.write("a;b;c\n;;\n1;;\n\"\"\n", to: "empty-fields.csv")
    XCTAssertEqual(
      try read(path).records,
      [
        Record(line: 2, fields: ["", "", ""]), Record(line: 3, fields: ["1", "", ""]),
        Record(line: 4, fields: [""]),
      ])
  }

  func testWideRecordsGrowTheFieldTable() throws {
    let names = (0..<150).map { "c\($0)" }
    let values = (0..<150).map { "\($0 * 3)" }
    let path = try files.write(
      names.joined(separator: ",") + "\n" + values.joined(separator: ",") + "\n", to: "wide.csv")
    let (reader, records) = try read(path, bufferSize: 4096)
    XCTAssertEqual(reader.header.count, 150)
    XCTAssertEqual(records, [Record(line: 2, fields: values)])
  }
}
