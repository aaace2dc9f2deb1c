import RegisterIO
import RegisterModel

extension Table {
  /// The table as CSV (SPEC 9): a header row, RFC 4180 quoting; a suppressed value is an
  /// empty field; the last column `suppressed` lists the row's suppressed columns in
  /// column order, joined by `|`. `standard`: UTF-8, `,`, LF line ends. `excel-da`: for
  /// Excel in a Danish locale, UTF-8 with a BOM, `;`, decimal commas, CRLF line ends, and
  /// labels that start with a digit (`2-4`, `1-30`, `5+`, which Excel would turn into a
  /// date or a number) written as the formula `="2-4"`, which Excel shows as the text.
  package func csv(dialect: CSVDialect = .standard) -> String {
    let separator: Character = dialect == .standard ? "," : ";"
    func line(_ fields: [String]) -> String {
      fields.map { CSVWriter.field($0, delimiter: separator.asciiValue!) }.joined(separator: String(separator))
    }
    var lines = [line(columns.map(\.name) + ["suppressed"])]
    for row in rows.indices {
      let fields = columns.indices.map { column in
        let text = text(row: row, column: column) ?? ""
        guard dialect == .excelDanish else { return text }
        switch columns[column].kind {
        case .share, .mean: return text.replacingAll(".", with: ",")
        case .text where CSVText.excelMightConvert(text): return "=\"\(text)\""
        default: return text
        }
      }
      lines.append(line(fields + [suppressedColumns(row: row).joined(separator: "|")]))
    }
    return dialect == .standard
      ? lines.joined(separator: "\n") + "\n" : "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
  }
}
