import RegisterIO
import RegisterModel
import XCTest

final class FieldValueTests: XCTestCase {
  private func missing(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { FieldValue.isMissing(UnsafeRawBufferPointer($0)) }
  }

  func testSASDotAndEmptyAreMissing() {
    XCTAssertTrue(missing(""))
    XCTAssertTrue(missing("."))
    XCTAssertTrue(missing(" . "))
    XCTAssertFalse(missing(".."))
    XCTAssertFalse(missing("0"))
  }

  func testSexCodes() {
    for code in ["1", "M", "m", "male", "MALE", " Male "] { XCTAssertEqual(Sex(code: code), .male, code) }
    for code in ["2", "K", "k", "F", "f", "female", "Female"] { XCTAssertEqual(Sex(code: code), .female, code) }
    for code in ["", ".", "0", "3", "mand", "kvinde", "X"] { XCTAssertNil(Sex(code: code), code) }
  }

  func testMunicipalityCodesBecomeThreeDigits() {
    XCTAssertEqual(FieldValue.municipality("0101"), "101")
    XCTAssertEqual(FieldValue.municipality(" 0851 "), "851")
    XCTAssertEqual(FieldValue.municipality("101"), "101")
    XCTAssertEqual(FieldValue.municipality("1101"), "1101")
    XCTAssertEqual(FieldValue.municipality("0abc"), "0abc")
    XCTAssertEqual(FieldValue.municipality("Aarhus"), "Aarhus")
  }
}
