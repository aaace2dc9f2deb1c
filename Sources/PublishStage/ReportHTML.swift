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

  /// The table with its published values: a suppressed cell reads `suppressed` (never a
  /// number), an empty one `–`. `rows` (default all) and `caption` (default the table's
  /// name) show part of a table under a heading of its own.
  static func table(_ table: Table, rows: [Int]? = nil, caption: String? = nil) -> String {
    var lines = [
      "<table>",
      "<caption>\(escape(caption ?? table.name))</caption>",
      "<tr>" + table.columns.map { "<th>\(escape($0.name))</th>" }.joined() + "</tr>",
    ]
    for row in rows ?? Array(table.rows.indices) {
      let cells = table.columns.indices.map { column -> String in
        let numeric = [.count, .share, .mean, .sum].contains(table.columns[column].kind)
        let align = numeric ? " class=\"num\"" : ""
        guard let text = table.text(row: row, column: column) else {
          return "<td class=\"suppressed\">suppressed</td>"
        }
        return text.isEmpty ? "<td class=\"empty\" title=\"no value\">–</td>" : "<td\(align)>\(escape(text))</td>"
      }
      lines.append("<tr>" + cells.joined() + "</tr>")
    }
    lines.append("</table>")
    return lines.joined(separator: "\n")
  }
}
