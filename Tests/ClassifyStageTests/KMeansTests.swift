import RegisterModel
import XCTest

@testable import ClassifyStage

/// `method: kmeans` (SPEC 6): z-scores, Lloyd iterations, fallback and naming.
final class KMeansTests: XCTestCase {
  /// Seven persons, default thresholds (episodic E ≥ 4, long D ≥ 180):
  ///
  ///     person  E    D   rules      z(E)     z(D)
  ///     1       1   10   short    −0.6065  −0.7756
  ///     2       1   20   short    −0.6065  −0.7423
  ///     3       4   30   episodic  0.9855  −0.7090
  ///     4       6   40   episodic  2.0469  −0.6757
  ///     5       1  180   long     −0.6065  −0.2094
  ///     6       1  700   long     −0.6065   1.5227
  ///     7       1  720   long     −0.6065   1.5893
  ///
  /// E: mean 15/7 = 2.1429, population SD 1.8844; D: mean 1700/7 = 242.857, SD 300.224.
  /// Initial centroids (rules means): short (−0.6065, −0.7590), episodic (1.5162,
  /// −0.6923), long (−0.6065, 0.9675).
  /// Pass 1: person 5 has the E of both the short and the long centroid, so only D
  /// matters: d²(short) = (−0.2094 + 0.7590)² = 0.5496² = 0.3020, d²(long) =
  /// (0.9675 + 0.2094)² = 1.1769² = 1.3851 (episodic: 2.1227² + 0.4829² = 4.739): it
  /// moves to short. Everyone else stays (e.g. person 3: 0.2819 to episodic, 2.537 to
  /// short). New centroids: short {1, 2, 5} (−0.6065, −0.5758), long {6, 7} (−0.6065,
  /// 1.5560).
  /// Pass 2: person 5: 0.3664² = 0.1342 to short, 1.7654² = 3.1164 to long; nothing
  /// changes, stop. Naming: mean D short 70, episodic 35, long 710 → long; of the others
  /// mean E 1 vs 5 → episodic. So k-means moves person 5 from rules-long to short.
  func testKMeansMovesABorderlinePersonAwayFromItsRulesGroup() {
    let features = [(1, 10), (1, 20), (4, 30), (6, 40), (1, 180), (1, 700), (1, 720)]
    let input = features.enumerated().flatMap { i, f in
      stays(person: PersonKey(i + 1), episodes: f.0, nights: f.1)
    }
    let rules = classify(stays: input, parameters: parameters(method: .rules))
    XCTAssertEqual(rules.typology.map(\.group), [.short, .short, .episodic, .episodic, .long, .long, .long])

    let result = classify(stays: input, parameters: parameters(method: .kmeans))
    XCTAssertEqual(
      result.typology.map(\.group), [.short, .short, .episodic, .episodic, .short, .long, .long])
    XCTAssertEqual(
      result.typologyFigures,
      TypologyFigures(
        groups: [
          GroupTotals(persons: 3, stays: 3, episodes: 3, nights: 210),
          GroupTotals(persons: 2, stays: 10, episodes: 10, nights: 70),
          GroupTotals(persons: 2, stays: 2, episodes: 2, nights: 1420),
        ], fellBackToRules: false))
  }

  /// Thresholds episodic E ≥ 3, long D ≥ 100 seed the high-D persons 3 and 4 as
  /// episodic and persons 5 and 6 (E = 2) as long. Lloyd keeps the seeds (each person's
  /// nearest centroid is its own), and naming renames them: cluster {3, 4} has the
  /// highest mean D (410) → long; of the rest, {5, 6} has mean E 2 > 1 → episodic.
  func testNamingFollowsTheClusterMeansNotTheSeeds() {
    let features = [(1, 10), (1, 12), (3, 400), (4, 420), (2, 100), (2, 110)]
    let input = features.enumerated().flatMap { i, f in
      stays(person: PersonKey(i + 1), episodes: f.0, nights: f.1)
    }
    let result = classify(stays: input, parameters: parameters(method: .kmeans, episodicMin: 3, longMin: 100))
    XCTAssertEqual(result.typology.map(\.group), [.short, .short, .long, .long, .episodic, .episodic])
  }

  func testEmptyRulesGroupFallsBackToRules() {
    // Nobody has 4 episodes: no episodic seed.
    let input =
      stays(person: 1, episodes: 1, nights: 10) + stays(person: 2, episodes: 1, nights: 200)
      + stays(person: 3, episodes: 2, nights: 20)
    let result = classify(stays: input, parameters: parameters(method: .kmeans))
    XCTAssertEqual(result.typology.map(\.group), [.short, .long, .short])
    XCTAssertEqual(
      result.typologyFigures,
      TypologyFigures(
        groups: [
          GroupTotals(persons: 2, stays: 3, episodes: 3, nights: 30), GroupTotals(),
          GroupTotals(persons: 1, stays: 1, episodes: 1, nights: 200),
        ], fellBackToRules: true))
  }

  func testNoTypologyPersonsIsAFallbackWithEmptyGroups() {
    let result = classify(stays: [stay("2015-01-01", "2015-02-01")], parameters: parameters())
    XCTAssertEqual(result.typology, [])
    XCTAssertEqual(
      result.typologyFigures,
      TypologyFigures(groups: [GroupTotals(), GroupTotals(), GroupTotals()], fellBackToRules: true))
    XCTAssertFalse(
      classify(stays: [], parameters: parameters(method: .rules)).typologyFigures.fellBackToRules)
  }

  func testZScoresUseThePopulationDeviation() {
    // Mean 2, variance 2/3: z = ±1 / √(2/3) = ±√1.5.
    let z = zScores([1, 2, 3])
    XCTAssertEqual(z[0], -(1.5).squareRoot(), accuracy: 1e-12)
    XCTAssertEqual(z[1], 0, accuracy: 1e-12)
    XCTAssertEqual(z[2], (1.5).squareRoot(), accuracy: 1e-12)
    XCTAssertEqual(zScores([5, 5, 5]), [0, 0, 0])
  }

  func testDistanceTiesGoToTheFirstClusterAndAnEmptiedClusterKeepsItsCentroid() {
    // Clusters 0 = {(0,0), (10,0)} and 1 = {(5,0)} both have centroid (5,0): every tie
    // goes to cluster 0, cluster 1 empties and keeps (5,0), and the next pass is stable.
    let points: [SIMD2<Double>] = [SIMD2(0, 0), SIMD2(10, 0), SIMD2(5, 0), SIMD2(100, 0)]
    XCTAssertEqual(lloyd(points: points, initial: [0, 0, 1, 2]), [0, 0, 0, 2])
    XCTAssertEqual(nearestCentroid(to: SIMD2(0, 0), among: [SIMD2(1, 0), SIMD2(-1, 0), SIMD2(0, 1)]), 0)
  }

  func testNamingByMeans() {
    func sums(_ rows: [(Int, Int, Int)]) -> [ClusterSums] {
      rows.map { ClusterSums(members: $0.0, episodes: $0.1, nights: $0.2) }
    }
    // Seeded short has the highest mean D, seeded episodic the higher mean E.
    XCTAssertEqual(nameClusters(sums([(2, 2, 1000), (2, 10, 20), (2, 2, 40)])), [.long, .episodic, .short])
    // Equal mean D (100 each): the later seed wins long; then mean E 1 vs 5.
    XCTAssertEqual(nameClusters(sums([(1, 1, 100), (2, 10, 200), (1, 1, 100)])), [.short, .episodic, .long])
    // Equal mean E among the other two: the later seed wins episodic.
    XCTAssertEqual(nameClusters(sums([(1, 2, 10), (1, 2, 10), (1, 1, 500)])), [.short, .episodic, .long])
    // An empty cluster ranks below any non-empty one.
    XCTAssertEqual(nameClusters(sums([(0, 0, 0), (3, 3, 30), (2, 2, 40)])), [.short, .episodic, .long])
    XCTAssertEqual(nameClusters(sums([(2, 20, 40), (0, 0, 0), (3, 3, 30)])), [.long, .short, .episodic])
    XCTAssertEqual(nameClusters(sums([(0, 0, 0), (0, 0, 0), (5, 5, 50)])), [.short, .episodic, .long])
  }
}
