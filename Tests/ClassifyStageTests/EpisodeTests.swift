import RegisterModel
import XCTest

@testable import ClassifyStage

/// Episodes (SPEC 1).
final class EpisodeTests: XCTestCase {
  func episodes(_ stays: [Stay]) -> [Episode] {
    classify(stays: stays, parameters: parameters()).episodes
  }

  func testGapOfExactlyThirtyDaysJoins() {
    // 2020-01-10 + 30 days = 2020-02-09.
    let result = episodes([stay("2020-01-01", "2020-01-10"), stay("2020-02-09", "2020-02-12")])
    XCTAssertEqual(
      result, [Episode(person: 1, start: day("2020-01-01"), end: day("2020-02-12"), censored: false)])
  }

  func testGapOfThirtyOneDaysStartsANewEpisode() {
    let result = episodes([stay("2020-01-01", "2020-01-10"), stay("2020-02-10", "2020-02-12")])
    XCTAssertEqual(
      result,
      [
        Episode(person: 1, start: day("2020-01-01"), end: day("2020-01-10"), censored: false),
        Episode(person: 1, start: day("2020-02-10"), end: day("2020-02-12"), censored: false),
      ])
  }

  func testGapIsMeasuredFromTheLatestEndSoFar() {
    // The short second stay ends 10 January, but the episode's end is 1 March.
    let result = episodes([
      stay("A", "2020-01-01", "2020-03-01"), stay("B", "2020-01-05", "2020-01-10"),
      stay("A", "2020-03-31", "2020-04-02"),
    ])
    XCTAssertEqual(
      result, [Episode(person: 1, start: day("2020-01-01"), end: day("2020-04-02"), censored: false)])
  }

  func testOpenStayIsCensoredAtItsExtractDate() {
    let result = episodes([stay("2023-06-01", nil, extract: "2023-12-31")])
    XCTAssertEqual(
      result, [Episode(person: 1, start: day("2023-06-01"), end: day("2023-12-31"), censored: true)])
  }

  func testClosedStayEndingOnTheOpenStaysEndUncensors() {
    let result = episodes([stay("A", "2023-06-01", nil), stay("B", "2023-09-01", "2023-12-31")])
    XCTAssertEqual(
      result, [Episode(person: 1, start: day("2023-06-01"), end: day("2023-12-31"), censored: false)])
  }

  func testCensoringFollowsTheLatestEnd() {
    let openLast = episodes([stay("A", "2023-06-01", "2023-10-01"), stay("B", "2023-09-01", nil)])
    XCTAssertEqual(openLast.map(\.censored), [true])
    let closedLast = episodes([
      stay("A", "2023-06-01", nil, extract: "2023-10-01"), stay("B", "2023-09-01", "2023-11-01"),
    ])
    XCTAssertEqual(
      closedLast, [Episode(person: 1, start: day("2023-06-01"), end: day("2023-11-01"), censored: false)])
  }

  func testEpisodesAreByPersonThenStartAndBuiltBeforeTheWindow() {
    let result = episodes([
      stay(person: 2, "2015-03-01", "2015-03-05"),
      stay(person: 1, "2021-05-01", "2021-05-02"),
      stay(person: 1, "2010-01-01", "2010-01-02"),
    ])
    XCTAssertEqual(result.map(\.person), [1, 1, 2])
    XCTAssertEqual(result.map(\.start), [day("2010-01-01"), day("2021-05-01"), day("2015-03-01")])
  }
}
