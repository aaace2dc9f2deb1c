import RegisterModel
import XCTest

@testable import ClassifyStage

/// Completed stays by year of end (SPEC 6; tables `stay_duration`, `stay_thresholds`).
final class StayFiguresTests: XCTestCase {
  func closed(_ start: String, nights: Int, exit: String? = nil) -> Stay {
    Stay(
      person: 1, institution: "A", start: day(start), end: day(start) + nights,
      extractDate: day("2023-12-31"),
      exitReason: exit, order: 0)
  }

  func testBandsThresholdsAndPlannedExitsByYearOfEnd() {
    let input = [
      closed("2020-01-01", nights: 30, exit: " 1 "),  // 2020, 1-30, planned (trimmed)
      stay("2020-03-03", "2020-03-03", exit: "2"),  // 2020, same day: 1 night, 1-30
      closed("2020-04-01", nights: 31, exit: "10"),  // 2020, 31-90
      closed("2021-01-01", nights: 90, exit: "1"),  // 2021, 31-90, not over 90, planned
      closed("2021-01-01", nights: 91),  // 2021, 91-180, over 90
      closed("2021-02-01", nights: 120),  // 2021, 91-180, over 90, not over 120
      closed("2021-03-01", nights: 121),  // 2021, 91-180, over 90 and 120
      closed("2019-06-01", nights: 366),  // ends 2020-06-01: 2020, 366+, full length
      closed("2022-01-01", nights: 364),  // ends 2022-12-31: 2022, 181-365
      closed("2019-01-01", nights: 30),  // ends 2019: outside the window's years
      closed("2022-12-20", nights: 30),  // ends 2023: outside
      stay("2022-01-01", nil),  // open: not completed
    ]
    let figures = classify(stays: input, parameters: parameters()).stayFigures
    // By quarter of check-out (`stay_thresholds_quarterly`): 2020-Q1 ends 31 Jan and 3
    // Mar; Q2 ends 2 May and 1 Jun (366 nights); the four 2021 stays end 1 Apr (the day
    // after 31 March: Q2), 2 Apr, 1 Jun and 30 Jun; 2022's ends 31 Dec (Q4).
    let quarters = figures.quarters.map {
      [$0.year, $0.quarter, $0.completedStays, $0.over90, $0.over120, $0.plannedExits]
    }
    XCTAssertEqual(quarters.count, 12, "every quarter of the window's three years")
    XCTAssertEqual(
      quarters.filter { $0[2] > 0 },
      [[2020, 1, 2, 0, 0, 1], [2020, 2, 2, 1, 1, 0], [2021, 2, 4, 3, 1, 1], [2022, 4, 1, 1, 1, 0]])
    XCTAssertEqual(
      StayFigures(bandLabels: figures.bandLabels, years: figures.years),
      StayFigures(
        bandLabels: ["1-30", "31-90", "91-180", "181-365", "366+"],
        years: [
          StayYearFigures(
            year: 2020, bandCounts: [2, 1, 0, 0, 1], completedStays: 4, over90: 1, over120: 1, plannedExits: 1
          ),
          StayYearFigures(
            year: 2021, bandCounts: [0, 1, 3, 0, 0], completedStays: 4, over90: 3, over120: 1, plannedExits: 1
          ),
          StayYearFigures(
            year: 2022, bandCounts: [0, 0, 0, 1, 0], completedStays: 1, over90: 1, over120: 1, plannedExits: 0
          ),
        ]))
  }

  func testConfiguredBandsAndCodes() {
    var custom = parameters()
    custom.durationBands = [7, 30]
    custom.plannedExitCodes = ["3", " 4"]
    let input = [closed("2021-01-01", nights: 7, exit: "4"), closed("2021-02-01", nights: 8, exit: "3 ")]
    let figures = classify(stays: input, parameters: custom).stayFigures
    XCTAssertEqual(figures.bandLabels, ["1-7", "8-30", "31+"])
    XCTAssertEqual(figures.years.map(\.bandCounts), [[0, 0, 0], [1, 1, 0], [0, 0, 0]])
    XCTAssertEqual(figures.years.map(\.plannedExits), [0, 2, 0])
  }
}
