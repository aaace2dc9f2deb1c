import RegisterModel
import XCTest

@testable import DedupStage

/// SPEC 5.4 and 5.5: stitching per (person, institution).
final class StitchingTests: XCTestCase {
  func testNewYearSplitIsStitched() {
    let input = [
      stay("2020-01-01", "2020-02-10", exit: "1", municipality: "101", order: 8),
      stay("2019-06-01", "2019-12-31", exit: "9", municipality: "851", order: 3),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2019-06-01", "2020-02-10", exit: "1", municipality: "101", order: 3)])
    XCTAssertEqual(stays[0].nightCount, 254)
    XCTAssertEqual(quality, DedupQuality(newYearStitched: 1))
  }

  func testNewYearSplitIntoAnOpenStayIsStitchedAndCensored() {
    let input = [
      stay("2022-11-01", "2022-12-31", exit: "9", order: 1),
      stay("2023-01-01", nil, order: 2),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2022-11-01", nil, order: 1)])
    XCTAssertTrue(stays[0].isCensored)
    XCTAssertEqual(quality, DedupQuality(newYearStitched: 1))
  }

  func testAGapOverNewYearThatIsNotTheSplitIsKept() {
    let input = [
      stay("2019-06-01", "2019-12-30", order: 1),
      stay("2020-01-01", "2020-02-10", order: 2),
      stay("2020-06-01", "2020-12-31", order: 3),
      stay("2021-01-02", "2021-02-10", order: 4),
      // 1 January after a stay ending on any other day than 31 December.
      stay("2021-10-01", "2021-11-30", order: 5),
      stay("2022-01-01", "2022-01-05", order: 6),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays.map(\.order), [1, 2, 3, 4, 5, 6])
    XCTAssertEqual(quality, DedupQuality())
  }

  func testStartOnThePreviousEndIsAnOverlap() {
    let input = [
      stay("2020-03-01", "2020-03-20", exit: "2", order: 1),
      stay("2020-03-20", "2020-04-05", exit: "1", order: 2),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2020-03-01", "2020-04-05", exit: "1", order: 1)])
    XCTAssertEqual(quality, DedupQuality(overlapsStitched: 1))
  }

  func testStartTheDayAfterThePreviousEndIsNotMerged() {
    let input = [
      stay("2020-03-01", "2020-03-20", order: 1),
      stay("2020-03-21", "2020-04-05", order: 2),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, input)
    XCTAssertEqual(quality, DedupQuality())
  }

  func testContainedStayKeepsTheOuterEndAndItsFields() {
    let input = [
      stay("2020-03-01", "2020-03-30", exit: "1", municipality: "101", order: 1),
      stay("2020-03-05", "2020-03-10", exit: "2", municipality: "851", order: 2),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2020-03-01", "2020-03-30", exit: "1", municipality: "101", order: 1)])
    XCTAssertEqual(quality, DedupQuality(overlapsStitched: 1))
  }

  func testChainIsComparedWithTheMergedEnd() {
    // C starts after B's end but on or before the merged end (A's 20 March).
    let input = [
      stay("2020-03-01", "2020-03-20", order: 1),
      stay("2020-03-05", "2020-03-10", order: 2),
      stay("2020-03-15", "2020-03-25", exit: "1", order: 3),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2020-03-01", "2020-03-25", exit: "1", order: 1)])
    XCTAssertEqual(quality, DedupQuality(overlapsStitched: 2))
  }

  func testOpenStayOverlapsWithItsExtractDate() {
    // The open stay ends on 2023-12-31; the closed one ends the same day: closed wins.
    let input = [
      stay("2023-01-10", nil, municipality: "851", order: 1),
      stay("2023-06-01", "2023-12-31", exit: "1", municipality: "101", order: 2),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2023-01-10", "2023-12-31", exit: "1", municipality: "101", order: 1)])
    XCTAssertFalse(stays[0].isCensored)
    XCTAssertEqual(quality, DedupQuality(overlapsStitched: 1))
  }

  func testLaterOpenStayExtendsAClosedOneAndIsCensored() {
    let input = [
      stay("2023-01-10", "2023-03-01", exit: "1", order: 1),
      stay("2023-02-01", nil, order: 2),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2023-01-10", nil, order: 1)])
    XCTAssertEqual(quality, DedupQuality(overlapsStitched: 1))
  }

  func testEqualClosedEndsKeepTheEarlierRecordsFields() {
    let input = [
      stay("2020-03-01", "2020-03-20", exit: "2", order: 5),
      stay("2020-03-10", "2020-03-20", exit: "1", order: 1),
    ]
    let (stays, _) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2020-03-01", "2020-03-20", exit: "2", order: 5)])
  }

  func testSameDayStayOnTheCheckOutDayIsMerged() {
    // Starts on the previous end, so it is an overlap; the merged stay ends 10 March.
    let input = [
      stay("2020-03-01", "2020-03-10", order: 1),
      stay("2020-03-10", "2020-03-10", order: 2),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays, [stay("2020-03-01", "2020-03-10", order: 1)])
    XCTAssertEqual(quality, DedupQuality(overlapsStitched: 1))
  }

  func testOverlappingStaysAtTwoInstitutionsAreNotMerged() {
    let input = [
      stay("A", "2020-03-01", "2020-03-20", order: 1),
      stay("B", "2020-03-10", "2020-04-01", order: 2),
      stay("B", "2019-12-01", "2019-12-31", order: 3),
      stay("A", "2020-01-01", "2020-01-05", order: 4),
    ]
    let (stays, quality) = dedupStays(input)
    XCTAssertEqual(stays.map(\.order), [3, 4, 1, 2])
    XCTAssertEqual(quality, DedupQuality())
  }

  func testPersonsAreNeverMerged() {
    let input = [
      stay(person: 1, "2020-03-01", "2020-03-20", order: 1),
      stay(person: 2, "2020-03-10", "2020-04-01", order: 2),
    ]
    XCTAssertEqual(dedupStays(input).stays, input)
  }

  func testDedupRunsAllRulesAndResolvesPersons() {
    let stays = [
      stay("2019-06-01", "2019-12-31", order: 1),
      stay("2019-06-01", "2019-12-31", order: 2),
      stay("2019-06-01", "2019-11-30", order: 3),
      stay("2020-01-01", "2020-01-20", order: 4),
      stay("2020-01-15", "2020-02-01", exit: "1", order: 5),
    ]
    let persons = [
      PersonRecord(person: 1, sex: .male, order: 1),
      PersonRecord(person: 1, sex: .female, order: 2),
    ]
    let result = dedup(stays: stays, persons: persons)
    XCTAssertEqual(result.stays, [stay("2019-06-01", "2020-02-01", exit: "1", order: 1)])
    XCTAssertEqual(result.persons, [PersonRecord(person: 1, sex: .female, order: 1)])
    XCTAssertEqual(
      result.quality,
      DedupQuality(
        exactDuplicates: 1, sameStartDuplicates: 1, newYearStitched: 1, overlapsStitched: 1,
        personFieldConflicts: 1))
  }
}
