import RegisterModel
import TestSupport
import TransitionsStage
import XCTest

final class TransitionsTests: XCTestCase {
  private func day(_ iso: String) -> Day { Day(iso: iso)! }

  private func exit(_ person: PersonKey, ending end: String, censored: Bool = false) -> Episode {
    Episode(person: person, start: day(end) - 10, end: day(end), censored: censored)
  }

  private func event(_ person: PersonKey, _ service: Int, _ start: String, _ end: String) -> ServiceEvent {
    ServiceEvent(person: person, service: service, start: day(start), end: day(end))
  }

  private func parameters(censor: String = "2024-12-31", horizons: [Int] = [30, 90, 365]) -> TransitionsParameters {
    var p = AnalysisParameters(window: Window(from: day("2023-01-01"), to: day("2023-12-31")), censorDate: day(censor))
    p.transitionHorizons = horizons
    return TransitionsParameters(p)
  }

  /// Exits on 1 May 2023 (event days counted from it): an event that began before and
  /// runs past the exit, one on the exit day, on day 30, on day 31, on day 365 and on
  /// day 366 (2024 is a leap year: 2024-05-01), and one ending the day before the exit.
  func testAnEventCountsWhenItOverlapsTheDaysFromTheExitToTheHorizon() {
    let episodes = (1...7).map { exit(PersonKey($0), ending: "2023-05-01") }
    let events = [
      event(1, 0, "2023-04-01", "2023-06-01"),  // began before, runs past: day 0
      event(2, 0, "2023-05-01", "2023-05-01"),  // on the exit day
      event(3, 0, "2023-05-31", "2023-05-31"),  // day 30
      event(4, 0, "2023-06-01", "2023-06-01"),  // day 31
      event(5, 0, "2024-04-30", "2024-04-30"),  // day 365
      event(6, 0, "2024-05-01", "2024-05-01"),  // day 366
      event(7, 0, "2023-04-01", "2023-04-30"),  // ends the day before
    ]
    let figures = transitions(episodes: episodes, events: events, serviceNames: ["support"], parameters: parameters())
    XCTAssertEqual(figures.years.map(\.exits), [7])
    XCTAssertEqual(figures.years[0].withinByService, [[3, 4, 5]])
    XCTAssertEqual(figures.years[0].withinAny, [3, 4, 5])
    XCTAssertEqual(figures.horizons, [30, 90, 365])
  }

  /// A censored episode is no exit; `any` counts an exit once however many services
  /// follow it; each exit of a person is followed on its own.
  func testAnyCountsExitsOnceAndCensoredEpisodesAreNoExits() {
    let episodes = [
      exit(1, ending: "2023-03-01"), exit(1, ending: "2023-06-01"),
      exit(2, ending: "2023-03-01", censored: true),
      exit(3, ending: "2022-12-31"),  // ends before the window's years
    ]
    let events = [
      event(1, 0, "2023-06-10", "2023-06-20"),  // 101 days after the first exit, 9 after the second
      event(1, 1, "2023-06-05", "2023-06-05"),  // 96 and 4 days
      event(2, 0, "2023-03-01", "2023-03-10"),
      event(3, 0, "2023-01-01", "2023-01-01"),
    ]
    let figures = transitions(
      episodes: episodes, events: events, serviceNames: ["support", "prison"], parameters: parameters())
    XCTAssertEqual(figures.years[0].exits, 2)
    XCTAssertEqual(figures.years[0].withinByService, [[1, 1, 2], [1, 1, 2]])
    XCTAssertEqual(figures.years[0].withinAny, [1, 1, 2])
  }

  /// Follow-up is complete when 31 December + the largest horizon ≤ censor_date.
  func testFollowUpIsCompleteWhenTheLargestHorizonHasPassed() {
    let complete = transitions(episodes: [], events: [], serviceNames: [], parameters: parameters(censor: "2024-12-30"))
    XCTAssertEqual(complete.years.map(\.followUpComplete), [true])
    let short = transitions(episodes: [], events: [], serviceNames: [], parameters: parameters(censor: "2024-12-29"))
    XCTAssertEqual(short.years.map(\.followUpComplete), [false])
  }

  /// Against a direct count over random exits and events: the input order never matters.
  func testMatchesADirectCountInAnyOrder() {
    var random = SplitMix64(seed: 7)
    let start = day("2022-10-01")
    var episodes: [Episode] = []
    var events: [ServiceEvent] = []
    for _ in 0..<300 {
      let person = PersonKey(random.next() % 40)
      let end = start + Int(random.next() % 500)
      episodes.append(Episode(person: person, start: end - 5, end: end, censored: random.next() % 5 == 0))
      let eventStart = start + Int(random.next() % 900)
      events.append(
        ServiceEvent(
          person: person, service: Int(random.next() % 3), start: eventStart, end: eventStart + Int(random.next() % 60))
      )
    }
    let p = parameters()
    let figures = transitions(
      episodes: episodes.shuffled(using: &random), events: events.reversed(), serviceNames: ["a", "b", "c"],
      parameters: p)
    let exits = episodes.filter { !$0.censored && $0.end.year == 2023 }
    XCTAssertEqual(figures.years[0].exits, exits.count)
    for (h, horizon) in p.transitionHorizons.enumerated() {
      func followed(_ exit: Episode, _ services: Set<Int>) -> Bool {
        events.contains {
          $0.person == exit.person && services.contains($0.service) && $0.start <= exit.end + horizon
            && $0.end >= exit.end
        }
      }
      for s in 0..<3 {
        XCTAssertEqual(figures.years[0].withinByService[s][h], exits.filter { followed($0, [s]) }.count)
      }
      XCTAssertEqual(figures.years[0].withinAny[h], exits.filter { followed($0, [0, 1, 2]) }.count)
    }
  }
}
