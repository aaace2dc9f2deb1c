import RegisterModel
import XCTest

@testable import DedupStage

/// SPEC 5.2 (exact duplicates) and 5.3 (same start).
final class DuplicateTests: XCTestCase {
  func testExactDuplicatesKeepTheFirstInInputOrder() {
    let input = [
      stay("2020-03-01", "2020-03-10", exit: "1", order: 7),
      stay("2020-03-01", "2020-03-10", exit: "1", order: 2),
      stay("2020-03-01", "2020-03-10", exit: "1", order: 5),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2020-03-01", "2020-03-10", exit: "1", order: 2)])
    XCTAssertEqual(quality, DedupQuality(exactDuplicates: 2))
  }

  func testStaysDifferingInOneFieldAreNotExactDuplicates() {
    // Same (person, institution, start, end): the exit reason differs, so the same-start
    // rule decides, and on the tie the first in input order wins.
    let input = [
      stay("2020-03-01", "2020-03-10", exit: "2", order: 4),
      stay("2020-03-01", "2020-03-10", exit: "1", order: 9),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2020-03-01", "2020-03-10", exit: "2", order: 4)])
    XCTAssertEqual(quality, DedupQuality(sameStartDuplicates: 1))
  }

  func testOpenStaysWithDifferentExtractDatesAreNotExactDuplicates() {
    let input = [
      stay("2020-03-01", nil, extract: "2022-12-31", order: 1),
      stay("2020-03-01", nil, extract: "2023-12-31", order: 2),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2020-03-01", nil, extract: "2023-12-31", order: 2)])
    XCTAssertEqual(quality, DedupQuality(sameStartDuplicates: 1))
  }

  func testSameStartKeepsTheLatestEnd() {
    let input = [
      stay("2020-03-01", "2020-03-20", exit: "2", order: 1),
      stay("2020-03-01", "2020-04-15", exit: "1", order: 2),
      stay("2020-03-01", "2020-03-05", exit: "3", order: 3),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2020-03-01", "2020-04-15", exit: "1", order: 2)])
    XCTAssertEqual(quality, DedupQuality(sameStartDuplicates: 2))
  }

  func testSameStartClosedBeatsOpenOnEqualEnds() {
    // The open stay ends on its extract date, 2023-12-31, like the closed one; it comes
    // first in input order, but the closed one wins.
    let input = [
      stay("2023-06-01", nil, exit: nil, order: 1),
      stay("2023-06-01", "2023-12-31", exit: "1", order: 2),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2023-06-01", "2023-12-31", exit: "1", order: 2)])
    XCTAssertFalse(stays[0].isCensored)
    XCTAssertEqual(quality, DedupQuality(sameStartDuplicates: 1))
  }

  func testSameStartOpenStayWithTheLaterEffectiveEndWins() {
    let input = [
      stay("2023-06-01", "2023-08-01", exit: "1", order: 1),
      stay("2023-06-01", nil, order: 2),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2023-06-01", nil, order: 2)])
    XCTAssertTrue(stays[0].isCensored)
    XCTAssertEqual(quality, DedupQuality(sameStartDuplicates: 1))
  }

  func testExactAndSameStartDuplicatesAreCountedSeparately() {
    let input = [
      stay("2020-03-01", "2020-03-10", order: 1),
      stay("2020-03-01", "2020-03-10", order: 2),
      stay("2020-03-01", "2020-03-12", order: 3),
      stay("2020-03-01", "2020-03-12", order: 4),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2020-03-01", "2020-03-12", order: 3)])
    XCTAssertEqual(quality, DedupQuality(exactDuplicates: 2, sameStartDuplicates: 1))
  }

  func testSameStartAtAnotherInstitutionOrPersonIsKept() {
    let input = [
      stay("A", "2020-03-01", "2020-03-10", order: 1),
      stay("B", "2020-03-01", "2020-03-10", order: 2),
      stay(person: 2, "A", "2020-03-01", "2020-03-10", order: 3),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, input)
    XCTAssertEqual(quality, DedupQuality())
  }

  func testOutputIsSortedByPersonStartEndInstitution() {
    let input = [
      stay(person: 2, "A", "2020-01-01", "2020-01-05", order: 0),
      stay(person: 1, "C", "2020-02-01", "2020-02-03", order: 1),
      stay(person: 1, "B", "2020-02-01", "2020-02-03", order: 2),
      stay(person: 1, "A", "2020-02-01", "2020-02-09", order: 3),
      stay(person: 1, "D", "2020-01-15", nil, order: 4),
    ]
    let (stays, _) = dedupStays(input)
    XCTAssertEqual(stays.map(\.order), [4, 2, 1, 3, 0])
  }
}
