import XCTest

@testable import PipelineCore

final class SuggestionTests: XCTestCase {
  func testEditDistance() {
    XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)
    XCTAssertEqual(Suggestion.editDistance("", "abc"), 3)
    XCTAssertEqual(Suggestion.editDistance("same", "same"), 0)
  }

  func testClosestWithinTwoEditsAndOneForShortWords() {
    let keys = ["episode_gap_days", "lookback_years", "max_reject_share"]
    XCTAssertEqual(Suggestion.closest(to: "episode_gap_day", in: keys), "episode_gap_days")
    XCTAssertEqual(Suggestion.closest(to: "Lookback_Year", in: keys), "lookback_years")
    XCTAssertNil(Suggestion.closest(to: "gap", in: keys))
    XCTAssertEqual(Suggestion.closest(to: "max_reject", in: keys), "max_reject_share")
    XCTAssertNil(Suggestion.closest(to: "max", in: keys))
    XCTAssertNil(Suggestion.closest(to: "sex", in: ["end"]))
    XCTAssertEqual(Suggestion.closest(to: "en", in: ["end", "sex"]), "end")
    XCTAssertEqual(Suggestion.hint(for: "stay", in: ["stays", "persons"]), "; did you mean 'stays'?")
    XCTAssertEqual(Suggestion.hint(for: "xyz", in: ["stays"]), "")
  }
}
