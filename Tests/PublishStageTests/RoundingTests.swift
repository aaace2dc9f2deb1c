import XCTest

@testable import PublishStage

final class RoundingTests: XCTestCase {
  func testHalfRoundsAwayFromZeroOnTheExactRational() {
    XCTAssertEqual(roundedDecimal(5, 100_000, places: 4), "0.0001")  // 0.00005
    XCTAssertEqual(roundedDecimal(12_345, 100_000, places: 4), "0.1235")  // %.4f gives 0.1234
    XCTAssertEqual(roundedDecimal(9, 4, places: 1), "2.3")  // 2.25
    XCTAssertEqual(roundedDecimal(-9, 4, places: 1), "-2.3")
    XCTAssertEqual(roundedDecimal(9, -4, places: 1), "-2.3")
  }

  func testBelowHalfRoundsDownAndDigitsArePadded() {
    XCTAssertEqual(roundedDecimal(1, 3, places: 4), "0.3333")
    XCTAssertEqual(roundedDecimal(2, 3, places: 4), "0.6667")
    XCTAssertEqual(roundedDecimal(4, 100_000, places: 4), "0.0000")
    XCTAssertEqual(roundedDecimal(1, 1, places: 4), "1.0000")
    XCTAssertEqual(roundedDecimal(80, 4, places: 1), "20.0")
    XCTAssertEqual(roundedDecimal(-1, 100_000, places: 4), "0.0000")
    XCTAssertEqual(roundedDecimal(7, 2, places: 0), "4")
  }
}
