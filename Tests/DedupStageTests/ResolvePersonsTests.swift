import RegisterModel
import XCTest

@testable import DedupStage

/// SPEC 5.6: one record per person.
final class ResolvePersonsTests: XCTestCase {
  func testMostFrequentValueWins() {
    let records = [
      PersonRecord(person: 7, sex: .male, municipality: "101", order: 1),
      PersonRecord(person: 7, sex: .female, municipality: "101", order: 2),
      PersonRecord(person: 7, sex: .male, municipality: "851", order: 3),
    ]
    let (persons, conflicts) = resolvePersons(records)
    XCTAssertEqual(persons, [PersonRecord(person: 7, sex: .male, municipality: "101", order: 1)])
    XCTAssertEqual(conflicts, 2)
  }

  func testTieTakesTheValueOfTheLastRecordInInputOrder() {
    // Arrays in another order than `order`: the field decides, not the position.
    let records = [
      PersonRecord(person: 7, birthDate: day("1980-05-01"), order: 9),
      PersonRecord(person: 7, birthDate: day("1981-05-01"), order: 4),
      PersonRecord(person: 7, birthDate: day("1981-05-01"), order: 1),
      PersonRecord(person: 7, birthDate: day("1980-05-01"), order: 6),
    ]
    let (persons, conflicts) = resolvePersons(records)
    XCTAssertEqual(persons, [PersonRecord(person: 7, birthDate: day("1980-05-01"), order: 1)])
    XCTAssertEqual(conflicts, 1)
  }

  func testMissingValuesNeitherWinNorConflict() {
    let records = [
      PersonRecord(person: 3, sex: .female, order: 1),
      PersonRecord(person: 3, sex: nil, municipality: "147", order: 2),
      PersonRecord(person: 3, sex: nil, order: 3),
    ]
    let (persons, conflicts) = resolvePersons(records)
    XCTAssertEqual(persons, [PersonRecord(person: 3, sex: .female, municipality: "147", order: 1)])
    XCTAssertEqual(conflicts, 0)
  }

  func testOneRecordPerPersonSortedByPerson() {
    let records = [
      PersonRecord(person: 9, sex: .male, order: 1),
      PersonRecord(person: 2, order: 2),
      PersonRecord(person: 9, sex: .male, order: 3),
      PersonRecord(person: 5, sex: .female, order: 4),
    ]
    let (persons, conflicts) = resolvePersons(records)
    XCTAssertEqual(
      persons,
      [
        PersonRecord(person: 2, order: 2), PersonRecord(person: 5, sex: .female, order: 4),
        PersonRecord(person: 9, sex: .male, order: 1),
      ])
    XCTAssertEqual(conflicts, 0)
  }

  func testConflictsCountOncePerPersonAndField() {
    let records = [
      PersonRecord(person: 1, municipality: "101", order: 1),
      PersonRecord(person: 1, municipality: "147", order: 2),
      PersonRecord(person: 1, municipality: "151", order: 3),
      PersonRecord(person: 2, municipality: "101", order: 4),
      PersonRecord(person: 2, municipality: "147", order: 5),
    ]
    let (persons, conflicts) = resolvePersons(records)
    XCTAssertEqual(persons.map(\.municipality), ["151", "147"])
    XCTAssertEqual(conflicts, 2)
  }
}
