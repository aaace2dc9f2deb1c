import XCTest

@testable import RegisterIO

final class DateFormatDetectorTests: XCTestCase {
  func testOneFittingFormatIsChosenAndMissingValuesAreIgnored() throws {
    var detector = DateFormatDetector(column: "INDDTO")
    for value in ["14MAR2019", "", ".", "01jan1960"] { detector.add(value) }
    XCTAssertEqual(detector.sampleCount, 2)
    XCTAssertEqual(detector.candidates, [.sas])
    XCTAssertEqual(try detector.resolve(path: "a.csv"), .sas)
  }

  func testOnlyTheFirstValuesUpToTheLimitDecide() throws {
    var detector = DateFormatDetector(column: "D", sampleLimit: 2)
    for value in ["20190314", "20200101", "not a date"] { detector.add(value) }
    XCTAssertTrue(detector.isComplete)
    XCTAssertEqual(try detector.resolve(path: "a.csv"), .compact)
  }

  func testAnImpossibleDateDoesNotDecideTheFormat() throws {
    // 31FEB2019 parses in no format: the column is ISO, and that row is rejected later.
    var detector = DateFormatDetector(column: "INDDTO")
    for value in ["2019-03-14", "2019-03-15", "31FEB2019"] { detector.add(value) }
    XCTAssertEqual(detector.candidates, [.iso])
    XCTAssertEqual(try detector.resolve(path: "data/stays.csv"), .iso)
  }

  func testValuesNoFormatParsesStopTheRun() {
    var detector = DateFormatDetector(column: "UDDTO")
    detector.add("2019/03/14")
    XCTAssertThrowsError(try detector.resolve(path: "u.csv")) { error in
      XCTAssertEqual("\(error)", "u.csv: column UDDTO: no date format fits any of its first 1 values; set date_format")
    }
  }

  func testAColumnMixingFormatsEquallyIsAmbiguous() {
    var detector = DateFormatDetector(column: "INDDTO")
    for value in ["2019-03-14", "14MAR2019", "20190314", "2019-03-15", "15MAR2019", "20190315"] { detector.add(value) }
    XCTAssertThrowsError(try detector.resolve(path: "s.csv")) { error in
      XCTAssertEqual("\(error)", "s.csv: column INDDTO: date format is ambiguous (iso, sas, compact); set date_format")
    }
  }

  func testAColumnWithoutValuesParsesAsISO() throws {
    XCTAssertEqual(try DateFormatDetector(column: "UDDTO").resolve(path: "a.csv"), .iso)
  }

  func testDetectionFromAFileReadsEachColumnsFirstValues() throws {
    let files = try TemporaryFiles()
    let path = try files.write("PNR;INDDTO;UDDTO\n1;14MAR2019;.\n2;15MAR2019;2019-04-01\n3;bad\n", to: "s.csv")
    XCTAssertEqual(
      try DelimitedReader.detectDateFormats(path: path, columns: ["INDDTO", "UDDTO"]), [.sas, .iso])
    XCTAssertThrowsError(try DelimitedReader.detectDateFormats(path: path, columns: ["FOED_DAG"])) { error in
      XCTAssertEqual("\(error)", "\(path): column FOED_DAG not found; the header has: PNR, INDDTO, UDDTO")
    }
  }
}
