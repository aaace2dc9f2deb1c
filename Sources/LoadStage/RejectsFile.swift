import RegisterIO

/// The rejected rows of one source as gzip CSV, in input order: `file,line,reason`,
/// the 1-based position of the person_id field in the row and the delimiter (so that
/// `inspect` can mask that field alone; both empty when a field holds the delimiter and
/// the row cannot be split back), and the row's fields joined by its file's delimiter
/// (the one `auto` found), as they were read.
enum RejectsFile {
  static func write(_ batches: [FileBatch], to path: String) throws {
    try AtomicFile.write(to: path) { temporary in
      let gzip = try GzipWriter(fastPath: temporary)
      let csv = CSVWriter(sink: gzip)
      try csv.writeRow(["file", "line", "reason", "person_id_field", "delimiter", "row"])
      for batch in batches {
        let separator = batch.delimiter.map { String(UnicodeScalar($0)) } ?? ","
        for row in batch.rejects {
          let splittable = batch.personField != nil && !row.fields.contains { $0.contains(separator) }
          try csv.writeRow([
            batch.report.path, String(row.line), row.reason.rawValue,
            splittable ? String(batch.personField! + 1) : "", splittable ? separator : "",
            row.fields.joined(separator: separator),
          ])
        }
      }
      try gzip.finish()
    }
  }
}
