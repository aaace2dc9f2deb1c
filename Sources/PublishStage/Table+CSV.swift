extension Table {
  /// The table as CSV (SPEC 9): UTF-8, `,`, LF line ends, a header row, RFC 4180
  /// quoting; a suppressed value is an empty field; the last column `suppressed` lists
  /// the row's suppressed columns in column order, joined by `|`.
  public func csv() -> String {
    var lines = [(columns.map(\.name) + ["suppressed"]).map(CSVText.field).joined(separator: ",")]
    for row in rows.indices {
      let fields = columns.indices.map { text(row: row, column: $0) ?? "" }
        + [suppressedColumns(row: row).joined(separator: "|")]
      lines.append(fields.map(CSVText.field).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
