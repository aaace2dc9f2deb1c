import RegisterModel
import TestSupport
import XCTest

@testable import DedupStage

/// Properties of dedup on generated registers: few persons and institutions and short
/// stays packed around New Year, so every rule fires often.
final class DedupPropertyTests: XCTestCase {
  /// Random stays: persons 1–8, institutions A–C, starts in 2019-11-01 … 2020-02-28,
  /// lengths 0–40 days, a tenth open, and a fifth of the rows re-emitted as exact
  /// copies or New-Year splits.
  func generatedStays(seed: UInt64, count: Int) -> [Stay] {
    var rng = SplitMix64(seed: seed)
    let first = day("2019-11-01")
    var stays: [Stay] = []
    for _ in 0..<count {
      let start = first + Int.random(in: 0..<120, using: &rng)
      let end: Day? =
        Int.random(in: 0..<10, using: &rng) == 0 ? nil : start + Int.random(in: 0...40, using: &rng)
      let stay = Stay(
        person: PersonKey.random(in: 1...8, using: &rng),
        institution: ["A", "B", "C"].randomElement(using: &rng)!, start: start, end: end,
        extractDate: [day("2020-01-31"), day("2020-03-31")].randomElement(using: &rng)!,
        exitReason: ["1", "2", nil].randomElement(using: &rng)!, order: stays.count)
      stays.append(stay)
      switch Int.random(in: 0..<10, using: &rng) {
      case 0:
        var copy = stay
        copy.order = stays.count
        stays.append(copy)
      case 1:
        var december = stay
        december.start = day("2019-12-01") + Int.random(in: 0..<30, using: &rng)
        december.end = day("2019-12-31")
        december.order = stays.count
        stays.append(december)
        var january = stay
        january.start = day("2020-01-01")
        january.order = stays.count
        stays.append(january)
      default: break
      }
    }
    return stays.shuffled(using: &rng)
  }

  func testNoOverlapOrNewYearAdjacencyRemainsAtOneInstitution() {
    for seed in 1...40 as ClosedRange<UInt64> {
      let (stays, quality) = dedupStays(generatedStays(seed: seed, count: 150))
      let byKey = Dictionary(grouping: stays) { "\($0.person)/\($0.institution)" }
      for (_, group) in byKey {
        let ordered = group.sorted { $0.start < $1.start }
        for (previous, next) in zip(ordered, ordered.dropFirst()) {
          XCTAssertGreaterThan(next.start, previous.effectiveEnd, "seed \(seed)")
          let (_, month, dayOfMonth) = previous.effectiveEnd.civil
          let newYearAdjacent = month == 12 && dayOfMonth == 31 && next.start == previous.effectiveEnd + 1
          XCTAssertFalse(newYearAdjacent, "seed \(seed)")
        }
      }
      XCTAssertGreaterThan(quality.overlapsStitched, 0, "seed \(seed)")
    }
  }

  func testEveryDroppedOrMergedStayIsCountedOnce() {
    var fired = DedupQuality()
    for seed in 1...40 as ClosedRange<UInt64> {
      let input = generatedStays(seed: seed, count: 150)
      let (stays, quality) = dedupStays(input)
      let removed =
        quality.exactDuplicates + quality.sameStartDuplicates + quality.newYearStitched
        + quality.overlapsStitched
      XCTAssertEqual(input.count - removed, stays.count, "seed \(seed)")
      fired.exactDuplicates += quality.exactDuplicates
      fired.sameStartDuplicates += quality.sameStartDuplicates
      fired.newYearStitched += quality.newYearStitched
    }
    XCTAssertGreaterThan(fired.exactDuplicates, 0)
    XCTAssertGreaterThan(fired.sameStartDuplicates, 0)
    XCTAssertGreaterThan(fired.newYearStitched, 0)
  }

  func testResultDoesNotDependOnArrayOrderAndIsSorted() {
    for seed in 1...20 as ClosedRange<UInt64> {
      let input = generatedStays(seed: seed, count: 150)
      var rng = SplitMix64(seed: seed &+ 1000)
      let first = dedupStays(input)
      let second = dedupStays(input.shuffled(using: &rng))
      XCTAssertEqual(first.stays, second.stays, "seed \(seed)")
      XCTAssertEqual(first.quality, second.quality, "seed \(seed)")
      for (a, b) in zip(first.stays, first.stays.dropFirst()) {
        XCTAssertTrue(
          (a.person, a.start, a.effectiveEnd, a.institution) < (
            b.person, b.start, b.effectiveEnd, b.institution
          ),
          "seed \(seed)")
      }
    }
  }

  func testStitchingKeepsEveryNightItCovers() {
    // A kept stay runs from the earliest to the latest end of the input records at its
    // person and institution that start inside it (an open stay may end on an extract
    // date before its start, so "inside" reaches at least to its start).
    for seed in 1...20 as ClosedRange<UInt64> {
      let input = generatedStays(seed: seed, count: 150)
      let (stays, _) = dedupStays(input)
      for stay in stays {
        let sources = input.filter {
          $0.person == stay.person && $0.institution == stay.institution && stay.start <= $0.start
            && $0.start <= max(stay.effectiveEnd, stay.start)
        }
        XCTAssertEqual(sources.map(\.start).min(), stay.start, "seed \(seed)")
        XCTAssertEqual(sources.map(\.effectiveEnd).max(), stay.effectiveEnd, "seed \(seed)")
      }
    }
  }
}
