import RegisterIO
import RegisterModel

extension Table {
  /// The table as JSON:
  /// `{"table", "pipeline", "columns", "rows", "min_cell", "suppressed_cells"}`.
  /// `columns` lists the column names as in the CSV header, `suppressed` last. Each row
  /// is an object keyed by column name in column order (friendlier than arrays, and
  /// still ordered): counts, sums and years are integers, shares and means are the
  /// rounded decimals written as in the CSV (`0.2500`, `2.3`: no float noise), booleans
  /// are `true`/`false`, a suppressed or empty value is `null`, and `suppressed` is an
  /// array of column names. `suppressed_cells` counts the suppressed cells. `notes` says
  /// why each `null` that is not a suppression has no value: one object per such cell,
  /// the row's key columns, `column`, and `reason`: `no_denominator` (a share or mean of
  /// 0) or `not_reported` (SPEC 7 does not report it). Two-space
  /// indentation, one row per line, LF line ends, a final LF: deterministic bytes.
  /// `welfare_use` also has `"indicators"`: each indicator's name, `all_of` or `any_of`,
  /// and services, which the audit needs for SPEC 9.2's relation 9.
  package func json(pipeline: String, minCell: Int, indicators: [Indicator] = []) -> String {
    let columnNames = (columns.map(\.name) + ["suppressed"]).map(JSONValue.quoted).joined(separator: ", ")
    let rowLines = rows.indices.map { row in
      let members = columns.indices.map { column in
        JSONValue.quoted(columns[column].name) + ": " + jsonValue(row: row, column: column)
      }
      let suppressed = suppressedColumns(row: row).map(JSONValue.quoted).joined(separator: ", ")
      return "    {" + (members + ["\"suppressed\": [\(suppressed)]"]).joined(separator: ", ") + "}"
    }
    let notes = rows.indices.flatMap { row in
      columns.indices.compactMap { column -> String? in
        guard !suppressed[row][column] else { return nil }
        let reason: String
        switch rows[row][column] {
        case .empty: reason = "no_denominator"
        case .notReported: reason = "not_reported"
        default: return nil
        }
        let key = columns.indices.filter { columns[$0].kind.isKey }.map {
          JSONValue.quoted(columns[$0].name) + ": " + jsonValue(row: row, column: $0)
        }
        let members = key + ["\"column\": \(JSONValue.quoted(columns[column].name))", "\"reason\": \"\(reason)\""]
        return "    {" + members.joined(separator: ", ") + "}"
      }
    }
    return """
      {
        "table": \(JSONValue.quoted(name)),
        "pipeline": \(JSONValue.quoted(pipeline)),
        "columns": [\(columnNames)],
        "rows": [\(rowLines.isEmpty ? "" : "\n" + rowLines.joined(separator: ",\n") + "\n  ")],
        "min_cell": \(minCell),
        "suppressed_cells": \(suppressedCellCount),
        "notes": [\(notes.isEmpty ? "" : "\n" + notes.joined(separator: ",\n") + "\n  ")]\(name == "welfare_use" ? ",\n  \"indicators\": " + indicatorJSON(indicators) : "")
      }

      """
  }

  private func jsonValue(row: Int, column: Int) -> String {
    guard let text = text(row: row, column: column) else { return "null" }
    switch rows[row][column] {
    case .text(let value): return JSONValue.quoted(value)
    case .int, .ratio, .bool: return text
    case .empty, .notReported: return "null"
    }
  }
}

/// `[{"name": …, "all_of": [services]}, …]` on one line.
private func indicatorJSON(_ indicators: [Indicator]) -> String {
  let items = indicators.map { indicator in
    let services = indicator.services.map(JSONValue.quoted).joined(separator: ", ")
    return "{\"name\": \(JSONValue.quoted(indicator.name)), \"\(indicator.combination.rawValue)\": [\(services)]}"
  }
  return "[" + items.joined(separator: ", ") + "]"
}
