/// A published table (SPEC 9): named columns of known kinds, a complete grid of rows,
/// a suppression flag per cell, and, for every derived cell, the counts it is computed
/// from (the relations between counts are declared per table, `Relations.swift`).

/// What a column holds, which decides how it is rendered and whether it is a count.
package enum ColumnKind: String, Hashable, Sendable {
  /// A row label (`group`, `band`, `region`, …): part of the row's key.
  case text
  /// A calendar year: part of the row's key, rendered as an integer.
  case year
  /// Persons, stays, users or exits: subject to primary and secondary suppression.
  case count
  /// A proportion in [0, 1] with 4 decimals.
  case share
  /// A mean or ratio with 1 decimal.
  case mean
  /// An integer sum that is not a count (`total_nights`, `nights`).
  case sum
  /// `true` / `false`.
  case bool

  /// Decimals a share or mean is rounded to; nil for the other kinds.
  package var decimals: Int? {
    switch self {
    case .share: 4
    case .mean: 1
    default: nil
    }
  }

  /// Key columns identify a row (for `diff` and people reading the table).
  package var isKey: Bool { self == .text || self == .year }
}

package struct Column: Hashable, Sendable {
  package let name: String
  package let kind: ColumnKind

  package init(_ name: String, _ kind: ColumnKind) {
    self.name = name
    self.kind = kind
  }
}

/// One value. Shares and means are kept as the exact rational they come from, so that
/// rounding half away from zero is exact (no binary floating point in between).
package enum Cell: Hashable, Sendable {
  case text(String)
  case int(Int)
  /// numerator ÷ denominator, denominator > 0.
  case ratio(Int, Int)
  case bool(Bool)
  /// No value: a share or mean whose denominator is 0. Empty is not a suppression.
  case empty
  /// No value because SPEC 7 does not report it (`returning_users` and its share in the
  /// first `lookback_years` years of the window). Published as empty, like `empty`.
  case notReported

  /// A share or mean: empty when the denominator is 0 (SPEC 9).
  package static func quotient(_ numerator: Int, _ denominator: Int) -> Cell {
    denominator == 0 ? .empty : .ratio(numerator, denominator)
  }

  /// Whether the cell is published without a value (`empty` or `notReported`).
  package var isBlank: Bool { self == .empty || self == .notReported }

  /// The integer of a count or sum cell, nil otherwise.
  package var intValue: Int? {
    if case .int(let value) = self { value } else { nil }
  }
}

/// A cell of one of the published tables, by table name, row index and column index.
package struct CellAddress: Hashable, Sendable {
  package let table: String
  package let row: Int
  package let column: Int

  package init(table: String, row: Int, column: Int) {
    self.table = table
    self.row = row
    self.column = column
  }
}

/// A share, mean or sum and the count cells it is computed from (numerator and
/// denominator, possibly in another table): it is suppressed when any of them is.
package struct Derivation: Hashable, Sendable {
  package let cell: CellAddress
  package let sources: [CellAddress]

  package init(cell: CellAddress, sources: [CellAddress]) {
    self.cell = cell
    self.sources = sources
  }
}

package struct Table: Hashable, Sendable {
  package let name: String
  package let columns: [Column]
  package let rows: [[Cell]]
  /// `suppressed[row][column]`; set by disclosure control.
  package internal(set) var suppressed: [[Bool]]
  package let derivations: [Derivation]

  package init(
    name: String, columns: [Column], rows: [[Cell]], derivations: [Derivation] = []
  ) {
    precondition(rows.allSatisfy { $0.count == columns.count }, "\(name): a row does not fit the columns")
    self.name = name
    self.columns = columns
    self.rows = rows
    self.suppressed = rows.map { Array(repeating: false, count: $0.count) }
    self.derivations = derivations
  }

  package func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

  /// The cell at `address` (which must name this table).
  package subscript(address: CellAddress) -> Cell { rows[address.row][address.column] }

  package func isSuppressed(_ address: CellAddress) -> Bool {
    suppressed[address.row][address.column]
  }

  /// The address of a cell of this table.
  package func address(row: Int, column: Int) -> CellAddress {
    CellAddress(table: name, row: row, column: column)
  }

  /// Names of the row's suppressed columns, in column order (the `suppressed` column).
  package func suppressedColumns(row: Int) -> [String] {
    columns.indices.filter { suppressed[row][$0] }.map { columns[$0].name }
  }

  package var suppressedCellCount: Int { suppressed.reduce(0) { $0 + $1.filter { $0 }.count } }

  /// The published text of a cell: nil when suppressed, `""` when empty; counts and
  /// sums as integers, shares with 4 and means with 1 decimal (rounded half away from
  /// zero), booleans as `true` / `false`.
  package func text(row: Int, column: Int) -> String? {
    guard !suppressed[row][column] else { return nil }
    switch rows[row][column] {
    case .text(let text): return text
    case .int(let value): return String(value)
    case .ratio(let numerator, let denominator):
      return roundedDecimal(numerator, denominator, places: columns[column].kind.decimals ?? 0)
    case .bool(let value): return value ? "true" : "false"
    case .empty, .notReported: return ""
    }
  }

  /// The row's key, e.g. `year=2019 band=1-30`, from its key columns.
  package func key(row: Int) -> String {
    columns.indices.filter { columns[$0].kind.isKey }
      .map { "\(columns[$0].name)=\(text(row: row, column: $0) ?? "")" }
      .joined(separator: " ")
  }
}

extension ColumnKind {
  /// The kind of a published table's column by its name (SPEC 9, 9.1), for tables read
  /// back from files: the year, the key columns, the counts, the shares, the means and
  /// ratios, the flag, and the sums (`nights`, `total_nights`).
  package static func published(_ column: String) -> ColumnKind {
    let counts: Set<String> = [
      "persons", "stays", "completed_stays", "over_90", "over_120", "planned_exits", "users", "returning_users",
      "exits",
    ]
    let keys: Set<String> = [
      "group", "band", "bin", "indicator", "region", "sex", "age_band", "quarter", "service", "municipality",
      "municipality_name",
    ]
    if column == "year" { return .year }
    if keys.contains(column) { return .text }
    if counts.contains(column) || column.hasPrefix("returns_") || column.hasPrefix("within_") { return .count }
    if column.hasPrefix("share") { return .share }
    if column.hasPrefix("mean_") || column.contains("_per_") { return .mean }
    if column == "follow_up_complete" { return .bool }
    return .sum
  }
}
