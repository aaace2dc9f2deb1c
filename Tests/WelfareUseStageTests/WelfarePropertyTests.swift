import RegisterModel
import TestSupport
import WelfareUseStage
import XCTest

/// Cross-tab margins and service use against a brute-force recount on random inputs.
final class WelfarePropertyTests: XCTestCase {
  func testMarginsAndUseMatchABruteForceRecount() {
    var random = SplitMix64(seed: 8_110)
    let codes = ["101", "147", "851", "751", "461", "259", "999", "Aarhus"]
    let window = Window(from: day("2019-01-01"), to: day("2021-12-31"))
    for round in 0..<20 {
      let typology = (PersonKey(1)...60).compactMap { person -> PersonTypology? in
        guard Bool.random(using: &random) else { return nil }
        return typologyPerson(person, UserGroup.allCases.randomElement(using: &random)!)
      }
      let persons = (PersonKey(1)...60).compactMap { person -> PersonRecord? in
        guard Int.random(in: 0..<5, using: &random) > 0 else { return nil }
        let born = day("1940-01-01") + Int.random(in: 0...30_000, using: &random)
        return PersonRecord(
          person: person, sex: [Sex.male, .female, nil].randomElement(using: &random)!,
          birthDate: Bool.random(using: &random) ? born : nil,
          municipality: codes.randomElement(using: &random), order: Int(person))
      }
      let events = (0..<300).map { _ in
        let start = day("2017-01-01") + Int.random(in: 0...2500, using: &random)
        return ServiceEvent(
          person: PersonKey.random(in: 1...60, using: &random), service: Int.random(in: 0..<3, using: &random),
          start: start, end: start + Int.random(in: 0...60, using: &random))
      }
      var params = AnalysisParameters(window: window, censorDate: day("2023-12-31"))
      params.indicators = [
        Indicator(name: "a and b", combination: .allOf, services: ["a", "b"]),
        Indicator(name: "b or c", combination: .anyOf, services: ["b", "c"]),
      ]
      let figures = welfareUse(
        typology: typology, persons: persons, events: events, serviceNames: ["a", "b", "c"],
        parameters: WelfareUseParameters(params))

      let groupSizes = UserGroup.allCases.map { group in typology.filter { $0.group == group }.count }
      func columnSums(_ rows: [[Int]]) -> [Int] { (0..<3).map { g in rows.map { $0[g] }.reduce(0, +) } }
      XCTAssertEqual(figures.regions.count, 6)
      XCTAssertEqual(columnSums(figures.regions.map(\.perGroup.values)), groupSizes, "round \(round)")
      XCTAssertEqual(figures.sexAge.count, 21)
      XCTAssertEqual(columnSums(figures.sexAge.map(\.perGroup.values)), groupSizes, "round \(round)")

      func used(_ person: PersonKey, _ service: Int) -> Bool {
        events.contains {
          $0.person == person && $0.service == service && $0.start <= window.to && $0.end >= window.from
        }
      }
      let tests: [(PersonKey) -> Bool] = [
        { used($0, 0) }, { used($0, 1) }, { used($0, 2) },
        { used($0, 0) && used($0, 1) }, { used($0, 1) || used($0, 2) },
      ]
      let expected = tests.map { test in
        UserGroup.allCases.map { group in typology.filter { $0.group == group && test($0.person) }.count }
      }
      XCTAssertEqual(figures.use.map(\.perGroup.values), expected, "round \(round)")
      XCTAssertEqual(figures.use.map(\.label), ["a", "b", "c", "a and b", "b or c"])
    }
  }
}
