/// The file formats published tables are written in (a pipeline's `publish.formats`,
/// SPEC 5): a CSV and a JSON file per table, or one workbook `tables.xlsx`.
package enum TableFormat: String, Hashable, Sendable, CaseIterable {
  case csv, json, xlsx
}

/// How the CSV tables are written (a pipeline's `publish.csv_dialect`, SPEC 5).
package enum CSVDialect: String, Hashable, Sendable, CaseIterable {
  /// SPEC 9's CSV: UTF-8 without BOM, `,` between fields, `.` in decimals.
  case standard
  /// For Excel in a Danish locale: UTF-8 with BOM, `;` between fields, `,` in decimals.
  case excelDanish = "excel-da"
}
