@testable import RegisterIO
import XCTest

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

  func testNoFittingFormatNamesTheBestOne() {
    var detector = DateFormatDetector(column: "INDDTO")
    for value in ["2019-03-14", "2019-03-15", "31FEB2019"] { detector.add(value) }
    XCTAssertThrowsError(try detector.resolve(path: "data/stays.csv")) { error in
      XCTAssertEqual(
        "\(error)",
        "data/stays.csv: column INDDTO: no date format fits all of its first 3 values (iso fits 2); set date_format")
    }
  }

  func testValuesNoFormatParsesGiveTheShortMessage() {
    var detector = DateFormatDetector(column: "UDDTO")
    detector.add("2019/03/14")
    XCTAssertThrowsError(try detector.resolve(path: "u.csv")) { error in
      XCTAssertEqual("\(error)", "u.csv: column UDDTO: no date format fits all of its first 1 values; set date_format")
    }
  }

  func testAmbiguityListsTheCandidates() {
    // The four formats have disjoint shapes, so no sample is ambiguous today; the
    // message is fixed here for any format added later.
    XCTAssertEqual(
      DateFormatDetector.ambiguityError(path: "s.csv", column: "INDDTO", candidates: [.iso, .compact]).message,
      "s.csv: column INDDTO: date format is ambiguous (iso, compact); set date_format")
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
