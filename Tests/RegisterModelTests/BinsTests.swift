import RegisterModel
import XCTest

final class BinsTests: XCTestCase {
  func testRepeatBinsAreNamedAsTheSpecSays() {
    XCTAssertEqual(Bins(lowerBounds: [1, 2, 5]).labels, ["1", "2-4", "5+"])
    XCTAssertEqual(Bins(lowerBounds: [1, 3, 6]).labels, ["1-2", "3-5", "6+"])
  }

  func testDurationBandsAreNamedAsTheSpecSays() {
    XCTAssertEqual(Bins(bandEdges: [30, 90, 180, 365]).labels, ["1-30", "31-90", "91-180", "181-365", "366+"])
    XCTAssertEqual(Bins(bandEdges: [7, 30, 120]).labels, ["1-7", "8-30", "31-120", "121+"])
  }

  func testReturnHorizons() {
    XCTAssertEqual(Bins.horizons([180, 365, 730]), ["0-180", "181-365", "366-730"])
  }

  func testIndexOfValue() {
    let bands = Bins(bandEdges: [30, 90, 180, 365])
    XCTAssertEqual(bands.index(of: 1), 0)
    XCTAssertEqual(bands.index(of: 30), 0)
    XCTAssertEqual(bands.index(of: 31), 1)
    XCTAssertEqual(bands.index(of: 365), 3)
    XCTAssertEqual(bands.index(of: 366), 4)
    XCTAssertNil(bands.index(of: 0))
  }
}
