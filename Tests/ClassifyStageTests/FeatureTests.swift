import RegisterModel
import XCTest

@testable import ClassifyStage

/// E, D and S of typology persons (SPEC 6), in the window 2020-01-01 … 2022-12-31.
final class FeatureTests: XCTestCase {
  func typology(_ stays: [Stay]) -> [PersonTypology] {
    classify(stays: stays, parameters: parameters(method: .rules)).typology
  }

  func testOverlappingStaysAtTwoInstitutionsCountEachNightOnce() {
    // A: nights 1–10 March, B: 6–15 March; the union is 1–15 March.
    let result = typology([stay("A", "2020-03-01", "2020-03-11"), stay("B", "2020-03-06", "2020-03-16")])
    XCTAssertEqual(result, [PersonTypology(person: 1, group: .short, episodes: 1, nights: 15, stays: 2)])
  }

  func testSameDayStayIsOneNight() {
    let result = typology([stay("2021-07-04", "2021-07-04")])
    XCTAssertEqual(result, [PersonTypology(person: 1, group: .short, episodes: 1, nights: 1, stays: 1)])
  }

  func testNightsAreCutToTheWindow() {
    // 2019-12-20 … 2020-01-05: nights 1–4 January in the window; 2022-12-30 … 2023-01-10:
    // nights 30 and 31 December. Two episodes (three years apart).
    let result = typology([stay("2019-12-20", "2020-01-05"), stay("2022-12-30", "2023-01-10")])
    XCTAssertEqual(result, [PersonTypology(person: 1, group: .short, episodes: 2, nights: 6, stays: 2)])
  }

  func testWindowEdges() {
    // Checking out on window.from leaves no night in the window; a same-day stay on
    // window.to has one.
    XCTAssertEqual(typology([stay(person: 1, "2019-12-01", "2020-01-01")]), [])
    XCTAssertEqual(
      typology([stay(person: 2, "2022-12-31", "2022-12-31")]),
      [PersonTypology(person: 2, group: .short, episodes: 1, nights: 1, stays: 1)])
  }

  func testEpisodesAndStaysWithoutWindowNightsAreNotCounted() {
    // The 2019 episode ends before the window; the 2020 episode has two stays, the first
    // of which ends on 1 January (no night in the window) and joins the second.
    let result = typology([
      stay("2019-03-01", "2019-04-01"), stay("2019-12-10", "2020-01-01"), stay("2020-01-20", "2020-01-25"),
    ])
    XCTAssertEqual(result, [PersonTypology(person: 1, group: .short, episodes: 1, nights: 5, stays: 1)])
  }

  func testEpisodeSpanningTheWindowStartCountsOnce() {
    let result = typology([stay("2019-11-01", "2019-12-20"), stay("2020-01-10", "2020-01-12")])
    XCTAssertEqual(result, [PersonTypology(person: 1, group: .short, episodes: 1, nights: 2, stays: 1)])
  }

  func testOpenStayRunsToItsExtractDateCutToTheWindow() {
    // Open since 2022-12-01, extract 2023-12-31: nights 1–31 December 2022.
    let result = typology([stay("2022-12-01", nil)])
    XCTAssertEqual(result, [PersonTypology(person: 1, group: .short, episodes: 1, nights: 31, stays: 1)])
  }
}
