/// What the intruder of SPEC 9.2 knows about the counts of a set of tables: linear
/// relations between count cells, each `Σ coefficient × cell = 0` or `≤ 0`.

/// A count the intruder reasons about: a count cell of a published table, or one a
/// relation names that the folder lacks (a row removed by hand) — unknown, but ≥ 0.
package enum CountCell: Hashable, Sendable {
  case published(CellAddress)
  case absent(table: String, key: String, column: String)
}

package struct CountRelation: Hashable, Sendable {
  package enum Kind: Hashable, Sendable {
    case equal
    case atMost
  }

  /// The relation's number in SPEC 9.2 (1–15), for messages and tests.
  package let family: Int
  package let kind: Kind
  /// `Σ coefficient × cell` is `= 0` or `≤ 0`.
  package let terms: [Term]
  /// The total of a "parts → total" relation: a marginal, which secondary suppression
  /// avoids hiding while an inner cell will do.
  package let total: CountCell?

  package struct Term: Hashable, Sendable {
    package let cell: CountCell
    package let coefficient: Int
  }
}

/// Collects the relations of a set of tables, finding cells by the values of their
/// tables' key columns. A relation that names a table the set lacks, or a cell that
/// holds no count (`returning_users` where it is not reported), is left out; a row the
/// table lacks becomes an `absent` cell.
package struct RelationBuilder {
  private let tables: [String: Table]
  private var rowsByKey: [String: [String: Int]] = [:]
  private(set) var relations: [CountRelation] = []

  init(tables: [Table]) {
    self.tables = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    for table in tables {
      var rows: [String: Int] = [:]
      for row in table.rows.indices { rows[Self.key(table, row: row)] = rows[Self.key(table, row: row)] ?? row }
      rowsByKey[table.name] = rows
    }
  }

  /// The values of the key columns, in column order, joined by a separator no label holds.
  private static func key(_ table: Table, row: Int) -> String {
    table.columns.indices.filter { table.columns[$0].kind.isKey }
      .map { table.text(row: row, column: $0) ?? "" }.joined(separator: "\u{1F}")
  }

  func has(_ table: String) -> Bool { tables[table] != nil }

  /// The distinct values of a key column, in row order (empty when the table is missing).
  func labels(_ table: String, _ column: String) -> [String] {
    guard let t = tables[table], let c = t.columnIndex(column) else { return [] }
    var seen: Set<String> = []
    return t.rows.indices.compactMap { t.text(row: $0, column: c) }.filter { seen.insert($0).inserted }
  }

  /// The distinct combinations of values of `columns`, in row order (empty when the
  /// table is missing).
  func rowKeys(_ table: String, _ columns: [String]) -> [[String]] {
    guard let t = tables[table] else { return [] }
    let indices = columns.compactMap { t.columnIndex($0) }
    guard indices.count == columns.count else { return [] }
    var seen: Set<[String]> = []
    return t.rows.indices.map { row in indices.map { t.text(row: row, column: $0) ?? "" } }
      .filter { seen.insert($0).inserted }
  }

  /// The column names of a table (empty when it is missing).
  func columns(_ table: String) -> [String] { tables[table]?.columns.map(\.name) ?? [] }

  /// The count in `column` of the row whose key columns hold `key`, in column order.
  func cell(_ table: String, _ key: [String], _ column: String) -> CountCell? {
    guard let t = tables[table], let c = t.columnIndex(column), t.columns[c].kind == .count else { return nil }
    let joined = key.joined(separator: "\u{1F}")
    guard let row = rowsByKey[table]?[joined] else { return .absent(table: table, key: joined, column: column) }
    if t.rows[row][c].isBlank, !t.suppressed[row][c] { return nil }
    return .published(t.address(row: row, column: c))
  }

  /// `parts → total`: the parts sum to the total.
  mutating func sum(_ family: Int, parts: [CountCell?], total: CountCell?) {
    guard let total, !parts.isEmpty else { return }
    add(family, .equal, parts.map { ($0, 1) } + [(total, -1)], total: total)
  }

  /// `Σ weight × smaller ≤ larger`.
  mutating func atMost(_ family: Int, _ smaller: [(CountCell?, Int)], _ larger: [CountCell?]) {
    add(family, .atMost, smaller + larger.map { ($0, -1) }, total: nil)
  }

  mutating func atMost(_ family: Int, _ smaller: CountCell?, _ larger: CountCell?) {
    atMost(family, [(smaller, 1)], [larger])
  }

  /// `a = b` (one figure in two places), or `Σ left = Σ right`.
  mutating func equal(_ family: Int, _ left: [CountCell?], _ right: [CountCell?]) {
    add(family, .equal, left.map { ($0, 1) } + right.map { ($0, -1) }, total: nil)
  }

  private mutating func add(
    _ family: Int, _ kind: CountRelation.Kind, _ terms: [(CountCell?, Int)], total: CountCell?
  ) {
    var merged: [CountCell: Int] = [:]
    var order: [CountCell] = []
    for (cell, coefficient) in terms {
      guard let cell else { return }
      if merged[cell] == nil { order.append(cell) }
      merged[cell, default: 0] += coefficient
    }
    let kept = order.filter { merged[$0] != 0 }.map { CountRelation.Term(cell: $0, coefficient: merged[$0]!) }
    guard !kept.isEmpty else { return }
    relations.append(CountRelation(family: family, kind: kind, terms: kept, total: total))
  }
}
