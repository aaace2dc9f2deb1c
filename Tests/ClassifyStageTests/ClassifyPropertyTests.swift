import RegisterModel
import TestSupport
import XCTest

@testable import ClassifyStage

/// Properties of classify on generated registers, window 2020–2022.
final class ClassifyPropertyTests: XCTestCase {
  /// Random stays: persons 1–40 with 1–8 stays each at institutions A–C, starting
  /// 2019-01-01 … 2023-06-30, 0–300 days long, a tenth open with an extract date that
  /// may lie before the start; stays of a person overlap freely.
  func generatedStays(seed: UInt64) -> [Stay] {
    var rng = SplitMix64(seed: seed)
    let first = day("2019-01-01")
    var stays: [Stay] = []
    for person in 1...40 as ClosedRange<PersonKey> {
      for _ in 0..<Int.random(in: 1...8, using: &rng) {
        let start = first + Int.random(in: 0..<1642, using: &rng)
        let long = Int.random(in: 0..<4, using: &rng) == 0
        let length = Int.random(in: 0...(long ? 300 : 20), using: &rng)
        let open = Int.random(in: 0..<10, using: &rng) == 0
        stays.append(
          Stay(
            person: person, institution: ["A", "B", "C"].randomElement(using: &rng)!, start: start,
            end: open ? nil : start + length,
            extractDate: [day("2023-12-31"), day("2023-01-15")].randomElement(using: &rng)!,
            order: stays.count))
      }
    }
    return stays.shuffled(using: &rng)
  }

  /// The window nights of each person, as a set of day numbers.
  func windowNights(_ stays: [Stay], window: Window) -> [PersonKey: Set<Int32>] {
    var nights: [PersonKey: Set<Int32>] = [:]
    for stay in stays {
      for night in stay.start.rawValue..<stay.nights.upperBound.rawValue
      where window.contains(Day(rawValue: night)) {
        nights[stay.person, default: []].insert(night)
      }
    }
    return nights
  }

  func testNightsAreTheUnionOfWindowNightsAndEveryTypologyPersonHasOne() {
    for seed in 1...30 as ClosedRange<UInt64> {
      let input = generatedStays(seed: seed)
      let window = parameters().window
      let expected = windowNights(input, window: window)
      let result = classify(stays: input, parameters: parameters())
      XCTAssertEqual(result.typology.count, expected.count, "seed \(seed)")
      for person in result.typology {
        XCTAssertGreaterThanOrEqual(person.nights, 1, "seed \(seed)")
        XCTAssertEqual(person.nights, expected[person.person]?.count, "seed \(seed)")
        let staysInWindow = input.filter {
          $0.person == person.person && $0.nights.overlaps(window.from..<(window.to + 1))
        }
        XCTAssertEqual(person.stays, staysInWindow.count, "seed \(seed)")
        XCTAssertGreaterThanOrEqual(person.episodes, 1, "seed \(seed)")
        XCTAssertLessThanOrEqual(person.episodes, person.stays, "seed \(seed)")
      }
    }
  }

  func testShuffledInputGivesTheSameResult() {
    for seed in 1...30 as ClosedRange<UInt64> {
      let input = generatedStays(seed: seed)
      var rng = SplitMix64(seed: seed &+ 500)
      let first = classify(stays: input, parameters: parameters())
      let second = classify(stays: input.shuffled(using: &rng), parameters: parameters())
      XCTAssertEqual(first, second, "seed \(seed)")
      XCTAssertFalse(first.typologyFigures.fellBackToRules, "seed \(seed)")
    }
  }

  func testGroupTotalsAddUpToTheTypology() {
    for seed in 1...30 as ClosedRange<UInt64> {
      for method in TypologyMethod.allCases {
        let result = classify(stays: generatedStays(seed: seed), parameters: parameters(method: method))
        let groups = result.typologyFigures.groups
        XCTAssertEqual(groups.map(\.persons).reduce(0, +), result.typology.count, "seed \(seed)")
        XCTAssertEqual(groups.map(\.stays).reduce(0, +), result.typology.map(\.stays).reduce(0, +))
        XCTAssertEqual(groups.map(\.episodes).reduce(0, +), result.typology.map(\.episodes).reduce(0, +))
        XCTAssertEqual(groups.map(\.nights).reduce(0, +), result.typology.map(\.nights).reduce(0, +))
        for (k, group) in UserGroup.allCases.enumerated() {
          XCTAssertEqual(
            groups[k].persons, result.typology.filter { $0.group == group }.count, "seed \(seed)")
        }
      }
    }
  }

  func testEpisodesAreOrderedAndSeparatedByMoreThanTheGap() {
    for seed in 1...30 as ClosedRange<UInt64> {
      let episodes = classify(stays: generatedStays(seed: seed), parameters: parameters()).episodes
      for (a, b) in zip(episodes, episodes.dropFirst()) {
        XCTAssertTrue((a.person, a.start) <= (b.person, b.start), "seed \(seed)")
        if a.person == b.person {
          XCTAssertGreaterThan(b.start - a.end, 30, "seed \(seed)")
        }
      }
    }
  }
}
