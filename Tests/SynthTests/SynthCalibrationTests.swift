import RegisterModel
import XCTest

@testable import Synth

/// Recomputes the published figures from 20,000 generated users in memory, with a
/// small computation of its own (SPEC 1, 6, 7, 8 on the true stays), and checks them
/// against `data/published_figures.json`: shares within 3 percentage points, means
/// within 10 %.
final class SynthCalibrationTests: XCTestCase {
  /// What the check measures for one person of the typology.
  private struct Measured {
    var episodes = 0
    var nights = 0
    var stays = 0
    var type: UserType
    var latent: UserType
  }

  func testFiguresMatchThePublishedOnes() {
    // Data 2015–2023, the published typology's window 2016–2022, the yearly figures of
    // 2023 (the last year of the data, so careers still running are open stays there).
    let options = SynthOptions(out: "", persons: 20_000, fromYear: 2015, toYear: 2023, seed: 2024, population: 20_000)
    let population = SynthPopulation(options)
    let window = Day.firstOfYear(2016)...Day.lastOfYear(2022)
    let extract = population.period.upperBound
    var people: [Measured] = []
    var whole: [Bool] = []
    var services: [(type: UserType, psych: Bool, substance: Bool, support85: Bool)] = []
    var yearStays: [Int: [Int]] = [:]
    var yearNights: [Int: Int] = [:]

    for index in 0..<population.size {
      let person = population.person(index)
      // Nights as day intervals [first, last]; an open stay ends at the extract date.
      let stays = person.stays.map { stay -> (start: Day, end: Day, nights: ClosedRange<Int32>) in
        let end = stay.end ?? extract
        let last = end > stay.start ? end.rawValue - 1 : stay.start.rawValue
        return (stay.start, end, stay.start.rawValue...last)
      }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
      var episodes: [[ClosedRange<Int32>]] = []
      var latestEnd = Day(rawValue: .min)
      for stay in stays {
        if episodes.isEmpty || stay.start - latestEnd > 30 {
          episodes.append([])
          latestEnd = stay.end
        }
        episodes[episodes.count - 1].append(stay.nights)
        latestEnd = max(latestEnd, stay.end)
      }
      for year in 2015...2023 {
        let range = Day.firstOfYear(year).rawValue...Day.lastOfYear(year).rawValue
        let n = Self.union(stays.map(\.nights), within: range)
        guard n > 0 else { continue }
        yearStays[year, default: []].append(stays.filter { $0.nights.overlaps(range) }.count)
        yearNights[year, default: 0] += n
      }
      let inWindow = window.lowerBound.rawValue...window.upperBound.rawValue
      let nights = Self.union(stays.map(\.nights), within: inWindow)
      guard nights > 0, let latent = person.type else { continue }
      let e = episodes.filter { Self.union($0, within: inWindow) > 0 }.count
      let s = stays.filter { $0.nights.overlaps(inWindow) }.count
      let type: UserType = e >= 4 ? .episodic : nights >= 180 ? .long : .short
      people.append(Measured(episodes: e, nights: nights, stays: s, type: type, latent: latent))
      // A career seen whole: its stays lie in the window, a year or more inside the data.
      whole.append(
        stays.allSatisfy {
          inWindow.contains($0.nights.lowerBound) && inWindow.contains($0.nights.upperBound)
            && $0.end <= window.upperBound
        })

      func used(_ service: Service) -> Bool {
        person.events.contains { event in
          guard event.service == service, event.start <= window.upperBound, (event.end ?? extract) >= window.lowerBound
          else { return false }
          let code = event.code.uppercased().replacingOccurrences(of: ".", with: "")
          return service != .psychiatric || (2...9).contains { code.hasPrefix("DF\($0)") }
        }
      }
      services.append((type, used(.psychiatric), used(.substance), used(.support85)))
    }

    // Typology (VIVE 2024): shares, mean stays and mean nights per group, by k-means
    // as the pipeline does it (SPEC 6).
    let total = Double(people.count)
    let kmeans = Self.kmeans(people)
    let agree = Double(zip(people, kmeans).filter { $0.type == $1 }.count) / total
    print("calibration k-means agrees with the rules: \(agree)")
    let targets: [(UserType, share: Double, stays: Double, nights: Double)] = [
      (.short, 0.644, 1.3, 84.0), (.episodic, 0.085, 8.3, 524.1), (.long, 0.271, 2.0, 557.6),
    ]
    for (type, share, stays, nights) in targets {
      let group = zip(people, kmeans).filter { $0.1 == type }.map(\.0)
      let n = Double(group.count)
      let measured = (
        share: n / total, stays: Double(group.map(\.stays).reduce(0, +)) / n,
        nights: Double(group.map(\.nights).reduce(0, +)) / n
      )
      print("calibration \(type): share \(measured.share) stays \(measured.stays) nights \(measured.nights)")
      XCTAssertEqual(measured.share, share, accuracy: 0.03, "\(type) share")
      XCTAssertEqual(measured.stays, stays, accuracy: stays * 0.1, "\(type) mean stays")
      XCTAssertEqual(measured.nights, nights, accuracy: nights * 0.1, "\(type) mean nights")
    }
    // Careers seen whole are recovered; one cut by the window's ends can look shorter.
    let seenWhole = zip(people, whole).filter(\.1).map(\.0)
    let recovered = Double(seenWhole.filter { $0.type == $0.latent }.count) / Double(seenWhole.count)
    let recoveredAll = Double(zip(people, kmeans).filter { $0.0.latent == $0.1 }.count) / total
    print(
      "calibration rules recover the latent type of \(seenWhole.count) careers seen whole: \(recovered); k-means of all: \(recoveredAll)"
    )
    XCTAssertGreaterThan(recovered, 0.99)
    XCTAssertGreaterThan(recoveredAll, 0.85)

    // Repeat use: 2023 and 2021 as published, users growing from 2018 to 2023.
    for year in 2015...2023 {
      let perUser = yearStays[year, default: []]
      let users = Double(perUser.count)
      let bins = [
        Double(perUser.filter { $0 == 1 }.count) / users, Double(perUser.filter { (2...4).contains($0) }.count) / users,
        Double(perUser.filter { $0 >= 5 }.count) / users,
      ]
      let nightsPerUser = Double(yearNights[year, default: 0]) / users
      print("calibration \(year): users \(perUser.count) bins \(bins) nights per user \(nightsPerUser)")
      if year == 2021 { XCTAssertEqual(nightsPerUser, 131, accuracy: 13.1, "2021 nights per user") }
      guard year == 2023 else { continue }
      XCTAssertEqual(bins[0], 0.68, accuracy: 0.03)
      XCTAssertEqual(bins[1], 0.28, accuracy: 0.03)
      XCTAssertEqual(bins[2], 0.04, accuracy: 0.03)
      XCTAssertEqual(nightsPerUser, 126, accuracy: 12.6, "2023 nights per user")
    }
    let growth = Double(yearStays[2023, default: []].count) / Double(yearStays[2018, default: []].count)
    XCTAssertEqual(growth, 7200.0 / 6500, accuracy: 7200.0 / 6500 * 0.05, "users 2023 / users 2018")

    // Welfare use (VIVE 2024).
    let either = Double(services.filter { $0.psych || $0.substance }.count) / total
    let both = Double(services.filter { $0.psych && $0.substance }.count) / total
    let episodic = services.filter { $0.type == .episodic }
    let episodicBoth = Double(episodic.filter { $0.psych && $0.substance }.count) / Double(episodic.count)
    let support85 = Double(services.filter(\.support85).count) / total
    print("calibration welfare: either \(either) both \(both) episodic both \(episodicBoth) § 85 \(support85)")
    XCTAssertEqual(either, 0.80, accuracy: 0.03)
    XCTAssertEqual(both, 0.45, accuracy: 0.03)
    XCTAssertEqual(episodicBoth, 0.65, accuracy: 0.03)
    XCTAssertEqual(support85, 0.20, accuracy: 0.03)
  }

  /// Days of the union of `ranges` that lie in `window`.
  private static func union(_ ranges: [ClosedRange<Int32>], within window: ClosedRange<Int32>) -> Int {
    let clipped = ranges.filter { $0.overlaps(window) }.map { $0.clamped(to: window) }.sorted {
      $0.lowerBound < $1.lowerBound
    }
    var count = 0
    var covered = Int32.min
    for range in clipped where range.upperBound > covered {
      count += Int(range.upperBound - max(range.lowerBound - 1, covered))
      covered = range.upperBound
    }
    return count
  }

  /// SPEC 6's k-means on z-scored (E, D), started from the rules.
  private static func kmeans(_ people: [Measured]) -> [UserType] {
    func z(_ values: [Double]) -> [Double] {
      let mean = values.reduce(0, +) / Double(values.count)
      let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
      return values.map { sd > 0 ? ($0 - mean) / sd : 0 }
    }
    let e = z(people.map { Double($0.episodes) })
    let d = z(people.map { Double($0.nights) })
    var assignment = people.map { $0.type.rawValue }
    var centroids = [(0.0, 0.0), (0.0, 0.0), (0.0, 0.0)]
    for _ in 0..<100 {
      for k in 0..<3 {
        let members = assignment.indices.filter { assignment[$0] == k }
        if !members.isEmpty {
          centroids[k] = (
            members.map { e[$0] }.reduce(0, +) / Double(members.count),
            members.map { d[$0] }.reduce(0, +) / Double(members.count)
          )
        }
      }
      let next = people.indices.map { i in
        (0..<3).min { a, b in
          let da = (e[i] - centroids[a].0) * (e[i] - centroids[a].0) + (d[i] - centroids[a].1) * (d[i] - centroids[a].1)
          let db = (e[i] - centroids[b].0) * (e[i] - centroids[b].0) + (d[i] - centroids[b].1) * (d[i] - centroids[b].1)
          return da < db || (da == db && a < b)
        }!
      }
      if next == assignment { break }
      assignment = next
    }
    // Named as SPEC 6 names them: the highest mean D is long; of the others, the
    // higher mean E is episodic.
    func mean(_ k: Int, _ value: (Measured) -> Int) -> Double {
      let members = people.indices.filter { assignment[$0] == k }
      return members.isEmpty ? -1 : Double(members.map { value(people[$0]) }.reduce(0, +)) / Double(members.count)
    }
    let long = (0..<3).max { mean($0, \.nights) < mean($1, \.nights) }!
    let others = (0..<3).filter { $0 != long }
    let episodic = mean(others[0], \.episodes) > mean(others[1], \.episodes) ? others[0] : others[1]
    return assignment.map { $0 == long ? .long : $0 == episodic ? .episodic : .short }
  }
}
