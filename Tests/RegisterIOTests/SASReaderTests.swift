import Foundation
import RegisterModel
import XCTest

@testable import RegisterIO

final class SASReaderTests: XCTestCase {
  fileprivate var files: TemporaryFiles!

  override func setUpWithError() throws { files = try TemporaryFiles() }
  // XCTest keeps every test case alive to the end of the run: drop the files now.
  override func tearDown() { files = nil }

  /// SAS day numbers count from 1960-01-01.
  private static func sasDate(_ year: Int, _ month: Int, _ day: Int) -> Double {
    Double(Day(year: year, month: month, day: day)!.rawValue + 3653)
  }

  private static let columns = [
    SASWriter.Column("pnr", numeric: true), SASWriter.Column("INST", numeric: false),
    SASWriter.Column("INDDTO", numeric: true, format: "DATE9"),
    SASWriter.Column("UDDTO", numeric: true, format: "DATETIME20"),
    SASWriter.Column("KOM", numeric: true), SASWriter.Column("NAVN", numeric: false),
    SASWriter.Column("BELOB", numeric: true),
  ]

  private static let rows: [[SASWriter.Value]] = [
    [
      .number(101_010_001), .text("  A1"), .number(sasDate(2019, 3, 14)),
      .number(sasDate(2019, 3, 20) * 86_400 + 3_600),
      .number(101), .text("København"), .number(0.1),
    ],
    [.number(2_503_920_017), .missing, .missing, .missing, .missing, .text(""), .number(-2.5)],
  ]

  fileprivate func dataset(_ compression: SASWriter.Compression, is64Bit: Bool) throws -> String {
    let path = files.directory + "/stays.sas7bdat"
    try SASWriter.write(Self.rows, columns: Self.columns, to: path, compression: compression, is64Bit: is64Bit)
    return path
  }

  /// Uncompressed and RLE, 32- and 64-bit alike: names as stored, numbers as
  /// whole-number text, dates and datetimes as days, missing values missing, rows
  /// numbered from 1.
  func testRowsReadBackTyped() throws {
    for (compression, is64Bit) in [(SASWriter.Compression.none, true), (.rle, true), (.none, false), (.rle, false)] {
      let reader = try SASReader(path: try dataset(compression, is64Bit: is64Bit))
      XCTAssertEqual(reader.header, ["pnr", "INST", "INDDTO", "UDDTO", "KOM", "NAVN", "BELOB"])
      XCTAssertEqual(reader.isNumeric, [true, false, true, true, true, false, true])
      XCTAssertEqual(reader.formats[2].uppercased().hasPrefix("DATE9"), true)
      XCTAssertEqual(reader.announcedRows, 2)
      XCTAssertTrue(try reader.next())
      XCTAssertEqual(reader.line, 1)
      XCTAssertEqual(reader.string(0), "101010001")
      XCTAssertEqual(reader.string(1), "A1", "surrounding spaces are trimmed, as in text")
      XCTAssertEqual(reader.day(2, .iso), Day(year: 2019, month: 3, day: 14))
      XCTAssertEqual(reader.day(3, .iso), Day(year: 2019, month: 3, day: 20), "a datetime's date")
      XCTAssertEqual(reader.string(4), "101")
      XCTAssertEqual(reader.string(5), "København")
      XCTAssertEqual(reader.string(6), "0.1")
      XCTAssertTrue(reader.isFractionalNumber(6))
      XCTAssertFalse(reader.isFractionalNumber(4))
      XCTAssertFalse(reader.isMissing(1))
      XCTAssertTrue(try reader.next())
      XCTAssertEqual(reader.line, 2)
      XCTAssertEqual(reader.string(0), "2503920017")
      XCTAssertTrue(reader.isMissing(1))
      XCTAssertTrue(reader.isMissing(2))
      XCTAssertNil(reader.day(2, .iso))
      XCTAssertTrue(reader.isMissing(4))
      XCTAssertTrue(reader.isMissing(5), "a blank character value is missing")
      XCTAssertEqual(reader.string(6), "-2.5")
      XCTAssertFalse(try reader.next())
      XCTAssertFalse(try reader.next())
    }
  }

  /// Many batches, and a reader dropped after one row ends its parse (no hang).
  func testManyRowsAndAnEarlyStop() throws {
    let rows = (0..<10_000).map { [SASWriter.Value.number(Double($0)), .text("x\($0)")] }
    let path = files.directory + "/many.sas7bdat"
    try SASWriter.write(rows, columns: [.init("N", numeric: true), .init("T", numeric: false)], to: path)
    let reader = try SASReader(path: path)
    var count = 0
    while try reader.next() {
      XCTAssertEqual(reader.string(0), String(count))
      XCTAssertEqual(reader.string(1), "x\(count)")
      count += 1
    }
    XCTAssertEqual(count, 10_000)
    for _ in 0..<5 {
      let early = try SASReader(path: path)
      XCTAssertTrue(try early.next())
    }
  }

  func testNotASASDatasetIsAClearError() throws {
    let path = try files.write("PNR,INST\n1,2\n", to: "fake.sas7bdat")
    XCTAssertThrowsError(try SASReader(path: path)) {
      XCTAssertEqual("\($0)", "\(path): not a SAS dataset (sas7bdat)")
    }
  }

  /// A file cut short stops the read with the row where it failed.
  func testATruncatedDatasetNamesTheRow() throws {
    let rows = (0..<20_000).map { [SASWriter.Value.number(Double($0)), .text("value \($0)")] }
    let whole = files.directory + "/whole.sas7bdat"
    try SASWriter.write(rows, columns: [.init("N", numeric: true), .init("T", numeric: false)], to: whole)
    let data = try XCTUnwrap(FileManager.default.contents(atPath: whole))
    let path = try files.write(Array(data.prefix(data.count * 2 / 3)), to: "cut.sas7bdat")
    var read = 0
    do {
      let reader = try SASReader(path: path)
      while try reader.next() { read += 1 }
      XCTFail("read \(read) rows of a truncated dataset without an error")
    } catch {
      // ReadStat reads every page's metadata first, so the cut shows before row 1.
      XCTAssertEqual("\(error)", "\(path): the SAS dataset is truncated: its pages end before row 1 could be read")
      XCTAssertLessThan(read, 20_000)
    }
  }

  func testDatesFromNumbers() {
    XCTAssertEqual(SASReader.day(sasValue: 0, format: "DATE9"), Day(year: 1960, month: 1, day: 1))
    XCTAssertEqual(SASReader.day(sasValue: -1, format: ""), Day(year: 1959, month: 12, day: 31))
    XCTAssertEqual(SASReader.day(sasValue: 86_399.5, format: "DATETIME20"), Day(year: 1960, month: 1, day: 1))
    XCTAssertEqual(SASReader.day(sasValue: -0.5, format: "E8601DT19"), Day(year: 1959, month: 12, day: 31))
    XCTAssertNil(SASReader.day(sasValue: 21_000.5, format: "DATE9"), "a non-integral date")
    XCTAssertNil(SASReader.day(sasValue: 1e12, format: "DATE9"), "out of range")
    XCTAssertEqual(SASReader.text(of: 101), "101")
    XCTAssertEqual(SASReader.text(of: 0.1), "0.1")
    XCTAssertEqual(SASReader.text(of: -0.0), "0")
  }
}

extension SASReaderTests {
  /// A dataset with deleted rows (SAS's DELOBS, in the row-size subheader) is refused:
  /// ReadStat 1.1.8 would return them as live. Made by setting DELOBS in a written file,
  /// 32- and 64-bit.
  func testDeletedRowsAreRefused() throws {
    for is64Bit in [true, false] {
      let path = try dataset(.none, is64Bit: is64Bit)
      XCTAssertEqual(SASDeletedRows.count(path: path), 0)
      var bytes = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: path)))
      let width = is64Bit ? 8 : 4
      let signature: [UInt8] = is64Bit ? [0xF7, 0xF7, 0xF7, 0xF7, 0, 0, 0, 0] : [0xF7, 0xF7, 0xF7, 0xF7]
      let subheader = try XCTUnwrap(
        (0..<(bytes.count - 8 * width)).first {
          Array(bytes[$0..<($0 + width)]) == signature && bytes[$0 + 6 * width] == 2
        })
      bytes[subheader + 7 * width] = 1
      let deleted = try files.write(bytes, to: "deleted.sas7bdat")
      XCTAssertEqual(SASDeletedRows.count(path: deleted), 1)
      XCTAssertThrowsError(try SASReader(path: deleted)) {
        XCTAssertEqual(
          "\($0)",
          "\(deleted): the SAS dataset has 1 deleted row, which this ReadStat (1.1.8) would read as live rows; write a "
            + "clean copy in SAS first (data copy; set original; run;)")
      }
    }
  }
}

extension SASReaderTests {
  /// SAS's special missing values `.A`–`.Z` and `._` read as missing numbers, as `.` does,
  /// never as a number or a date, uncompressed and RLE alike.
  func testSpecialMissingValuesAreMissing() throws {
    let columns = [SASWriter.Column("KOM", numeric: true), SASWriter.Column("INDDTO", numeric: true, format: "DATE9")]
    let tags: [Character] = ["A", "Z", "_"]
    let rows = tags.map { [SASWriter.Value.specialMissing($0), .specialMissing($0)] } + [[.number(101), .number(0)]]
    for compression in SASWriter.Compression.allCases {
      let path = files.directory + "/special.sas7bdat"
      try SASWriter.write(rows, columns: columns, to: path, compression: compression)
      let reader = try SASReader(path: path)
      for tag in tags {
        XCTAssertTrue(try reader.next())
        XCTAssertTrue(reader.isMissing(0), ".\(tag)")
        XCTAssertEqual(reader.string(0), "", ".\(tag)")
        XCTAssertNil(reader.day(1, .sas), ".\(tag)")
        XCTAssertFalse(reader.isFractionalNumber(0), ".\(tag)")
      }
      XCTAssertTrue(try reader.next())
      XCTAssertEqual(reader.string(0), "101")
      XCTAssertEqual(reader.day(1, .sas), Day(year: 1960, month: 1, day: 1))
      XCTAssertFalse(try reader.next())
    }
  }

  /// Only the variables asked for are read (any case); the others read as missing.
  func testOnlyTheNamedVariablesAreRead() throws {
    let reader = try SASReader(path: try dataset(.rle, is64Bit: true), variables: ["PNR", "inddto"])
    XCTAssertEqual(reader.header, ["pnr", "INST", "INDDTO", "UDDTO", "KOM", "NAVN", "BELOB"])
    XCTAssertTrue(try reader.next())
    XCTAssertEqual(reader.string(0), "101010001")
    XCTAssertEqual(reader.day(2, .iso), Day(year: 2019, month: 3, day: 14))
    XCTAssertTrue(reader.isMissing(1))
    XCTAssertEqual(reader.string(5), "")
    XCTAssertNil(reader.day(3, .iso))
    XCTAssertFalse(reader.isFractionalNumber(6))
    XCTAssertTrue(try reader.next())
    XCTAssertEqual(reader.string(0), "2503920017")
    XCTAssertFalse(try reader.next())
  }
}

extension SASReaderTests {
  private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  /// RDC (`COMPRESS=BINARY`) datasets, rewritten from the demo's RLE copies by
  /// `scripts/make_sas_rdc.py` and checked there with pandas, read as their originals:
  /// the same rows, every field's text, date and missingness, the same row numbers.
  func testRDCDatasetsReadAsTheirRLEOriginals() throws {
    for (name, rows) in [("boform110_2023", 239), ("lpr_psyk", 10_281)] {
      let rdc = try SASReader(path: Self.root + "/Fixtures/sas-rdc/\(name).sas7bdat")
      let rle = try SASReader(path: Self.root + "/Fixtures/demo-sas/\(name).sas7bdat")
      XCTAssertEqual(rdc.header, rle.header, name)
      XCTAssertEqual(rdc.formats, rle.formats, name)
      XCTAssertEqual(rdc.announcedRows, rows, name)
      var read = 0
      while try rdc.next() {
        XCTAssertTrue(try rle.next(), "\(name): more rows than the original")
        read += 1
        XCTAssertEqual(rdc.line, read)
        for index in rdc.header.indices {
          XCTAssertEqual(rdc.string(index), rle.string(index), "\(name) row \(read) \(rdc.header[index])")
          XCTAssertEqual(rdc.isMissing(index), rle.isMissing(index), "\(name) row \(read) \(rdc.header[index])")
          XCTAssertEqual(rdc.day(index, .sas), rle.day(index, .sas), "\(name) row \(read) \(rdc.header[index])")
        }
      }
      XCTAssertFalse(try rle.next(), "\(name): fewer rows than the original")
      XCTAssertEqual(read, rows, name)
    }
  }

  /// A 32-bit RDC dataset: `stays32_rle.sas7bdat` is what ReadStat's writer makes of this
  /// test's rows (`REGPIPE_RECORD_SAS_RDC=1` writes it again), `stays32_rdc.sas7bdat`
  /// that file rewritten by `scripts/make_sas_rdc.py`; it reads as the rows written.
  func testA32BitRDCDatasetReadsAsWritten() throws {
    let source = Self.root + "/Fixtures/sas-rdc/stays32_rle.sas7bdat"
    let written = try dataset(.rle, is64Bit: false)
    if ProcessInfo.processInfo.environment["REGPIPE_RECORD_SAS_RDC"] == "1" {
      try? FileManager.default.removeItem(atPath: source)
      try FileManager.default.copyItem(atPath: written, toPath: source)
    }
    XCTAssertEqual(
      FileManager.default.contents(atPath: written), FileManager.default.contents(atPath: source),
      "rerun with REGPIPE_RECORD_SAS_RDC=1, then scripts/make_sas_rdc.py")
    let reader = try SASReader(path: Self.root + "/Fixtures/sas-rdc/stays32_rdc.sas7bdat")
    XCTAssertEqual(reader.header, ["pnr", "INST", "INDDTO", "UDDTO", "KOM", "NAVN", "BELOB"])
    XCTAssertTrue(try reader.next())
    XCTAssertEqual(
      reader.header.indices.map(reader.string), ["101010001", "A1", "21622", "1868662800", "101", "København", "0.1"])
    XCTAssertEqual(reader.day(2, .sas), Day(year: 2019, month: 3, day: 14))
    XCTAssertEqual(reader.day(3, .sas), Day(year: 2019, month: 3, day: 20))
    XCTAssertTrue(try reader.next())
    XCTAssertEqual(reader.header.indices.map(reader.string), ["2503920017", "", "", "", "", "", "-2.5"])
    XCTAssertEqual(reader.header.indices.map(reader.isMissing), [false, true, true, true, true, true, false])
    XCTAssertFalse(try reader.next())
  }
}
