/// HTML text for the report: escaping, and a table rendered as it is published.
enum HTML {
  /// `text` safe inside an element or a quoted attribute.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// The table with its published values, under readable headings (the CSV name as the
  /// heading's tooltip): a suppressed cell reads `suppressed` (never a number), a share
  /// or mean of 0 `no denominator`, a figure SPEC 7 does not report `not reported`;
  /// shares in percent. `rows` (default all) and `caption` (default the table's name)
  /// show part of a table under a heading of its own.
  static func table(_ table: Table, rows: [Int]? = nil, caption: String? = nil) -> String {
    var lines = [
      "<table>",
      "<caption>\(escape(caption ?? table.name))</caption>",
      "<tr>"
        + table.columns.map { "<th title=\"\(escape($0.name))\">\(escape(ReportLabels.heading($0.name)))</th>" }
        .joined()
        + "</tr>",
    ]
    for row in rows ?? Array(table.rows.indices) {
      let cells = table.columns.indices.map { column -> String in
        guard !table.suppressed[row][column] else { return "<td class=\"suppressed\">suppressed</td>" }
        switch table.rows[row][column] {
        case .empty: return "<td class=\"empty\">no denominator</td>"
        case .notReported: return "<td class=\"empty\">not reported</td>"
        default:
          let numeric = [.count, .share, .mean, .sum].contains(table.columns[column].kind)
          let text = ReportLabels.value(table, row: row, column: column) ?? ""
          return "<td\(numeric ? " class=\"num\"" : "")>\(escape(text))</td>"
        }
      }
      lines.append("<tr>" + cells.joined() + "</tr>")
    }
    lines.append("</table>")
    return lines.joined(separator: "\n")
  }
}
