import RegisterModel
import XCTest

@testable import RegisterIO

final class DateFormatParsingTests: XCTestCase {
  private func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

  func testISO() {
    XCTAssertEqual(DateFormat.iso.parse("2019-03-14"), day(2019, 3, 14))
    XCTAssertEqual(DateFormat.iso.parse(" 2020-02-29 "), day(2020, 2, 29))
    for bad in ["2019-3-14", "2019/03/14", "20190314", "2019-02-29", "2019-13-01", "2019-00-10", "2019-03-1x", ""] {
      XCTAssertNil(DateFormat.iso.parse(bad), bad)
    }
  }

  func testSAS() {
    XCTAssertEqual(DateFormat.sas.parse("14MAR2019"), day(2019, 3, 14))
    XCTAssertEqual(DateFormat.sas.parse("01JAN1960"), day(1960, 1, 1))
    XCTAssertEqual(DateFormat.sas.parse("31dec2022"), day(2022, 12, 31))
    XCTAssertEqual(DateFormat.sas.parse("1Feb2021"), day(2021, 2, 1))
    XCTAssertEqual(DateFormat.sas.parse("29FEB2020"), day(2020, 2, 29))
    for bad in ["31FEB2019", "29FEB2021", "14MRZ2019", "14MAR19", "114MAR2019", "MAR142019", "."] {
      XCTAssertNil(DateFormat.sas.parse(bad), bad)
    }
  }

  func testCompact() {
    XCTAssertEqual(DateFormat.compact.parse("20190314"), day(2019, 3, 14))
    for bad in ["2019031", "201903144", "20190230", "2019-314", "20191301"] {
      XCTAssertNil(DateFormat.compact.parse(bad), bad)
    }
  }

  func testDMYWithDashesOrDots() {
    XCTAssertEqual(DateFormat.dmy.parse("14-03-2019"), day(2019, 3, 14))
    XCTAssertEqual(DateFormat.dmy.parse("14.03.2019"), day(2019, 3, 14))
    for bad in ["14-03.2019", "14/03/2019", "31-04-2019", "29.02.2021", "2019-03-14", "1-3-2019"] {
      XCTAssertNil(DateFormat.dmy.parse(bad), bad)
    }
  }

  func testAutoParsesNothingUntilDecided() {
    XCTAssertNil(DateFormat.auto.parse("2019-03-14"))
  }

  /// Every year of the month table and beyond both of its ends, with impossible months
  /// and days: the lookup and the arithmetic give `Day`'s answer.
  func testInlinedDayArithmeticAgreesWithDay() {
    var disagreements: [String] = []
    for year in [1, 1000, 1600] + Array(1790...2210) + [2400, 9999] {
      for month in 0...13 {
        for day in 0...32
        where DateParsing.day(year: year, month: month, day: day) != Day(year: year, month: month, day: day) {
          disagreements.append("\(year)-\(month)-\(day)")
        }
      }
    }
    XCTAssertEqual(disagreements, [])
    XCTAssertEqual(DateParsing.day(year: 1800, month: 1, day: 1), Day(iso: "1800-01-01"))
    XCTAssertEqual(DateParsing.day(year: 2199, month: 12, day: 31), Day(iso: "2199-12-31"))
    XCTAssertNil(DateParsing.day(year: 2024, month: 2, day: 30))
  }

  func testEveryMonthAbbreviation() {
    let names = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    for (index, name) in names.enumerated() {
      XCTAssertEqual(DateFormat.sas.parse("01\(name)2019"), day(2019, index + 1, 1), name)
      XCTAssertEqual(DateFormat.sas.parse("01\(name.lowercased())2019"), day(2019, index + 1, 1), name)
    }
  }
}
