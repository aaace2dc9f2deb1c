/// Readable text for the report's tables: column headings and cell values as a person
/// reads them (shares in percent, `yes`/`no`), while the CSV and JSON keep SPEC 9's names.
enum ReportLabels {
  /// Headings that the general rule below would get wrong or leave unclear.
  private static let headings: [String: String] = [
    "share_persons": "Share of persons (%)", "share_nights": "Share of nights (%)",
    "nights_per_episode": "Nights per episode", "total_nights": "Total nights",
    "age_band": "Age band", "municipality": "Municipality", "municipality_name": "Name",
    "over_90": "Over 90 nights", "over_120": "Over 120 nights",
    "share_over_90": "Share over 90 nights (%)", "share_over_120": "Share over 120 nights (%)",
    "share_planned": "Share planned exits (%)", "share_returning": "Share returning (%)",
    "share_returned": "Share returned (%)", "follow_up_complete": "Follow-up complete",
  ]

  /// `returns_0_180` → "Returns 0–180 days", `within_30` → "Within 30 days",
  /// `share_30` → "Share within 30 days (%)", `share` → "Share (%)", else the name with
  /// spaces for underscores and a capital first letter.
  static func heading(_ column: String) -> String {
    if let heading = headings[column] { return heading }
    let parts = column.split(separator: "_").map(String.init)
    if parts.first == "returns", parts.count == 3 { return "Returns \(parts[1])–\(parts[2]) days" }
    if parts.first == "within", parts.count == 2 { return "Within \(parts[1]) days" }
    if parts.first == "share", parts.count == 2, Int(parts[1]) != nil { return "Share within \(parts[1]) days (%)" }
    if column == "share" { return "Share (%)" }
    let words = parts.joined(separator: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
  }

  /// A published cell as the report shows it: shares as percent with 2 decimals (the
  /// CSV's 4 decimals of the proportion, so nothing is lost), booleans as yes/no, other
  /// values as published. Nil when the cell has no text of its own (suppressed or blank).
  static func value(_ table: Table, row: Int, column: Int) -> String? {
    guard let text = table.text(row: row, column: column), !text.isEmpty else { return nil }
    switch (table.columns[column].kind, table.rows[row][column]) {
    case (.share, .ratio(let numerator, let denominator)):
      return roundedDecimal(numerator * 100, denominator, places: 2) + " %"
    case (.bool, .bool(let value)): return value ? "yes" : "no"
    default: return text
    }
  }
}
