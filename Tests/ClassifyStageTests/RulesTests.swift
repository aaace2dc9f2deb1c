import RegisterModel
import XCTest

@testable import ClassifyStage

/// `method: rules` (SPEC 6) with the default thresholds: 4 episodes, 180 nights.
final class RulesTests: XCTestCase {
  func testThresholdsAtTheirEdges() {
    let defaults = TypologyParameters()
    XCTAssertEqual(rulesGroup(episodes: 4, nights: 1, parameters: defaults), .episodic)
    XCTAssertEqual(rulesGroup(episodes: 4, nights: 900, parameters: defaults), .episodic)
    XCTAssertEqual(rulesGroup(episodes: 3, nights: 180, parameters: defaults), .long)
    XCTAssertEqual(rulesGroup(episodes: 3, nights: 179, parameters: defaults), .short)
    XCTAssertEqual(rulesGroup(episodes: 1, nights: 1, parameters: defaults), .short)
  }

  func testRulesThroughClassifyWithGroupTotals() {
    let input =
      stays(person: 1, episodes: 4, nights: 10) + stays(person: 2, episodes: 3, nights: 180)
      + stays(person: 3, episodes: 3, nights: 179) + stays(person: 4, episodes: 1, nights: 20)
    let result = classify(stays: input, parameters: parameters(method: .rules))
    XCTAssertEqual(
      result.typology,
      [
        PersonTypology(person: 1, group: .episodic, episodes: 4, nights: 10, stays: 4),
        PersonTypology(person: 2, group: .long, episodes: 3, nights: 180, stays: 3),
        PersonTypology(person: 3, group: .short, episodes: 3, nights: 179, stays: 3),
        PersonTypology(person: 4, group: .short, episodes: 1, nights: 20, stays: 1),
      ])
    XCTAssertEqual(
      result.typologyFigures,
      TypologyFigures(
        groups: [
          GroupTotals(persons: 2, stays: 4, episodes: 4, nights: 199),
          GroupTotals(persons: 1, stays: 4, episodes: 4, nights: 10),
          GroupTotals(persons: 1, stays: 3, episodes: 3, nights: 180),
        ], fellBackToRules: false))
  }
}
