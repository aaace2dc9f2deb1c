import RegisterModel
import RepeatUseStage
import TestSupport
import XCTest

/// Yearly figures against a brute-force recount with sets of nights.
final class RepeatUsePropertyTests: XCTestCase {
  func testYearlyFiguresMatchABruteForceRecount() {
    var random = SplitMix64(seed: 20_260_110)
    for round in 0..<20 {
      let params = parameters("2016-03-01", "2021-06-30")
      var stays: [Stay] = []
      for person in PersonKey(1)...40 {
        for _ in 0..<Int.random(in: 0...6, using: &random) {
          let start = day("2013-01-01") + Int.random(in: 0...(9 * 365), using: &random)
          let length = Int.random(in: 0...400, using: &random)
          let isOpen = Int.random(in: 0..<10, using: &random) == 0
          stays.append(
            Stay(
              person: person, institution: ["A", "B", "C"].randomElement(using: &random)!, start: start,
              end: isOpen ? nil : start + length, extractDate: start + length, order: stays.count))
        }
      }
      let figures = repeatUse(stays: stays, episodes: [], persons: [], parameters: params)

      // Each person's nights as a set of days.
      var nightsOf: [PersonKey: Set<Day>] = [:]
      for stay in stays {
        for night in stride(from: stay.nights.lowerBound.rawValue, to: stay.nights.upperBound.rawValue, by: 1) {
          nightsOf[stay.person, default: []].insert(Day(rawValue: night))
        }
      }
      func hasNight(_ person: PersonKey, in year: Int) -> Bool {
        nightsOf[person, default: []].contains { $0.year == year }
      }

      XCTAssertEqual(figures.years.map(\.year), Array(2016...2021))
      for year in figures.years {
        let users = nightsOf.keys.filter { hasNight($0, in: year.year) }
        let nights = users.map { person in nightsOf[person]!.filter { $0.year == year.year }.count }
        let staysInYear = stays.filter {
          ($0.nights.lowerBound.year...($0.nights.upperBound - 1).year).contains(year.year)
        }
        XCTAssertEqual(year.binCounts.reduce(0, +), year.users, "round \(round) year \(year.year)")
        XCTAssertEqual(year.users, users.count, "round \(round) year \(year.year)")
        XCTAssertEqual(year.nights, nights.reduce(0, +), "round \(round) year \(year.year)")
        XCTAssertEqual(year.stays, staysInYear.count, "round \(round) year \(year.year)")
        let returning = users.filter { person in (1...2).contains { hasNight(person, in: year.year - $0) } }
        XCTAssertEqual(year.returningUsers, year.year >= 2018 ? returning.count : nil)
      }
    }
  }
}
