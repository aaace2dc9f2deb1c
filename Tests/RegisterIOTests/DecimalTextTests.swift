import RegisterIO
import XCTest

final class DecimalTextTests: XCTestCase {
  func testRoundsHalfAwayFromZeroOnTheShortestDecimalForm() {
    XCTAssertEqual(DecimalText.render(0.35, decimals: 1), "0.4")  // stored as 0.34999…
    XCTAssertEqual(DecimalText.render(2.675, decimals: 2), "2.68")
    XCTAssertEqual(DecimalText.render(0.125, decimals: 2), "0.13")
    XCTAssertEqual(DecimalText.render(-0.125, decimals: 2), "-0.13")
    XCTAssertEqual(DecimalText.render(0.00005, decimals: 4), "0.0001")
    XCTAssertEqual(DecimalText.render(0.00004999, decimals: 4), "0.0000")
  }

  func testCarriesAndPads() {
    XCTAssertEqual(DecimalText.render(99.96, decimals: 1), "100.0")
    XCTAssertEqual(DecimalText.render(9.5, decimals: 0), "10")
    XCTAssertEqual(DecimalText.render(0.5, decimals: 0), "1")
    XCTAssertEqual(DecimalText.render(0.4, decimals: 0), "0")
    XCTAssertEqual(DecimalText.render(1, decimals: 4), "1.0000")
    XCTAssertEqual(DecimalText.render(1234.5, decimals: 3), "1234.500")
    XCTAssertEqual(DecimalText.render(0, decimals: 2), "0.00")
  }

  func testNoNegativeZeroAndNoNonFinite() {
    XCTAssertEqual(DecimalText.render(-0.0, decimals: 1), "0.0")
    XCTAssertEqual(DecimalText.render(-0.00001, decimals: 4), "0.0000")
    XCTAssertNil(DecimalText.render(.infinity, decimals: 1))
  }
}
