import Foundation
import RegisterIO
import RegisterModel
import XCTest

@testable import Synth

/// The written files: determinism, encodings, dates, New-Year splits.
final class SynthFileTests: XCTestCase {
  private var folders: [String] = []

  override func tearDown() {
    for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    folders = []
  }

  private func options(seed: UInt64, defects: Double = 0.02) -> SynthOptions {
    // One folder name under different parents: the pipeline is named after the folder.
    let parent = NSTemporaryDirectory() + "synth-test-\(getpid())-\(folders.count)"
    folders.append(parent)
    let folder = parent + "/set"
    return SynthOptions(
      out: folder, persons: 300, fromYear: 2016, toYear: 2022, seed: seed, population: 1200, defectRate: defects)
  }

  private func bytes(_ folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      result[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
    }
    return result
  }

  func testSameSeedGivesSameBytesAndAnotherSeedDiffers() throws {
    let first = options(seed: 42)
    let second = options(seed: 42)
    let third = options(seed: 43)
    XCTAssertEqual(try synthesize(first), try synthesize(second))
    _ = try synthesize(third)
    let a = try bytes(first.out)
    let b = try bytes(second.out)
    let c = try bytes(third.out)
    XCTAssertEqual(
      a.keys.sorted(),
      ((2016...2022).map { "boform110_\($0).csv.gz" } + [
        "bef.csv.gz", "kriminal.csv.gz", "lpr_psyk.csv.gz", "ophold107_108.csv.gz", "pipeline.yaml", "serv85.csv.gz",
        "sib.csv.gz", "synth_counts.json",
      ]).sorted())
    XCTAssertEqual(a, b)
    for name in a.keys where name != "pipeline.yaml" {
      XCTAssertNotEqual(a[name], c[name], name)
    }
  }

  func testStayFilesAreLatin1WithSASDatesAndNewYearSplits() throws {
    let options = options(seed: 5, defects: 0)
    let summary = try synthesize(options)
    var nameBytes = Set<UInt8>()
    var endsOn31Dec: [Int: Set<String>] = [:]
    var startsOn1Jan: [Int: Set<String>] = [:]
    var rows = 0
    for year in 2016...2022 {
      let text = try RegisterText(path: options.out + "/boform110_\(year).csv.gz")
      XCTAssertEqual(text.header.text, ["PNR", "BOFORM", "BOFORM_NAVN", "INDDTO", "UDDTO", "UDSKRIVNING", "KOM"])
      for row in text.rows {
        rows += 1
        let fields = row.fields
        XCTAssertEqual(fields.count, 7)
        XCTAssertEqual(fields[0].count, 10)
        nameBytes.formUnion(fields[2].filter { $0 >= 0x80 })
        let start = String(decoding: fields[3], as: UTF8.self)
        // A stay that began before the data's first year keeps its true check-in there.
        XCTAssertTrue(
          Self.isSAS(start, year: year) || (year == 2016 && (2000..<2016).contains { Self.isSAS(start, year: $0) }),
          start)
        let end = String(decoding: fields[4], as: UTF8.self)
        XCTAssertTrue(end.isEmpty || Self.isSAS(end, year: year), end)
        let key = String(decoding: fields[0] + fields[1], as: UTF8.self)
        // A technical check-out has no exit code (a real one on 31 December has one).
        if end == "31DEC\(year)", fields[5].isEmpty { endsOn31Dec[year, default: []].insert(key) }
        if start == "01JAN\(year)" { startsOn1Jan[year, default: []].insert(key) }
        if end.isEmpty {
          // Open stays: only at the extract date, and without an exit code.
          XCTAssertEqual(year, 2022)
          XCTAssertTrue(fields[5].isEmpty)
        }
      }
    }
    // æ ø å as single Latin-1 bytes, and no UTF-8 lead bytes.
    XCTAssertTrue(nameBytes.isSuperset(of: [0xE6, 0xF8, 0xE5]))
    XCTAssertFalse(nameBytes.contains(0xC3))
    // Every technical check-out on 31 December has its check-in on 1 January.
    var joints = 0
    for year in 2016...2021 {
      XCTAssertEqual(endsOn31Dec[year, default: []].subtracting(startsOn1Jan[year + 1, default: []]).count, 0)
      joints += endsOn31Dec[year, default: []].count
    }
    XCTAssertGreaterThan(joints, 0)
    XCTAssertEqual(rows, summary.stays + summary.newYearSplits)
    XCTAssertEqual(summary.files.prefix(7).map(\.rows).reduce(0, +), rows)
  }

  func testServiceFilesHoldTheCountedRowsAndThePipelineFileNamesTheWindow() throws {
    let options = options(seed: 9)
    let summary = try synthesize(options)
    for file in summary.files {
      XCTAssertEqual(try RegisterText(path: options.out + "/" + file.file).rows.count, file.rows, file.file)
    }
    XCTAssertEqual(summary.files.dropFirst(7).map(\.rows).reduce(0, +), summary.population + summary.serviceEvents)
    let psychiatric = try RegisterText(path: options.out + "/lpr_psyk.csv.gz").rows.map { $0.text[3] }
    XCTAssertTrue(psychiatric.contains { $0.hasPrefix("DF2") || $0.hasPrefix("DF3") })
    XCTAssertTrue(psychiatric.contains { $0.contains(".") })
    XCTAssertTrue(psychiatric.contains { $0.hasPrefix("DZ") || $0.hasPrefix("DF0") || $0.hasPrefix("DF1") })
    let yaml = try String(contentsOfFile: options.out + "/pipeline.yaml", encoding: .utf8)
    XCTAssertTrue(yaml.contains("window: {from: 2016-01-01, to: 2022-12-31}\ncensor_date: 2022-12-31\n"))
    XCTAssertTrue(yaml.contains("files: [\"boform110_*.csv.gz\"]"))
    XCTAssertTrue(yaml.contains("psych_and_substance: {all_of: [psychiatric, substance]}"))
  }

  /// `--even-services`: the five service registers of 20,000 persons outside the
  /// shelter population hold about one event per person each (a quarter use a register,
  /// 4 events on average), where the calibrated psychiatric register holds about 20
  /// times the prison register.
  func testEvenServicesGiveRegistersOfSimilarSize() throws {
    var options = options(seed: 5)
    options.population = 20_000
    options.evenServices = true
    let summary = try synthesize(options)
    let services = summary.files.dropFirst(8)
    XCTAssertEqual(
      services.map(\.file),
      [
        "lpr_psyk.csv.gz", "sib.csv.gz", "serv85.csv.gz", "ophold107_108.csv.gz", "kriminal.csv.gz",
      ])
    for file in services {
      XCTAssertEqual(Double(file.rows) / 20_000, 1, accuracy: 0.1, file.file)
    }
    let yaml = try String(contentsOfFile: options.out + "/pipeline.yaml", encoding: .utf8)
    XCTAssertTrue(yaml.contains(", even services."), yaml)
  }

  /// `--format sas7bdat`: the same registers as SAS datasets, the text files gone, the
  /// pipeline reading the datasets; the summary counts the rows each dataset holds.
  func testSASFormatWritesDatasetsAndAPipelineForThem() throws {
    var options = options(seed: 3, defects: 0)
    (options.persons, options.fromYear, options.toYear, options.population) = (40, 2019, 2020, 200)
    options.format = .sas7bdat
    let summary = try synthesize(options)
    let files = try FileManager.default.contentsOfDirectory(atPath: options.out).sorted()
    XCTAssertEqual(
      files,
      [
        "bef.sas7bdat", "boform110_2019.sas7bdat", "boform110_2020.sas7bdat", "kriminal.sas7bdat", "lpr_psyk.sas7bdat",
        "ophold107_108.sas7bdat", "pipeline.yaml", "serv85.sas7bdat", "sib.sas7bdat", "synth_counts.json",
      ])
    let pipeline = try String(contentsOfFile: options.out + "/pipeline.yaml", encoding: .utf8)
    XCTAssertTrue(pipeline.contains("files: [\"boform110_*.sas7bdat\"]"))
    XCTAssertFalse(pipeline.contains("delimiter:"))
    XCTAssertFalse(pipeline.contains("encoding:"))
    let population = try SASReader(path: options.out + "/bef.sas7bdat")
    var rows = 0
    while try population.next() { rows += 1 }
    XCTAssertEqual(summary.files.first { $0.file == "bef.sas7bdat" }?.rows, rows)
    XCTAssertEqual(rows, summary.population)
    // --force replaces the datasets: the same files, no text registers beside them.
    var again = options
    again.force = true
    _ = try synthesize(again)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: options.out).sorted(), files)
  }

  /// `--sas-compression`: RLE datasets carry SAS's RLE signature (`SASYZCRL`), the
  /// uncompressed ones do not; both hold the same rows.
  func testSASCompressionNoneWritesUncompressedDatasetsOfTheSameRows() throws {
    var rows: [SASWriter.Compression: Int] = [:]
    for compression in SASWriter.Compression.allCases {
      var options = options(seed: 3, defects: 0)
      (options.persons, options.fromYear, options.toYear, options.population) = (40, 2019, 2020, 500)
      (options.format, options.sasCompression) = (.sas7bdat, compression)
      let summary = try synthesize(options)
      let bytes = try Data(contentsOf: URL(fileURLWithPath: options.out + "/bef.sas7bdat"))
      XCTAssertEqual(bytes.range(of: Data("SASYZCRL".utf8)) != nil, compression == .rle, "\(compression)")
      rows[compression] = summary.files.first { $0.file == "bef.sas7bdat" }?.rows
    }
    XCTAssertEqual(rows[.none], 500)
    XCTAssertEqual(rows[.rle], 500)
  }

  /// Data past 2023 (`--to 2025`): yearly files for every year, and the pipeline file
  /// says those years keep 2023's calibration; the 2023 users' ages do not move.
  func testDataPastTheLastCalibratedYearSaysSo() throws {
    var late = options(seed: 5)
    late.toYear = 2025
    _ = try synthesize(late)
    XCTAssertTrue(FileManager.default.fileExists(atPath: late.out + "/boform110_2025.csv.gz"))
    let yaml = try String(contentsOfFile: late.out + "/pipeline.yaml", encoding: .utf8)
    XCTAssertTrue(
      yaml.contains("# The years 2024-2025 keep 2023's rates and ages (no published figures after 2023).\n"), yaml)
    XCTAssertNil(options(seed: 5).beyondCalibration, "data ending in 2022 is within the calibration")

    var ending2023 = options(seed: 5)
    ending2023.toYear = 2023
    _ = try synthesize(ending2023)
    let births = { (folder: String) in try RegisterText(path: folder + "/bef.csv.gz").rows.map { $0.text[2] } }
    XCTAssertEqual(try births(late.out).prefix(50), try births(ending2023.out).prefix(50))
  }

  func testInvalidOptionsAreRefusedBeforeWriting() {
    let base = options(seed: 1)
    var noUsers = base
    noUsers.persons = 0
    var years = base
    years.fromYear = 2023
    var small = base
    small.population = 10
    for bad in [noUsers, years, small] {
      XCTAssertThrowsError(try synthesize(bad))
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: base.out))
  }

  private static func isSAS(_ text: String, year: Int) -> Bool {
    let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    guard text.count == 9, let day = Int(text.prefix(2)), let y = Int(text.suffix(4)) else { return false }
    let month = String(text.dropFirst(2).prefix(3))
    guard let m = months.firstIndex(of: month) else { return false }
    return y == year && day >= 1 && day <= Day.daysIn(month: m + 1, year: y)
  }
}
