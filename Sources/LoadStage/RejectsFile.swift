import RegisterIO

/// The rejected rows of one source as gzip CSV, in input order: `file,line,reason`
/// and the row's fields joined by its file's delimiter (the one `auto` found), as they
/// were read.
enum RejectsFile {
  static func write(_ batches: [FileBatch], to path: String) throws {
    try AtomicFile.write(to: path) { temporary in
      let gzip = try GzipWriter(path: temporary, level: 1)
      let csv = CSVWriter(sink: gzip)
      try csv.writeRow(["file", "line", "reason", "row"])
      for batch in batches {
        let separator = batch.delimiter.map { String(UnicodeScalar($0)) } ?? ","
        for row in batch.rejects {
          try csv.writeRow([batch.report.path, String(row.line), row.reason.rawValue, row.fields.joined(separator: separator)])
        }
      }
      try gzip.finish()
    }
  }
}
