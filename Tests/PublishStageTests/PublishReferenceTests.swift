import Foundation
import RegisterModel
import XCTest

@testable import PublishStage

/// Publishes the figures of the reference's hand-computed edge fixture
/// (`Fixtures/edge`, computed independently by `scripts/reference.py` and checked by
/// hand in its EXPECTED.md) and compares with its expected tables.
final class PublishReferenceTests: XCTestCase {
  private struct Figures: Decodable {
    let typology: TypologyFigures
    let stays: StayFigures
    let repeatUse: RepeatUseFigures
    let welfare: WelfareFigures
  }

  /// The raw counts and sums behind the edge fixture's tables (before disclosure control).
  private static let figuresJSON = #"""
{"typology":{"groups":[{"persons":9,
"stays":11,"episodes":10,"nights":537},{"persons":3,
"stays":13,"episodes":12,"nights":181},{"persons":2,
"stays":2,"episodes":2,"nights":1041}],"fellBackToRules":false},
"stays":{"bandLabels":["1-30","31-90","91-180","181-365","366+"],"years":[{"year":2019,"bandCounts":[10,1,0,0,0],"completedStays":11,"over90":0,"over120":0,"plannedExits":5},{"year":2020,"bandCounts":[5,1,1,0,0],"completedStays":7,"over90":1,"over120":0,"plannedExits":4},{"year":2021,"bandCounts":[4,0,0,0,1],"completedStays":5,"over90":1,"over120":1,"plannedExits":5}]},
"repeatUse":{"binLabels":["1","2-4","5+"],"horizonLabels":["0-180","181-365","366-730"],"years":[{"year":2019,"users":6,
"stays":12,"nights":270,"binCounts":[3,2,1],"returningUsers":null},{"year":2020,"users":5,
"stays":9,"nights":891,"binCounts":[4,0,1],"returningUsers":null},{"year":2021,"users":8,
"stays":8,"nights":598,"binCounts":[8,0,0],"returningUsers":4}],
"returns":[{"year":2019,"exits":9,
"returns":[3,1,1],"followUpComplete":true},{"year":2020,"exits":7,
"returns":[4,0,0],"followUpComplete":true},{"year":2021,"exits":5,
"returns":[0,0,0],"followUpComplete":false}]},
"welfare":{"use":[{"label":"psychiatric","perGroup":[1,1,1]},{"label":"substance","perGroup":[1,2,0]},{"label":"support85","perGroup":[1,0,2]},{"label":"psych_and_substance","perGroup":[1,1,0]},{"label":"psych_or_substance","perGroup":[1,2,1]}],
"regions":[{"label":"Region Nordjylland","perGroup":[1,0,0]},{"label":"Region Midtjylland","perGroup":[1,0,1]},{"label":"Region Syddanmark","perGroup":[2,0,0]},{"label":"Region Hovedstaden","perGroup":[3,2,0]},{"label":"Region Sjælland","perGroup":[1,0,0]},{"label":"unknown","perGroup":[1,1,1]}],
"sexAge":[{"sex":"M","ageBand":"<18","perGroup":[0,0,0]},{"sex":"M","ageBand":"18-29","perGroup":[0,0,0]},{"sex":"M","ageBand":"30-39","perGroup":[2,0,0]},{"sex":"M","ageBand":"40-49","perGroup":[1,0,0]},{"sex":"M","ageBand":"50-59","perGroup":[0,1,0]},{"sex":"M","ageBand":"60+","perGroup":[2,0,0]},{"sex":"M","ageBand":"unknown","perGroup":[0,0,0]},{"sex":"F","ageBand":"<18","perGroup":[1,0,0]},{"sex":"F","ageBand":"18-29","perGroup":[2,0,0]},{"sex":"F","ageBand":"30-39","perGroup":[0,1,0]},{"sex":"F","ageBand":"40-49","perGroup":[0,0,1]},{"sex":"F","ageBand":"50-59","perGroup":[0,0,0]},{"sex":"F","ageBand":"60+","perGroup":[0,0,0]},{"sex":"F","ageBand":"unknown","perGroup":[1,0,0]},{"sex":"unknown","ageBand":"<18","perGroup":[0,0,0]},{"sex":"unknown","ageBand":"18-29","perGroup":[0,1,0]},{"sex":"unknown","ageBand":"30-39","perGroup":[0,0,0]},{"sex":"unknown","ageBand":"40-49","perGroup":[0,0,0]},{"sex":"unknown","ageBand":"50-59","perGroup":[0,0,0]},{"sex":"unknown","ageBand":"60+","perGroup":[0,0,0]},{"sex":"unknown","ageBand":"unknown","perGroup":[0,0,1]}]}}
"""#

  /// The fixture's indicators (`Fixtures/edge/pipeline-mincell.yaml`).
  private static let indicators = [
    Indicator(name: "psych_and_substance", combination: .allOf, services: ["psychiatric", "substance"]),
    Indicator(name: "psych_or_substance", combination: .anyOf, services: ["psychiatric", "substance"]),
  ]

  private func tables(minCell: Int) throws -> [Table] {
    let figures = try JSONDecoder().decode(Figures.self, from: Data(Self.figuresJSON.utf8))
    return try publish(
      typology: figures.typology, stays: figures.stays, repeatUse: figures.repeatUse, welfare: figures.welfare,
      indicators: Self.indicators, minCell: minCell
    ).tables
  }

  /// 9 / 3 / 2 | 14: with short and total published, episodic + long = 5 would bound
  /// each by 4 (EXPECTED.md), so all four go, with every derived figure.
  func testTypologyWithMinCellFive() throws {
    let all = "persons|share_persons|mean_stays|mean_episodes|mean_nights|nights_per_episode|total_nights|share_nights"
    XCTAssertEqual(
      try tables(minCell: 5)[named: "typology"].csv(),
      """
      group,persons,share_persons,mean_stays,mean_episodes,mean_nights,nights_per_episode,total_nights,share_nights,suppressed
      short,,,,,,,,,\(all)
      episodic,,,,,,,,,\(all)
      long,,,,,,,,,\(all)
      total,,,,,,,,,\(all)

      """)
  }

  /// Every table byte for byte against the fixture's expected CSVs, where the fixture is
  /// in the checkout (it lives on the reference branch until merged).
  func testAllTablesMatchTheFixtureByteForByte() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    for (minCell, folder) in [(5, "expected-mincell"), (1, "expected")] {
      let expected = root + "/Fixtures/edge/" + folder
      guard FileManager.default.fileExists(atPath: expected) else { throw XCTSkip("no \(expected) in this checkout") }
      let actual = NSTemporaryDirectory() + "/publish-edge-" + UUID().uuidString
      defer { try? FileManager.default.removeItem(atPath: actual) }
      let tables = try tables(minCell: minCell)
      try writeTables(tables, to: actual, pipeline: "edge", minCell: minCell, formats: [.csv])
      XCTAssertEqual(try diffTables(expected: expected, actual: actual, tolerance: 0).map(\.description), [])
      for table in tables {
        XCTAssertEqual(
          try String(contentsOfFile: expected + "/" + table.name + ".csv", encoding: .utf8), table.csv(), table.name)
      }
    }
  }
}
