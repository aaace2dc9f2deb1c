import RegisterModel
import WelfareUseStage
import XCTest

final class ServiceUseTests: XCTestCase {
  func testEventsOverlappingTheWindowAndIndicators() {
    let params = parameters(
      "2020-01-01", "2022-12-31",
      indicators: [
        Indicator(name: "both", combination: .allOf, services: ["psychiatric", "substance"]),
        Indicator(name: "either", combination: .anyOf, services: ["psychiatric", "substance"]),
      ])
    let typology = [
      typologyPerson(1, .short), typologyPerson(2, .short), typologyPerson(3, .episodic),
      typologyPerson(4, .long), typologyPerson(5, .long),
    ]
    let events = [
      // Person 1: psychiatric ending on the window's first day, substance starting on its last: both used.
      event(1, 0, "2019-12-01", "2020-01-01"), event(1, 1, "2022-12-31", "2023-01-05"),
      // Person 2: psychiatric ending the day before the window, substance starting the day after: neither.
      event(2, 0, "2019-06-01", "2019-12-31"), event(2, 1, "2023-01-01", "2023-01-01"),
      // Person 3: two one-day psychiatric events in the window: one person.
      event(3, 0, "2021-05-05", "2021-05-05"), event(3, 0, "2021-06-05", "2021-06-05"),
      // Person 4: substance from before to after the window.
      event(4, 1, "2015-01-01", "2023-12-31"),
      // Person 5: prison.
      event(5, 2, "2021-03-01", "2021-04-01"),
      // Person 99 is not a typology person.
      event(99, 0, "2021-01-01", "2021-01-01"),
    ]
    let figures = welfareUse(
      typology: typology, persons: [], events: events, serviceNames: ["psychiatric", "substance", "prison"],
      parameters: params)
    XCTAssertEqual(
      figures.use,
      [
        // short, episodic, long
        GroupCounts(label: "psychiatric", perGroup: [1, 1, 0]),  // persons 1 | 3 | –
        GroupCounts(label: "substance", perGroup: [1, 0, 1]),  // persons 1 | – | 4
        GroupCounts(label: "prison", perGroup: [0, 0, 1]),  // person 5
        GroupCounts(label: "both", perGroup: [1, 0, 0]),  // person 1 only
        GroupCounts(label: "either", perGroup: [1, 1, 1]),  // persons 1 | 3 | 4
      ])
  }

  func testMoreThanSixtyFourServices() {
    let names = (0..<70).map { "service\($0)" }
    let typology = [typologyPerson(1, .short), typologyPerson(2, .long)]
    // Person 1 uses service 69 (second bitset word), person 2 service 5.
    let events = [event(1, 69, "2021-01-01", "2021-01-01"), event(2, 5, "2021-01-01", "2021-01-01")]
    let figures = welfareUse(
      typology: typology, persons: [], events: events, serviceNames: names,
      parameters: parameters(
        "2021-01-01", "2021-12-31",
        indicators: [Indicator(name: "5 or 69", combination: .anyOf, services: ["service5", "service69"])]))
    XCTAssertEqual(figures.use.count, 71)
    XCTAssertEqual(figures.use[69], GroupCounts(label: "service69", perGroup: [1, 0, 0]))
    XCTAssertEqual(figures.use[5], GroupCounts(label: "service5", perGroup: [0, 0, 1]))
    XCTAssertEqual(figures.use[68].perGroup, [0, 0, 0])
    XCTAssertEqual(figures.use[70], GroupCounts(label: "5 or 69", perGroup: [1, 0, 1]))
  }

  func testAnIndicatorServiceWithoutASourceCountsAsNotUsed() {
    let figures = welfareUse(
      typology: [typologyPerson(1, .episodic)], persons: [],
      events: [event(1, 0, "2021-01-01", "2021-01-01")], serviceNames: ["psychiatric"],
      parameters: parameters(
        "2021-01-01", "2021-12-31",
        indicators: [
          Indicator(name: "all", combination: .allOf, services: ["psychiatric", "housing"]),
          Indicator(name: "any", combination: .anyOf, services: ["psychiatric", "housing"]),
          Indicator(name: "all of none", combination: .allOf, services: []),
          Indicator(name: "any of none", combination: .anyOf, services: []),
        ]))
    // psychiatric: the one episodic person; all: no (housing unused); any: yes; empty lists: nobody.
    XCTAssertEqual(figures.use.map(\.perGroup), [[0, 1, 0], [0, 0, 0], [0, 1, 0], [0, 0, 0], [0, 0, 0]])
  }
}
