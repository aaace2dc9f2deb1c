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

  func testInlinedDayArithmeticAgreesWithDay() {
    for year in [1, 1899, 1900, 1960, 1999, 2000, 2019, 2020, 2100, 2400, 9999] {
      for month in 0...13 {
        for day in 0...32 {
          XCTAssertEqual(
            DateParsing.day(year: year, month: month, day: day), Day(year: year, month: month, day: day),
            "\(year)-\(month)-\(day)")
        }
      }
    }
  }

  func testEveryMonthAbbreviation() {
    let names = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    for (index, name) in names.enumerated() {
      XCTAssertEqual(DateFormat.sas.parse("01\(name)2019"), day(2019, index + 1, 1), name)
      XCTAssertEqual(DateFormat.sas.parse("01\(name.lowercased())2019"), day(2019, index + 1, 1), name)
    }
  }
}
