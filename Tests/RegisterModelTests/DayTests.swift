import RegisterModel
import XCTest

final class DayTests: XCTestCase {
  func testEpochAndKnownDates() {
    XCTAssertEqual(Day(year: 1970, month: 1, day: 1)?.rawValue, 0)
    XCTAssertEqual(Day(year: 2000, month: 3, day: 1)?.rawValue, 11017)
    XCTAssertEqual(Day(year: 1969, month: 12, day: 31)?.rawValue, -1)
  }

  func testImpossibleDatesAreNil() {
    XCTAssertNil(Day(year: 2019, month: 2, day: 31))
    XCTAssertNil(Day(year: 2021, month: 2, day: 29))
    XCTAssertNotNil(Day(year: 2020, month: 2, day: 29))
    XCTAssertNil(Day(year: 2019, month: 13, day: 1))
    XCTAssertNil(Day(year: 2019, month: 4, day: 31))
  }

  func testCivilRoundTripOverFourCenturies() {
    var day = Day(year: 1800, month: 1, day: 1)!
    let end = Day(year: 2200, month: 12, day: 31)!
    while day <= end {
      let (y, m, d) = day.civil
      XCTAssertEqual(Day(year: y, month: m, day: d), day)
      day = day + 1
    }
  }

  func testISOTextAndArithmetic() {
    let day = Day(iso: "2019-03-14")!
    XCTAssertEqual(day.description, "2019-03-14")
    XCTAssertEqual(day.year, 2019)
    XCTAssertEqual((day + 18).description, "2019-04-01")
    XCTAssertEqual(Day(iso: "2020-01-01")! - Day(iso: "2019-01-01")!, 365)
    XCTAssertNil(Day(iso: "2019-3-14"))
    XCTAssertNil(Day(iso: "14MAR2019"))
  }

  func testStayNights() {
    let start = Day(iso: "2019-12-30")!
    let closed = Stay(person: 1, institution: "A", start: start, end: start + 3, extractDate: start + 100, order: 0)
    XCTAssertEqual(closed.nightCount, 3)
    let sameDay = Stay(person: 1, institution: "A", start: start, end: start, extractDate: start + 100, order: 0)
    XCTAssertEqual(sameDay.nightCount, 1)
    let open = Stay(person: 1, institution: "A", start: start, end: nil, extractDate: start + 10, order: 0)
    XCTAssertEqual(open.nightCount, 10)
    XCTAssertTrue(open.isCensored)
  }
}
