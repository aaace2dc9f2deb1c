import XCTest

@testable import PipelineRunner

/// How `inspect` masks a rejected row: the id field by position, and any field that
/// reads as a CPR number wherever it is.
final class InspectMaskingTests: XCTestCase {
  func testTheIdFieldAndCPRLikeFieldsAreMasked() {
    XCTAssertEqual(
      Inspect.maskedRow("ABC-12;Hjørnet;31FEB2020;0101800014", idPosition: 1, separator: ";"),
      "••••••••••;Hjørnet;31FEB2020;••••••••••")
    XCTAssertEqual(
      Inspect.maskedRow("x,101800014,2019-01-01", idPosition: 1, separator: ","), "••••••••••,••••••••••,2019-01-01")
  }
}
