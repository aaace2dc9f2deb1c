import RegisterIO

/// The rejected rows of one source as gzip CSV, in input order: `file,line,reason`
/// and the row's fields joined by the source's delimiter, as they were read.
enum RejectsFile {
  static func write(_ batches: [FileBatch], delimiter: Delimiter, to path: String) throws {
    let separator: String
    if case .byte(let byte) = delimiter { separator = String(UnicodeScalar(byte)) } else { separator = ";" }
    try AtomicFile.write(to: path) { temporary in
      let gzip = try GzipWriter(path: temporary, level: 1)
      let csv = CSVWriter(sink: gzip)
      try csv.writeRow(["file", "line", "reason", "row"])
      for batch in batches {
        for row in batch.rejects {
          try csv.writeRow([batch.report.path, String(row.line), row.reason.rawValue, row.fields.joined(separator: separator)])
        }
      }
      try gzip.finish()
    }
  }
}
