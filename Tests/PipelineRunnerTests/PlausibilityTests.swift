import XCTest

@testable import PipelineRunner

/// SPEC 3's plausibility checks of the data (the `end` mapping is the pipeline file's).
final class PlausibilityTests: XCTestCase {
  func testAYearWithoutStaysInsideTheSpanIsAWarning() {
    XCTAssertEqual(
      Plausibility.yearWarnings([("boform110", [2016: 900, 2017: 950, 2019: 1_000])]),
      ["stays source 'boform110' has no stay in 2018, inside 2016–2019: is a yearly file missing?"])
  }

  /// Under a tenth of the mean of the neighbours (950 and 1,000 → 97.5): 97 warns, 98 not.
  func testAYearUnderATenthOfItsNeighboursIsAWarning() {
    XCTAssertEqual(
      Plausibility.yearWarnings([("b", [2017: 950, 2018: 97, 2019: 1_000])]),
      [
        "stays source 'b' has 97 stays in 2018, under a tenth of the 975 of its neighbouring years: "
          + "is a yearly file missing or cut short?"
      ])
    XCTAssertEqual(Plausibility.yearWarnings([("b", [2017: 950, 2018: 98, 2019: 1_000])]), [])
  }

  /// The first and last years are not inside the span: a thin edge year is normal.
  func testEdgeYearsAreNotChecked() {
    XCTAssertEqual(Plausibility.yearWarnings([("b", [2016: 3, 2017: 950, 2018: 2])]), [])
    XCTAssertEqual(
      Plausibility.yearWarnings([("b", [2016: 3, 2018: 2])]),
      [
        "stays source 'b' has no stay in 2017, inside 2016–2018: is a yearly file missing?"
      ])
  }
}
