import PipelineCore
import RegisterIO
import RegisterModel

/// The date format of each date column of one file: the source's `date_format`, or
/// with `auto` the format that fits the column's first non-empty values.
struct DateColumns {
  var start: DateFormat?
  var end: DateFormat?
  var birthDate: DateFormat?

  /// Values per column that decide an `auto` format.
  static let sampleSize = 100

  init(source: SourceConfig, columns: ColumnMap, path: String) throws {
    let dateColumns = columns.dateColumns
    var formats: [CanonicalColumn: DateFormat] = [:]
    if source.dateFormat == .auto {
      let detected = try DelimitedReader.detectDateFormats(
        path: path, columns: dateColumns.map { source.columns[$0.column]! }, delimiter: source.delimiter,
        encoding: source.encoding, sampleLimit: Self.sampleSize)
      for ((column, _), format) in zip(dateColumns, detected) { formats[column] = format }
    } else {
      for (column, _) in dateColumns { formats[column] = source.dateFormat }
    }
    start = formats[.start]
    end = formats[.end]
    birthDate = formats[.birthDate]
  }
}
