import RegisterModel
import RepeatUseStage
import XCTest

final class ReturnsTests: XCTestCase {
  private func episode(_ person: PersonKey, _ start: Day, _ end: Day, censored: Bool = false) -> Episode {
    Episode(person: person, start: start, end: end, censored: censored)
  }

  func testReturnsAreBucketedAtTheHorizonEdges() {
    let end1 = day("2018-01-10")
    let end2 = end1 + 180 + 5  // 2018-07-14
    let march = day("2018-03-01")
    let june = day("2018-06-30")
    let episodes = [
      // Person 1: exit 10 Jan, next 180 days later (`0-180`); that one exits 14 Jul and the
      // next starts 181 days later (`181-365`), ending in 2019.
      episode(1, day("2018-01-01"), end1),
      episode(1, end1 + 180, end2),
      episode(1, end2 + 181, end2 + 190),
      // Person 2: 730 days → `366-730`. Person 3: 731 days → not a return.
      episode(2, day("2018-02-01"), march), episode(2, march + 730, march + 740),
      episode(3, day("2018-02-01"), march), episode(3, march + 731, march + 740),
      // Person 4: censored, so not an exit.
      episode(4, day("2018-04-01"), day("2018-05-01"), censored: true),
      // Person 5: an exit on 31 Dec with no later episode.
      episode(5, day("2018-12-01"), day("2018-12-31")),
      // Person 6: the first episode ends in 2017 (outside the window's years); the second is an exit.
      episode(6, day("2017-12-01"), day("2017-12-31")), episode(6, day("2018-01-05"), day("2018-01-06")),
      // Persons 7 and 8: 365 days → `181-365`, 366 days → `366-730`.
      episode(7, day("2018-06-01"), june), episode(7, june + 365, june + 370),
      episode(8, day("2018-06-01"), june), episode(8, june + 366, june + 370),
    ]
    let figures = repeatUse(
      stays: [], episodes: episodes, persons: [], parameters: parameters("2018-01-01", "2018-12-31"))
    // Exits: 1 (×2), 2, 3, 5, 6 (second), 7, 8 = 8.
    // 0-180: person 1's first. 181-365: person 1's second, person 7. 366-730: persons 2, 8.
    XCTAssertEqual(
      figures.returns, [ReturnYearFigures(year: 2018, exits: 8, returns: [1, 2, 2], followUpComplete: true)])
    XCTAssertEqual(figures.horizonLabels, ["0-180", "181-365", "366-730"])
  }

  func testFollowUpIsCompleteWhenTheLastHorizonFitsBeforeTheCensorDate() {
    // 31 Dec 2021 + 730 days = 31 Dec 2023 (2022 and 2023 have 365 days each): complete
    // with censor date 31 Dec 2023, incomplete with 30 Dec 2023. 2022 + 730 is 2024-12-30.
    let complete = repeatUse(stays: [], episodes: [], persons: [], parameters: parameters("2018-01-01", "2022-12-31"))
    XCTAssertEqual(complete.returns.map(\.followUpComplete), [true, true, true, true, false])
    XCTAssertEqual(complete.returns.map(\.year), Array(2018...2022))
    XCTAssertEqual(complete.returns.map(\.exits), [0, 0, 0, 0, 0])
    let oneDayShort = repeatUse(
      stays: [], episodes: [], persons: [], parameters: parameters("2018-01-01", "2022-12-31", censor: "2023-12-30"))
    XCTAssertEqual(oneDayShort.returns.map(\.followUpComplete), [true, true, true, false, false])
  }

  func testTheNextEpisodeIsTakenInStartOrderWhateverTheInputOrder() {
    let end = day("2019-05-01")
    // Person 1's episodes given out of order: exit 1 May, then episodes 100 and 500 days on.
    let episodes = [
      episode(1, end + 500, end + 510), episode(1, day("2019-04-01"), end), episode(1, end + 100, end + 110),
    ]
    let figures = repeatUse(
      stays: [], episodes: episodes, persons: [], parameters: parameters("2019-01-01", "2019-12-31"))
    // Exits in 2019: the first (1 May) and the second (ends 1 May + 110 = 19 Aug; the next starts
    // 500 − 110 = 390 days on).
    XCTAssertEqual(figures.returns[0].exits, 2)
    XCTAssertEqual(figures.returns[0].returns, [1, 0, 1])
  }
}
