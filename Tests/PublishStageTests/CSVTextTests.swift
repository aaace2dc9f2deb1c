import XCTest

@testable import PublishStage

final class CSVTextTests: XCTestCase {
  func testFieldsAreQuotedOnlyWhenNeeded() {
    XCTAssertEqual(CSVText.field("plain"), "plain")
    XCTAssertEqual(CSVText.field("a,b"), "\"a,b\"")
    XCTAssertEqual(CSVText.field("say \"hi\""), "\"say \"\"hi\"\"\"")
    XCTAssertEqual(CSVText.field("two\nlines"), "\"two\nlines\"")
  }

  func testRecordsReadQuotesLineBreaksAndCRLF() {
    XCTAssertEqual(
      CSVText.records("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\n\"two\nlines\",,z"),
      [["a", "b", "c"], ["x,1", "say \"hi\"", ""], ["two\nlines", "", "z"]])
    XCTAssertEqual(CSVText.records("a\n\n"), [["a"], [""]])
    XCTAssertEqual(CSVText.records(""), [])
  }
}
