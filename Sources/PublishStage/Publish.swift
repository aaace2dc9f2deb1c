import Foundation
import RegisterIO
import RegisterModel

/// Builds the nine tables of SPEC 9 from the domain stages' figures, in the SPEC's
/// order (`typology`, `stay_duration`, `stay_thresholds`, `yearly_users`, `repeat_use`,
/// `returns`, `welfare_use`, `typology_by_region`, `typology_by_sex_age`), with totals,
/// shares and means added and disclosure control (SPEC 9.1) applied with `minCell`.
/// Throws `PublishError` when the figures do not fit together (array lengths, totals).
public func publish(
  typology: TypologyFigures, stays: StayFigures, repeatUse: RepeatUseFigures, welfare: WelfareFigures,
  minCell: Int
) throws -> [Table] {
  let typologyTable = try typologyTable(typology)
  var tables = [
    typologyTable,
    try stayDurationTable(stays),
    stayThresholdsTable(stays),
    yearlyUsersTable(repeatUse),
    try repeatUseTable(repeatUse),
    try returnsTable(repeatUse),
    try welfareUseTable(welfare, typology: typologyTable),
    try regionTable(welfare),
    try sexAgeTable(welfare),
  ]
  applyDisclosureControl(&tables, minCell: minCell)
  return tables
}

/// The file formats tables are written in (a pipeline's `publish.formats`).
public enum TableFileFormat: String, Hashable, Sendable, CaseIterable {
  case csv, json
}

/// Writes each table as `<directory>/<name>.csv` and `.json` (in `formats`), creating
/// the directory if needed, each file atomically. Returns the written paths, table by
/// table in `formats` order. Only aggregated tables are written here.
@discardableResult
public func writeTables(
  _ tables: [Table], to directory: String, pipeline: String, minCell: Int,
  formats: [TableFileFormat] = TableFileFormat.allCases
) throws -> [String] {
  do {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  } catch {
    throw RegisterIOError("\(directory): cannot create the tables folder")
  }
  var paths: [String] = []
  for table in tables {
    for format in formats {
      let path = directory + "/" + table.name + "." + format.rawValue
      switch format {
      case .csv: try AtomicFile.write(table.csv(), to: path)
      case .json: try AtomicFile.write(table.json(pipeline: pipeline, minCell: minCell), to: path)
      }
      paths.append(path)
    }
  }
  return paths
}
