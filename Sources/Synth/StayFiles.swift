import RegisterModel

/// The yearly § 110 files `boform110_YYYY.csv.gz` (Latin-1, SAS dates). A stay over
/// New Year is written as DST's technical check-out and check-in: ending 31 December in
/// one year's file and starting 1 January in the next; an open stay has no check-out.
final class StayFiles {
  static let header = "PNR;BOFORM;BOFORM_NAVN;INDDTO;UDDTO;UDSKRIVNING;KOM"

  let files: [RegisterFile]
  private let fromYear: Int
  private let extractDate: Day
  private let defectRate: Double
  private(set) var defects = SynthDefects()
  private(set) var stays = 0
  private(set) var openStays = 0
  private(set) var newYearSplits = 0
  private let names: [[UInt8]] = Institutions.all.map { Field.latin1($0.name) }

  init(folder: String, years: ClosedRange<Int>, defectRate: Double) throws {
    files = try years.map { try RegisterFile(folder: folder, name: "boform110_\($0).csv.gz", header: Self.header) }
    fromYear = years.lowerBound
    extractDate = Day.lastOfYear(years.upperBound)
    self.defectRate = defectRate
  }

  /// Writes `person`'s stays; `random` draws the defects only, so the true rows do
  /// not depend on the defect rate.
  func write(_ person: SynthPerson, _ random: inout SynthRandom) throws {
    for stay in person.stays {
      stays += 1
      if stay.end == nil { openStays += 1 }
      let lastYear = stay.end?.year ?? extractDate.year
      // A stay that began before the first year is in that year's file with its true
      // check-in, as DST's file would have it.
      let firstYear = max(stay.start.year, fromYear)
      for year in firstYear...lastYear {
        let piece = Piece(
          start: year == firstYear ? stay.start : Day.firstOfYear(year),
          end: year == lastYear ? stay.end : Day.lastOfYear(year),
          exitCode: year == lastYear ? stay.exitCode : "")
        try write(piece, of: person, institution: stay.institution, to: files[year - fromYear], &random)
      }
      newYearSplits += lastYear - firstYear
    }
  }

  private struct Piece {
    var start: Day
    var end: Day?
    var exitCode: String
  }

  private func write(
    _ piece: Piece, of person: SynthPerson, institution: Int, to file: RegisterFile, _ random: inout SynthRandom
  ) throws {
    let pnr = Field.digits(person.pnr, width: 10)
    let fields = { (pnr: [UInt8], start: [UInt8], end: Day?, exit: String) -> [[UInt8]] in
      [
        pnr, Field.digits(Institutions.all[institution].id, width: 5), self.names[institution], start,
        Field.sas(end), Field.text(exit), Field.text(String(person.municipality)),
      ]
    }
    let row = fields(pnr, Field.sas(piece.start), piece.end, piece.exitCode)
    guard defectRate > 0, random.chance(defectRate) else { return try file.row(row) }

    let reportable = piece.end.map { $0 > piece.start } ?? (piece.start < extractDate)
    let kinds = DefectKind.allCases.filter {
      switch $0 {
      case .sameStartReport: reportable
      case .nineDigitID: person.pnr < 1_000_000_000
      default: true
      }
    }
    // A person number with a leading zero loses it in half the cases, so the rarer
    // applicable kind is not starved.
    let kind =
      kinds.contains(.nineDigitID) && random.chance(0.5) ? .nineDigitID : kinds[random.int(0...(kinds.count - 1))]
    switch kind {
    case .exactDuplicate:
      try file.row(row)
      try file.row(row)
      defects.exactDuplicates += 1
    case .sameStartReport:
      let latest = (piece.end ?? extractDate) - 1
      let end = Day(rawValue: Int32(random.int(Int(piece.start.rawValue)...Int(latest.rawValue))))
      try file.row(fields(pnr, Field.sas(piece.start), end, Calibration.exitCodes[random.int(0...3)]))
      try file.row(row)
      defects.sameStartReports += 1
    case .nineDigitID:
      try file.row(fields(Field.digits(person.pnr, width: 9), Field.sas(piece.start), piece.end, piece.exitCode))
      defects.nineDigitIDs += 1
    case .wrongFieldCount:
      try file.row(row)
      try file.row(Array(row.dropLast()))
      defects.wrongFieldCounts += 1
    case .impossibleDate:
      try file.row(row)
      try file.row(fields(pnr, Field.text("31FEB\(piece.start.year)"), piece.end, piece.exitCode))
      defects.impossibleDates += 1
    case .crlfLine:
      try file.row(row, crlf: true)
      defects.crlfLines += 1
    }
  }
}
