import CReadStat
import Foundation

/// Writes a SAS dataset (`.sas7bdat`) with ReadStat's writer: for `regpipe synth
/// --format sas7bdat` and for tests, so the SAS input path is exercised on files regpipe
/// did not read from text. Uncompressed or RLE (`COMPRESS=CHAR`); ReadStat writes no RDC.
package enum SASWriter {
  package enum Compression: String, Sendable, CaseIterable { case none, rle }

  package struct Column: Sendable {
    package var name: String
    /// Numeric (with an optional SAS format such as `DATE9` or `DATETIME20`) or character.
    package var isNumeric: Bool
    package var format: String?

    package init(_ name: String, numeric: Bool, format: String? = nil) {
      self.name = name
      self.isNumeric = numeric
      self.format = format
    }
  }

  package enum Value: Sendable {
    case number(Double)
    case text(String)
    case missing
    /// A special missing value: `.A`–`.Z` or `._`, by its letter or underscore.
    case specialMissing(Character)
  }

  /// Writes `rows` (one value per column) to `path`, atomically, with a fixed creation
  /// time (2000-01-01) so the same rows give the same bytes; 64-bit unless `is64Bit` is false.
  package static func write(
    _ rows: [[Value]], columns: [Column], to path: String, compression: Compression = .none, is64Bit: Bool = true
  ) throws {
    try AtomicFile.write(to: path) { temporary in
      guard let file = fopen(temporary, "wb") else { throw RegisterIOError.system(temporary, "create the file") }
      defer { fclose(file) }
      let writer = readstat_writer_init()
      defer { readstat_writer_free(writer) }
      readstat_set_data_writer(writer) { data, length, context in
        let written = fwrite(data, 1, length, context!.assumingMemoryBound(to: FILE.self))
        return written == length ? Int(length) : -1
      }
      if compression == .rle { readstat_writer_set_compression(writer, READSTAT_COMPRESS_ROWS) }
      readstat_writer_set_file_timestamp(writer, 946_684_800)
      readstat_writer_set_file_format_is_64bit(writer, is64Bit ? 1 : 0)
      let widths = columns.indices.map { column in
        rows.reduce(1) { width, row in
          if case .text(let text) = row[column] { return max(width, text.utf8.count) }
          return width
        }
      }
      let variables = zip(columns, widths).map { column, width in
        let variable = readstat_add_variable(
          writer, column.name, column.isNumeric ? READSTAT_TYPE_DOUBLE : READSTAT_TYPE_STRING,
          column.isNumeric ? 8 : width)
        if let format = column.format { readstat_variable_set_format(variable, format) }
        return variable
      }
      func check(_ status: readstat_error_t) throws {
        guard status == READSTAT_OK else {
          throw RegisterIOError(
            "\(path): cannot write the SAS dataset: \(String(cString: readstat_error_message(status)))")
        }
      }
      try check(readstat_begin_writing_sas7bdat(writer, UnsafeMutableRawPointer(file), rows.count))
      for row in rows {
        try check(readstat_begin_row(writer))
        for (variable, value) in zip(variables, row) {
          switch value {
          case .number(let number): try check(readstat_insert_double_value(writer, variable, number))
          case .text(let text): try check(readstat_insert_string_value(writer, variable, text))
          case .missing: try check(readstat_insert_missing_value(writer, variable))
          case .specialMissing(let tag):
            try check(readstat_insert_tagged_missing_value(writer, variable, CChar(tag.asciiValue ?? 0)))
          }
        }
        try check(readstat_end_row(writer))
      }
      try check(readstat_end_writing(writer))
      guard fflush(file) == 0 else { throw RegisterIOError.system(temporary, "write the file") }
    }
  }
}
