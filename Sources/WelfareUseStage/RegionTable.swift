import Foundation

/// DST's municipalities and their regions, from `Resources/municipalities.csv` — a copy
/// of `data/municipalities.csv` of SPEC 2 (this package's copy in `Resources/`) (columns `municipality_code`, `region_code`,
/// `region_name`; the other columns are ignored).
struct RegionTable: Sendable {
  /// One region, as named in the file.
  struct Region: Hashable, Sendable {
    var code: String
    var name: String
  }

  /// Regions ordered by region code (numerically when the codes are numbers).
  let regions: [Region]
  /// 3-digit municipality code → index into `regions`.
  private let regionOfMunicipality: [String: Int]

  /// The table bundled with the module, read once.
  static let bundled: RegionTable = {
    guard let url = Bundle.module.url(forResource: "municipalities", withExtension: "csv"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { fatalError("municipalities.csv is missing from the WelfareUseStage bundle") }
    do { return try RegionTable(csv: text) } catch {
      fatalError("the bundled municipalities.csv is malformed: \(error)")
    }
  }()

  /// Parses comma-separated text with a header row. Fields are trimmed; the file has no
  /// quoted fields. Lines may end in LF or CRLF; blank lines are skipped.
  init(csv text: String) throws(RegionTableError) {
    var lines = text.split(whereSeparator: \.isNewline).map { line in
      line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
    }.filter { $0 != [""] }
    guard !lines.isEmpty else { throw .missingColumn("municipality_code") }
    let header = lines.removeFirst().map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
    func column(_ name: String) throws(RegionTableError) -> Int {
      guard let i = header.firstIndex(of: name) else { throw .missingColumn(name) }
      return i
    }
    let (municipality, regionCode, regionName) =
      (try column("municipality_code"), try column("region_code"), try column("region_name"))

    var nameOfRegion: [String: String] = [:]
    var regionCodeOfMunicipality: [String: String] = [:]
    for (n, fields) in lines.enumerated() {
      guard fields.count == header.count, !fields[municipality].isEmpty, !fields[regionCode].isEmpty
      else { throw .badRow(line: n + 2) }
      nameOfRegion[fields[regionCode]] = fields[regionName]
      regionCodeOfMunicipality[fields[municipality]] = fields[regionCode]
    }
    regions = nameOfRegion.map { Region(code: $0.key, name: $0.value) }.sorted {
      switch (Int($0.code), Int($1.code)) {
      case let (a?, b?): a < b
      default: $0.code < $1.code
      }
    }
    let indexOfRegion = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1.code, $0) })
    regionOfMunicipality = regionCodeOfMunicipality.mapValues { indexOfRegion[$0]! }
  }

  /// The index into `regions` of a municipality code, or nil for a missing or unknown code.
  func regionIndex(ofMunicipality code: String?) -> Int? {
    code.flatMap { regionOfMunicipality[$0] }
  }
}

/// Why municipalities.csv could not be read.
enum RegionTableError: Error, Equatable {
  case missingColumn(String)
  /// A row (1-based line, counting the header and non-blank lines) without a code or
  /// with a different number of fields than the header.
  case badRow(line: Int)
}
