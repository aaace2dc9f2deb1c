import RegisterIO
import XCTest

final class PersonIDTests: XCTestCase {
  private func parse(_ text: String) -> ParsedPersonID {
    var text = text
    return text.withUTF8 { PersonIDParser.parseCPR(UnsafeRawBufferPointer($0)) }
  }

  func testCPRTenDigitsKeyByTheirNumber() {
    XCTAssertEqual(parse("0101011234"), .valid(101_011_234))
    XCTAssertEqual(parse(" 010101-1234 "), .valid(101_011_234))
    XCTAssertEqual(parse("2512 48 9999"), .valid(2_512_489_999))
  }

  func testCPRNineDigitsAreRepairedWithALeadingZero() {
    XCTAssertEqual(parse("101011234"), .repaired(101_011_234))
    XCTAssertEqual(parse("101011234").key, parse("0101011234").key)
  }

  func testCPROtherwiseInvalid() {
    for bad in ["01010112345", "12345678", "01010I1234", "0101011234x", "", ".", "+101011234"] {
      XCTAssertEqual(parse(bad), .invalid, bad)
      XCTAssertNil(parse(bad).key)
    }
  }
}
