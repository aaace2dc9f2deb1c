import RegisterModel
import XCTest

@testable import WelfareUseStage

final class CrossTabTests: XCTestCase {
  func testRegionsByRegionCodeThenUnknown() {
    let typology = [
      typologyPerson(1, .short), typologyPerson(2, .short), typologyPerson(3, .episodic),
      typologyPerson(4, .long), typologyPerson(5, .long), typologyPerson(6, .long),
    ]
    let persons = [
      PersonRecord(person: 1, municipality: "101", order: 0),  // København → Region Hovedstaden
      PersonRecord(person: 2, municipality: "851", order: 1),  // Aalborg → Region Nordjylland
      PersonRecord(person: 3, municipality: "999", order: 2),  // not a code → unknown
      PersonRecord(person: 4, order: 3),  // no municipality → unknown
      // Person 5 has no persons record → unknown.
      PersonRecord(person: 6, municipality: "Aarhus", order: 4),  // other text → unknown
      PersonRecord(person: 7, municipality: "751", order: 5),  // not a typology person
    ]
    let figures = welfareUse(
      typology: typology, persons: persons, events: [], serviceNames: [],
      parameters: parameters("2020-01-01", "2022-12-31"))
    XCTAssertEqual(figures.use, [])
    XCTAssertEqual(
      figures.regions,
      zip(regionNames, [[1, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 0], [0, 0, 0], [0, 1, 3]]).map {
        GroupCounts(label: $0, perGroup: $1)
      })
    // Every municipality in code order, then unknown: 98 + 1 rows.
    XCTAssertEqual(figures.municipalities.count, 99)
    XCTAssertEqual(
      figures.municipalities.first, MunicipalityCounts(code: "101", name: "København", perGroup: [1, 0, 0]))
    XCTAssertEqual(figures.municipalities.first { $0.code == "851" }?.perGroup, [1, 0, 0])
    XCTAssertEqual(figures.municipalities.first { $0.code == "751" }?.perGroup, [0, 0, 0], "not a typology person")
    XCTAssertEqual(figures.municipalities.last, MunicipalityCounts(code: "unknown", name: "", perGroup: [0, 1, 3]))
  }

  func testSexAndAgeBandsOnWindowTo() {
    // window.to = 15 June 2022.
    let persons = [
      PersonRecord(person: 1, sex: .male, birthDate: day("2004-06-15"), order: 0),  // 18 today → 18-29
      PersonRecord(person: 2, sex: .female, birthDate: day("2004-06-16"), order: 1),  // 17, 18 tomorrow → <18
      PersonRecord(person: 3, sex: .male, birthDate: day("1962-06-15"), order: 2),  // 60 → 60+
      PersonRecord(person: 4, sex: .female, birthDate: day("2022-06-16"), order: 3),  // born after → unknown
      // Person 5 has no persons record → sex unknown, age unknown.
      PersonRecord(person: 6, birthDate: day("1990-01-01"), order: 4),  // sex missing, 32 → 30-39
      PersonRecord(person: 7, sex: .male, birthDate: day("1972-06-14"), order: 5),  // 50 → 50-59
      PersonRecord(person: 8, sex: .male, birthDate: day("1972-06-16"), order: 6),  // 49 → 40-49
      PersonRecord(person: 9, sex: .female, order: 7),  // no birth date → unknown
    ]
    let typology = [
      typologyPerson(1, .short), typologyPerson(2, .episodic), typologyPerson(3, .long),
      typologyPerson(4, .short), typologyPerson(5, .long), typologyPerson(6, .episodic),
      typologyPerson(7, .long), typologyPerson(8, .long), typologyPerson(9, .long),
    ]
    let figures = welfareUse(
      typology: typology, persons: persons, events: [], serviceNames: [],
      parameters: parameters("2020-01-01", "2022-06-15"))
    let bands = ["<18", "18-29", "30-39", "40-49", "50-59", "60+", "unknown"]
    XCTAssertEqual(
      figures.sexAge.map { Sex.label($0.sex) }, ["M", "F", "unknown"].flatMap { Array(repeating: $0, count: 7) })
    XCTAssertEqual(figures.sexAge.map(\.ageBand.label), Array([bands, bands, bands].joined()))
    let nonZero = figures.sexAge.filter { $0.perGroup != [0, 0, 0] }
    XCTAssertEqual(
      nonZero,
      [
        SexAgeCounts(sex: .male, ageBand: .from18To29, perGroup: [1, 0, 0]),  // person 1
        SexAgeCounts(sex: .male, ageBand: .forties, perGroup: [0, 0, 1]),  // person 8
        SexAgeCounts(sex: .male, ageBand: .fifties, perGroup: [0, 0, 1]),  // person 7
        SexAgeCounts(sex: .male, ageBand: .over60, perGroup: [0, 0, 1]),  // person 3
        SexAgeCounts(sex: .female, ageBand: .under18, perGroup: [0, 1, 0]),  // person 2
        SexAgeCounts(sex: .female, ageBand: .unknown, perGroup: [1, 0, 1]),  // persons 4 | 9
        SexAgeCounts(sex: nil, ageBand: .thirties, perGroup: [0, 1, 0]),  // person 6
        SexAgeCounts(sex: nil, ageBand: .unknown, perGroup: [0, 0, 1]),  // person 5
      ])
  }

  func testALeapDayBirthdayFallsOnFirstMarch() {
    let born = day("2000-02-29")
    XCTAssertEqual(wholeYears(from: born, to: day("2023-02-28")), 22)
    XCTAssertEqual(wholeYears(from: born, to: day("2023-03-01")), 23)
    XCTAssertEqual(wholeYears(from: born, to: day("2024-02-28")), 23)
    XCTAssertEqual(wholeYears(from: born, to: day("2024-02-29")), 24)
    XCTAssertEqual(wholeYears(from: born, to: born), 0)
    XCTAssertNil(wholeYears(from: born, to: day("2000-02-28")))

    // Born 29 Feb 2004: 17 on 28 Feb 2022 (<18), 18 on 1 Mar 2022 (18-29).
    let persons = [PersonRecord(person: 1, sex: .female, birthDate: day("2004-02-29"), order: 0)]
    func band(on to: String) -> String? {
      welfareUse(
        typology: [typologyPerson(1, .short)], persons: persons, events: [], serviceNames: [],
        parameters: parameters("2021-01-01", to)
      ).sexAge.first { $0.perGroup != [0, 0, 0] }?.ageBand.label
    }
    XCTAssertEqual(band(on: "2022-02-28"), "<18")
    XCTAssertEqual(band(on: "2022-03-01"), "18-29")
  }
}
