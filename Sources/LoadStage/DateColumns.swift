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

  /// SAS numeric date columns need no format (their numbers are dates); character ones
  /// are read as text columns are.
  init(source: SourceConfig, columns: ColumnMap, reader: some RecordReader) throws {
    guard let sas = reader as? SASReader else {
      try self.init(source: source, columns: columns, path: reader.path)
      return
    }
    var formats: [CanonicalColumn: DateFormat] = [:]
    let text = columns.dateColumns.filter { !sas.isNumeric[$0.index] }
    for (column, _) in columns.dateColumns where sas.isNumeric[columns[column]!] { formats[column] = .iso }
    if source.dateFormat == .auto, !text.isEmpty {
      let sample = try SASReader(
        path: sas.path, encoding: source.statedEncoding, rowLimit: 10 * Self.sampleSize,
        variables: Array(source.columns.values))
      let detected = try detectDateFormats(
        reader: sample, columns: text.map { ($0.index, source.columns[$0.column]!) }, sampleLimit: Self.sampleSize)
      for ((column, _), format) in zip(text, detected) { formats[column] = format }
    } else {
      for (column, _) in text { formats[column] = source.dateFormat }
    }
    self.init(formats: formats)
  }

  private init(formats: [CanonicalColumn: DateFormat]) {
    (start, end, birthDate) = (formats[.start], formats[.end], formats[.birthDate])
  }

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
    self.init(formats: formats)
  }
}
