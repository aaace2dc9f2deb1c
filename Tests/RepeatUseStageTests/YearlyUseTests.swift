import RegisterModel
import RepeatUseStage
import XCTest

final class YearlyUseTests: XCTestCase {
  func testAStayOverNewYearCountsInBothYears() {
    // Nights 30 and 31 Dec 2019, 1 and 2 Jan 2020 (the check-out day 3 Jan is not a night).
    let figures = repeatUse(
      stays: [stay(1, "2019-12-30", "2020-01-03")], episodes: [], persons: [],
      parameters: parameters("2019-01-01", "2020-12-31"))
    XCTAssertEqual(
      figures.years,
      [
        UseYearFigures(year: 2019, users: 1, stays: 1, nights: 2, binCounts: [1, 0, 0], returningUsers: nil),
        UseYearFigures(year: 2020, users: 1, stays: 1, nights: 2, binCounts: [1, 0, 0], returningUsers: nil),
      ])
  }

  func testOverlappingStaysAtTwoInstitutionsDoNotDoubleCountNights() {
    let stays = [
      // Person 1: nights 1–10 March at A and 6–15 March at B: union 1–15 March = 15 nights, 2 stays.
      stay(1, "2020-03-01", "2020-03-11", at: "A"),
      stay(1, "2020-03-06", "2020-03-16", at: "B"),
      // Person 2: a same-day stay, one night.
      stay(2, "2020-05-05", "2020-05-05"),
      // Person 3: five one-night stays, the last 31 Dec 2020 → 1 Jan 2021 (a night in 2020 only).
      stay(3, "2020-01-01", "2020-01-02"), stay(3, "2020-02-01", "2020-02-02"),
      stay(3, "2020-03-01", "2020-03-02"), stay(3, "2020-04-01", "2020-04-02"),
      stay(3, "2020-12-31", "2021-01-01"),
    ]
    let figures = repeatUse(stays: stays, episodes: [], persons: [], parameters: parameters("2020-01-01", "2020-12-31"))
    // users 3; stays 2 + 1 + 5 = 8; nights 15 + 1 + 5 = 21; bins: person 2 → `1`,
    // person 1 → `2-4`, person 3 → `5+`.
    XCTAssertEqual(
      figures.years,
      [UseYearFigures(year: 2020, users: 3, stays: 8, nights: 21, binCounts: [1, 1, 1], returningUsers: nil)])
    XCTAssertEqual(figures.binLabels, ["1", "2-4", "5+"])
  }

  func testAnOpenStayRunsToItsExtractDate() {
    // Open from 1 Dec 2023, extract date 31 Dec 2023: nights 1–30 Dec = 30.
    let figures = repeatUse(
      stays: [stay(1, "2023-12-01", nil)], episodes: [], persons: [], parameters: parameters("2023-01-01", "2023-12-31")
    )
    XCTAssertEqual(figures.years.map(\.nights), [30])
  }

  func testReturningUsersWithLookbackTwo() {
    // Window 2016–2020, lookback 2: reported for 2018, 2019, 2020 (Y − 2 ≥ 2016), nil before.
    let stays = [
      stay(1, "2016-06-01", "2016-06-03"), stay(1, "2018-02-01", "2018-02-02"),
      stay(2, "2016-03-01", "2016-03-04"), stay(2, "2019-05-01", "2019-05-02"),
      stay(3, "2019-07-01", "2019-07-02"), stay(3, "2020-07-01", "2020-07-02"),
      // Person 4: the only night of the first stay is 31 Dec 2017 (not a 2018 user).
      stay(4, "2017-12-31", "2018-01-01"), stay(4, "2020-01-01", "2020-01-02"),
      // Person 5: one stay over two New Years, nights in 2016, 2017 and 2018.
      stay(5, "2016-12-01", "2018-01-10"),
    ]
    let figures = repeatUse(stays: stays, episodes: [], persons: [], parameters: parameters("2016-01-01", "2020-12-31"))
    // 2016: persons 1, 2, 5. 2017: 4, 5. 2018: 1, 5. 2019: 2, 3. 2020: 3, 4.
    XCTAssertEqual(figures.years.map(\.users), [3, 2, 2, 2, 2])
    // 2018: 1 (2016) and 5 (2016, 2017) return. 2019: 2's 2016 is three years back, 3 has
    // nothing in 2017–2018 → 0. 2020: 3 (2019) returns; 4's 2017 is three years back → 1.
    XCTAssertEqual(figures.years.map(\.returningUsers), [nil, nil, 2, 0, 1])
    // Person 5's one stay counts in each of its three years.
    XCTAssertEqual(figures.years.map(\.stays), [3, 2, 2, 2, 2])
    // 2016: 2 + 3 + 31 (1–31 Dec); 2017: 1 + 365; 2018: 1 + 9 (1–9 Jan); 2019: 1 + 1; 2020: 1 + 1.
    XCTAssertEqual(figures.years.map(\.nights), [36, 366, 10, 2, 2])
  }

  func testNightsBeforeTheWindowCountForLookback() {
    // Window 2018-07-01 – 2020-06-30: years 2018–2020, reported from 2020 (2020 − 2 ≥ 2018).
    // Person 1: a night in 2018 before the window starts, and one in 2020.
    let figures = repeatUse(
      stays: [stay(1, "2018-02-01", "2018-02-02"), stay(1, "2020-03-01", "2020-03-02")], episodes: [], persons: [],
      parameters: parameters("2018-07-01", "2020-06-30"))
    // Calendar years count whole: 2018 has one user although the night is before 1 July.
    XCTAssertEqual(figures.years.map(\.users), [1, 0, 1])
    XCTAssertEqual(figures.years.map(\.returningUsers), [nil, nil, 1])
  }

  /// Users by sex and age on 31 December of each year: a person turning 18 on 31
  /// December 2020 is 18-29 in 2020 and <18 in 2019; one without a record is unknown.
  func testUsersBySexAndAgeOnThirtyFirstDecember() {
    let persons = [
      PersonRecord(person: 1, sex: .female, birthDate: day("2002-12-31"), order: 0),
      PersonRecord(person: 2, sex: .male, birthDate: day("1980-01-01"), order: 1),
    ]
    let figures = repeatUse(
      stays: [
        stay(1, "2019-03-01", "2020-03-01"), stay(2, "2020-05-01", "2020-05-10"), stay(3, "2020-06-01", "2020-06-02"),
      ],
      episodes: [], persons: persons, parameters: parameters("2019-01-01", "2020-12-31"))
    XCTAssertEqual(figures.usersBySexAge.count, 2 * 3 * 7, "every year, sex and band")
    XCTAssertEqual(
      figures.usersBySexAge.filter { $0.users > 0 },
      [
        UserSexAgeCounts(year: 2019, sex: .female, ageBand: .under18, users: 1),
        UserSexAgeCounts(year: 2020, sex: .male, ageBand: .forties, users: 1),
        UserSexAgeCounts(year: 2020, sex: .female, ageBand: .from18To29, users: 1),
        UserSexAgeCounts(year: 2020, sex: nil, ageBand: .unknown, users: 1),
      ])
  }

  func testInputOrderDoesNotMatter() {
    let stays = [
      stay(2, "2020-01-05", "2020-01-20"), stay(1, "2020-03-06", "2020-03-16", at: "B"),
      stay(1, "2020-03-01", "2020-03-11"), stay(2, "2020-01-10", "2020-01-12", at: "B"),
    ]
    let params = parameters("2020-01-01", "2020-12-31")
    let sorted = stays.sorted { ($0.person, $0.start) < ($1.person, $1.start) }
    XCTAssertEqual(
      repeatUse(stays: stays, episodes: [], persons: [], parameters: params),
      repeatUse(stays: sorted, episodes: [], persons: [], parameters: params))
    // Nights: person 1 union 1–15 March = 15, person 2 5–19 Jan = 15.
    XCTAssertEqual(repeatUse(stays: stays, episodes: [], persons: [], parameters: params).years[0].nights, 30)
  }
}
