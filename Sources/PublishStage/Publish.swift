import Foundation
import RegisterIO
import RegisterModel

/// Builds the thirteen tables of SPEC 9 from the domain stages' figures, in the SPEC's
/// order (`typology`, `stay_duration`, `stay_thresholds`, `yearly_users`, `repeat_use`,
/// `returns`, `welfare_use`, `typology_by_region`, `typology_by_sex_age`,
/// `stay_thresholds_quarterly`, `yearly_users_by_sex_age`, `typology_by_municipality`,
/// `transitions`), with totals,
/// shares and means added and disclosure control (SPEC 9.1) applied with `minCell`,
/// with the audit of the tables returned. `indicators` are the pipeline's welfare
/// indicators (their relations, SPEC 9.2). Throws `PublishError` when the figures do not
/// fit together (array lengths, totals) or the tables would not be safe.
package func publish(
  typology: TypologyFigures, stays: StayFigures, repeatUse: RepeatUseFigures, welfare: WelfareFigures,
  transitions: TransitionFigures, indicators: [Indicator], minCell: Int
) throws -> (tables: [Table], audit: DisclosureAudit) {
  let typologyTable = try typologyTable(typology)
  var tables = [
    typologyTable,
    try stayDurationTable(stays),
    stayThresholdsTable(stays),
    yearlyUsersTable(repeatUse),
    try repeatUseTable(repeatUse),
    try returnsTable(repeatUse),
    try welfareUseTable(welfare, typology: typologyTable),
    regionTable(welfare),
    try sexAgeTable(welfare),
    try stayThresholdsQuarterlyTable(stays),
    try yearlyUsersBySexAgeTable(repeatUse),
    municipalityTable(welfare),
    try transitionsTable(transitions),
  ]
  let audit = try applyDisclosureControl(&tables, minCell: minCell, context: RelationContext(indicators: indicators))
  return (tables, audit)
}

/// Writes each table as `<directory>/<name>.csv` and `.json` (in `formats`, the CSV in
/// `csvDialect`), and with `xlsx` the workbook `<directory>/tables.xlsx` (its `about`
/// sheet shows `provenance`), creating the directory if needed, each file atomically.
/// Returns the written paths, table by table in `formats` order, the workbook last. Only
/// aggregated tables are written here. `welfare_use.json` also names each indicator's
/// services, so an audit of the folder knows their relations.
@discardableResult
package func writeTables(
  _ tables: [Table], to directory: String, pipeline: String, minCell: Int, indicators: [Indicator] = [],
  formats: [TableFormat] = [.csv, .json], csvDialect: CSVDialect = .standard, provenance: ReportProvenance? = nil
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
      case .csv: try AtomicFile.write(table.csv(dialect: csvDialect), to: path)
      case .json:
        try AtomicFile.write(table.json(pipeline: pipeline, minCell: minCell, indicators: indicators), to: path)
      case .xlsx: continue
      }
      paths.append(path)
    }
  }
  if formats.contains(.xlsx) {
    let path = directory + "/" + Workbook.fileName
    try Workbook(tables: tables, pipeline: pipeline, minCell: minCell, provenance: provenance).write(to: path)
    paths.append(path)
  }
  return paths
}
