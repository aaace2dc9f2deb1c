import Foundation
import PipelineCore
import PipelineRunner
import Synth
import XCTest

/// The synthetic data, run through the whole pipeline (not recomputed here), gives the
/// published figures of `data/published_figures.json`; and the pipeline's
/// quality report counts back exactly the defects the generator says it injected.
///
/// This is a check of the generator's calibration, not of the pipeline's arithmetic
/// (the reference implementation and the hand-worked fixtures check that), and not a
/// claim about real data: the data is invented.
final class SynthCalibrationTests: XCTestCase {
  /// The repository root, from this file's path.
  private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  private var folder = ""

  override func setUpWithError() throws {
    folder = NSTemporaryDirectory() + "synth-calibration-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// 20,000 users, data 2015–2023. The typology, welfare and region figures are read
  /// from a run with the published typology's window 2016–2022; the yearly figures of
  /// 2023 from a run with window 2017–2023 (the synth's own pipeline file), since the
  /// yearly tables cover the window's years only. Both runs share their load and dedup.
  func testPipelineReproducesThePublishedFigures() throws {
    let data = folder + "/data"
    let options = SynthOptions(
      out: data, persons: 20_000, fromYear: 2015, toYear: 2023, seed: 11, population: 20_000)
    _ = try synthesize(options)
    let published = try Self.published()

    // Run 1: window 2016–2022.
    let yaml = try String(contentsOfFile: data + "/pipeline.yaml", encoding: .utf8)
    let lastSeven = "window: {from: 2017-01-01, to: 2023-12-31}"
    XCTAssertTrue(yaml.contains(lastSeven), "the synth's window is the last seven years of the data")
    let typologyYAML = yaml.replacingOccurrences(of: lastSeven, with: "window: {from: 2016-01-01, to: 2022-12-31}")
    try typologyYAML.write(toFile: data + "/typology.yaml", atomically: true, encoding: .utf8)
    let tables = try run(data + "/typology.yaml")

    // Typology (VIVE 2024, 2016–2022): shares ±3 pp, mean stays and nights ±10 %.
    let typology = try Self.table(tables + "/typology.csv", key: "group")
    let groups = try XCTUnwrap(
      (published["typology_2016_2022"] as? [String: Any])?["groups"] as? [String: [String: Double]])
    for group in ["short", "episodic", "long"] {
      let target = try XCTUnwrap(groups[group])
      let row = try XCTUnwrap(typology[group])
      let share = try Self.number(row["share_persons"]) * 100
      let stays = try Self.number(row["mean_stays"])
      let nights = try Self.number(row["mean_nights"])
      print(
        "calibration typology \(group): share \(share) % (\(target["share_persons_pct"]!)), stays \(stays) (\(target["mean_stays"]!)), nights \(nights) (\(target["mean_nights"]!))"
      )
      XCTAssertEqual(share, target["share_persons_pct"]!, accuracy: 3, "\(group) share of persons")
      XCTAssertEqual(stays, target["mean_stays"]!, accuracy: target["mean_stays"]! * 0.1, "\(group) mean stays")
      XCTAssertEqual(nights, target["mean_nights"]!, accuracy: target["mean_nights"]! * 0.1, "\(group) mean nights")
    }

    // Welfare use (VIVE 2024): either 80 %, both 45 %, episodic both 65 %, § 85 about
    // a fifth (the publication's words; 20 % here), each ±3 pp.
    let welfare = try Self.rows(tables + "/welfare_use.csv")
    func welfareShare(_ indicator: String, _ group: String) throws -> Double {
      let row = try XCTUnwrap(welfare.first { $0["indicator"] == indicator && $0["group"] == group }, indicator)
      return try Self.number(row["share"]) * 100
    }
    let use = try XCTUnwrap(published["welfare_use_2016_2022"] as? [String: Any])
    let welfareTargets: [(String, String, Double)] = [
      ("psych_or_substance", "total", try XCTUnwrap(use["all_users_psych_or_substance_pct"] as? Double)),
      ("psych_and_substance", "total", try XCTUnwrap(use["all_users_psych_and_substance_pct"] as? Double)),
      ("psych_and_substance", "episodic", try XCTUnwrap(use["episodic_psych_and_substance_pct"] as? Double)),
      ("support_85", "total", 20),
    ]
    for (indicator, group, target) in welfareTargets {
      let share = try welfareShare(indicator, group)
      print("calibration welfare \(indicator) \(group): \(share) % (\(target))")
      XCTAssertEqual(share, target, accuracy: 3, "\(indicator), \(group)")
    }

    // Regions: each region's share of the typology persons as its share of the 2024 count.
    let byRegion = try Self.rows(tables + "/typology_by_region.csv").filter { $0["group"] == "total" }
    let allPersons = try Self.number(byRegion.first { $0["region"] == "total" }?["persons"])
    let counted = try Self.regionCounts()
    let countedTotal = counted.values.reduce(0, +)
    XCTAssertEqual(counted.count, 5)
    for (region, count) in counted {
      let persons = try Self.number(byRegion.first { $0["region"] == region }?["persons"])
      print("calibration region \(region): \(persons / allPersons * 100) % (\(count / countedTotal * 100))")
      XCTAssertEqual(persons / allPersons * 100, count / countedTotal * 100, accuracy: 3, region)
    }

    // Run 2: window 2017–2023, for the yearly figures of 2023 (Socialpolitisk
    // Redegørelse 2024): stays-per-user bins ±3 pp, nights per user ±10 % of 126.
    let yearlyTables = try run(data + "/pipeline.yaml")
    let yearly = try XCTUnwrap(published["yearly_2023"] as? [String: Any])
    let bins = try XCTUnwrap(yearly["stays_per_user_bins_pct"] as? [String: Double])
    let repeatUse = try Self.rows(yearlyTables + "/repeat_use.csv").filter { $0["year"] == "2023" }
    for (bin, target) in bins {
      let share = try Self.number(repeatUse.first { $0["bin"] == bin }?["share"]) * 100
      print("calibration 2023 users with \(bin) stays: \(share) % (\(target))")
      XCTAssertEqual(share, target, accuracy: 3, "2023, \(bin) stays")
    }
    // Age profile of the 2023 users (yearly_users_by_sex_age, all sexes): under 40 just
    // under half (read as 47 %), 18–29 a quarter, each ±3 pp.
    let ages = try Self.rows(yearlyTables + "/yearly_users_by_sex_age.csv").filter {
      $0["year"] == "2023" && $0["sex"] == "total"
    }
    func ageShare(_ bands: [String]) throws -> Double {
      try bands.reduce(0) { sum, band in try sum + Self.number(ages.first { $0["age_band"] == band }?["share"]) } * 100
    }
    let under40 = try ageShare(["<18", "18-29", "30-39"])
    let young = try ageShare(["18-29"])
    print("calibration 2023 users under 40: \(under40) % (just under half), 18-29: \(young) % (a quarter)")
    XCTAssertEqual(yearly["under_40_share"] as? String, "just under half")
    XCTAssertEqual(yearly["age_18_29_share"] as? String, "one quarter")
    XCTAssertEqual(under40, 47, accuracy: 3, "2023 users under 40")
    XCTAssertEqual(young, 25, accuracy: 3, "2023 users aged 18-29")
    let users = try Self.table(yearlyTables + "/yearly_users.csv", key: "year")
    for year in 2017...2023 {
      let row = try XCTUnwrap(users[String(year)])
      print(
        "calibration \(year): users \(row["users"]!), nights per user \(row["nights_per_user"]!), stays per user \(row["stays_per_user"]!)"
      )
    }
    // Nights per user: 126 in 2023 and 131 in 2021 (±10 %). Users: 6,500 in 2018 and
    // 7,200 in 2023, so the synthetic users grow by that ratio (±5 %); the synth has
    // fewer users than Denmark, so only the ratio is comparable.
    for (year, key) in [(2023, "mean_nights_per_user"), (2021, "mean_nights_per_user_2021")] {
      let nightsPerUser = try Self.number(users[String(year)]?["nights_per_user"])
      let target = try XCTUnwrap(yearly[key] as? Double)
      print("calibration \(year) nights per user \(nightsPerUser) (published \(target))")
      XCTAssertEqual(nightsPerUser, target, accuracy: target * 0.1, "\(year) nights per user")
    }
    let growth = try Self.number(users["2023"]?["users"]) / Self.number(users["2018"]?["users"])
    let publishedGrowth = try XCTUnwrap(yearly["users"] as? Double) / XCTUnwrap(yearly["users_2018"] as? Double)
    print("calibration users 2023 / 2018: \(growth) (published \(publishedGrowth))")
    XCTAssertEqual(growth, publishedGrowth, accuracy: publishedGrowth * 0.05, "users 2023 / users 2018")
  }

  /// Defects injected at rate 0.01 come back, one by one, in the quality report.
  func testQualityReportCountsTheInjectedDefects() throws {
    let data = folder + "/data"
    let options = SynthOptions(
      out: data, persons: 5_000, fromYear: 2018, toYear: 2023, seed: 7, population: 5_000, defectRate: 0.01)
    _ = try synthesize(options)
    _ = try run(data + "/pipeline.yaml")

    let counts = try Self.json(data + "/synth_counts.json")
    let injected = try XCTUnwrap(counts["defects"] as? [String: Int])
    let quality = try Self.json(folder + "/out/data/quality.json")
    let sources = try XCTUnwrap(quality["sources"] as? [[String: Any]])
    let stays = try XCTUnwrap(sources.first { $0["name"] as? String == "boform110" })
    let rejected = try XCTUnwrap(stays["rejected_by_reason"] as? [String: Int])
    let dedup = try XCTUnwrap(quality["dedup"] as? [String: Int])
    print(
      "defects injected \(injected), new-year splits \(counts["new_year_splits"]!); quality \(dedup), rejected \(rejected)"
    )

    for kind in ["exact_duplicates", "same_start_reports", "nine_digit_ids", "wrong_field_count", "impossible_dates"] {
      XCTAssertGreaterThan(injected[kind] ?? 0, 0, "\(kind) injected")
    }
    XCTAssertEqual(dedup["exact_duplicates"], injected["exact_duplicates"])
    XCTAssertEqual(dedup["same_start_duplicates"], injected["same_start_reports"])
    XCTAssertEqual(dedup["ids_repaired"], injected["nine_digit_ids"])
    XCTAssertEqual(stays["ids_repaired"] as? Int, injected["nine_digit_ids"])
    XCTAssertEqual(rejected["wrong number of fields"], injected["wrong_field_count"])
    XCTAssertEqual(rejected["unparsable start"], injected["impossible_dates"])
    XCTAssertEqual(rejected.count, 2, "no other reject reason")
    XCTAssertEqual(stays["rejected"] as? Int, counts["malformed_rows"] as? Int)
    XCTAssertEqual(dedup["new_year_splits_stitched"], counts["new_year_splits"] as? Int)
    XCTAssertEqual(dedup["overlaps_stitched"], 0)
    XCTAssertGreaterThan(counts["new_year_splits"] as? Int ?? 0, 0)
  }

  // MARK: - Helpers

  /// Runs the pipeline file into `folder/out`; returns its tables folder.
  private func run(_ pipeline: String) throws -> String {
    let config = try PipelineConfig.load(path: pipeline)
    var options = RunOptions()
    options.outputRoot = folder + "/out"
    options.quiet = true
    let runner = PipelineRun(config: config, options: options)
    try runner.run()
    return runner.paths.tables
  }

  private static func published() throws -> [String: Any] {
    try json(root.appendingPathComponent("data/published_figures.json").standardized.path)
  }

  private static func json(_ path: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    return try XCTUnwrap(object as? [String: Any], path)
  }

  /// A published table's rows as column → text (the tables have no quoted fields).
  private static func rows(_ path: String) throws -> [[String: String]] {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = try XCTUnwrap(lines.first)
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }

  private static func table(_ path: String, key: String) throws -> [String: [String: String]] {
    Dictionary(try rows(path).map { ($0[key] ?? "", $0) }, uniquingKeysWith: { first, _ in first })
  }

  private static func number(_ text: String?) throws -> Double {
    try XCTUnwrap(text.flatMap(Double.init), "a number, not suppressed or empty")
  }

  /// VIVE's 2024 count by region name, from the package's `municipalities.csv`.
  private static func regionCounts() throws -> [String: Double] {
    let path = root.appendingPathComponent("Sources/RegisterModel/Resources/municipalities.csv").standardized.path
    var counts: [String: Double] = [:]
    for row in try rows(path) {
      counts[row["region_name"]!, default: 0] += try number(row["homeless_count_2024"])
    }
    return counts
  }
}
