import Foundation

/// DST's municipalities and their regions, from `Resources/municipalities.csv`, the
/// repository's copy of `data/municipalities.csv` of SPEC 2 (columns `municipality_code`, `municipality_name`, `region_code`,
/// `region_name`, and the 2024 homelessness counts where present; others are ignored).
package struct RegionTable: Sendable {
  /// One region, as named in the file.
  package struct Region: Hashable, Sendable {
    package var code: String
    package var name: String
  }

  /// One municipality, with the index of its region in `regions`.
  package struct Municipality: Hashable, Sendable {
    package var code: String
    package var name: String
    package var region: Int
    /// The 2024 homelessness count and count per 1,000 inhabitants, where the table has
    /// them (the bundled one does; synth places persons by them).
    package var homeless2024: Int?
    package var homelessPer1000: Double?
  }

  /// Regions ordered by region code (numerically when the codes are numbers).
  package let regions: [Region]
  /// Municipalities ordered by code (numerically when the codes are numbers).
  package let municipalities: [Municipality]
  /// 3-digit municipality code → index into `municipalities`.
  private let indexOfMunicipality: [String: Int]

  /// The table compiled into the module (`.embedInCode`, so the executable needs no
  /// resource bundle beside it: a copied binary once stopped with a fatal error when
  /// the bundle was not there), parsed once.
  package static let bundled: RegionTable = {
    do { return try RegionTable(csv: String(decoding: PackageResources.municipalities_csv, as: UTF8.self)) } catch {
      fatalError("the compiled municipality table is malformed: \(error)")
    }
  }()

  /// Parses comma-separated text with a header row (RFC 4180, `CSVRecords`). Fields are
  /// trimmed; lines may end in LF or CRLF; blank lines are skipped.
  package init(csv text: String) throws(RegionTableError) {
    var lines = CSVRecords.parse(text).map { record in
      record.map { $0.trimmingCharacters(in: .whitespaces) }
    }.filter { $0 != [""] }
    guard !lines.isEmpty else { throw .missingColumn("municipality_code") }
    let header = lines.removeFirst().map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
    func column(_ name: String) throws(RegionTableError) -> Int {
      guard let i = header.firstIndex(of: name) else { throw .missingColumn(name) }
      return i
    }
    let (municipality, municipalityName, regionCode, regionName) = (
      try column("municipality_code"), try column("municipality_name"), try column("region_code"),
      try column("region_name")
    )

    let (count, rate) = (header.firstIndex(of: "homeless_count_2024"), header.firstIndex(of: "homeless_per_1000_2024"))
    var nameOfRegion: [String: String] = [:]
    var rows: [(code: String, name: String, region: String, count: Int?, rate: Double?)] = []
    for (n, fields) in lines.enumerated() {
      guard fields.count == header.count, !fields[municipality].isEmpty, !fields[regionCode].isEmpty,
        !rows.contains(where: { $0.code == fields[municipality] })
      else { throw .badRow(line: n + 2) }
      nameOfRegion[fields[regionCode]] = fields[regionName]
      rows.append(
        (
          fields[municipality], fields[municipalityName], fields[regionCode], count.flatMap { Int(fields[$0]) },
          rate.flatMap { Double(fields[$0]) }
        ))
    }
    regions = nameOfRegion.map { Region(code: $0.key, name: $0.value) }.sorted { codeOrder($0.code, $1.code) }
    let indexOfRegion = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1.code, $0) })
    municipalities = rows.sorted { codeOrder($0.code, $1.code) }.map {
      Municipality(
        code: $0.code, name: $0.name, region: indexOfRegion[$0.region]!, homeless2024: $0.count,
        homelessPer1000: $0.rate)
    }
    indexOfMunicipality = Dictionary(uniqueKeysWithValues: municipalities.enumerated().map { ($1.code, $0) })
  }

  /// The index into `municipalities` of a code, or nil for a missing or unknown code.
  package func municipalityIndex(of code: String?) -> Int? {
    code.flatMap { indexOfMunicipality[$0] }
  }

  /// The index into `regions` of a municipality code, or nil for a missing or unknown code.
  package func regionIndex(ofMunicipality code: String?) -> Int? {
    municipalityIndex(of: code).map { municipalities[$0].region }
  }
}

/// Codes in numeric order when both are numbers, else in text order.
private func codeOrder(_ a: String, _ b: String) -> Bool {
  switch (Int(a), Int(b)) {
  case (let x?, let y?): x < y
  default: a < b
  }
}

/// Why municipalities.csv could not be read.
package enum RegionTableError: Error, Equatable {
  case missingColumn(String)
  /// A row (1-based line, counting the header and non-blank lines) without a code, with
  /// a municipality code seen before, or with a different number of fields than the header.
  case badRow(line: Int)
}
