import Foundation

/// One way two tables folders disagree, rendered `table / row / column / expected / actual`.
package struct TableDifference: Hashable, Sendable, CustomStringConvertible {
  package enum Kind: String, Hashable, Sendable {
    /// A table, row or column present in one folder only (the other side reads `absent`).
    case missingTable, extraTable, missingRow, extraRow, missingColumn, extraColumn
    /// The same rows in another order (the row is the first that moved).
    case rowOrder
    /// The same columns in another order (the column is the first that moved).
    case columnOrder
    /// A cell suppressed on one side only.
    case suppression
    /// A published value that differs (beyond the tolerance for a decimal).
    case value
  }

  package let kind: Kind
  package let table: String
  /// The row's key, e.g. `year=2019 band=1-30`; empty for a whole table or column.
  package let row: String
  package let column: String
  package let expected: String
  package let actual: String

  package init(kind: Kind, table: String, row: String, column: String, expected: String, actual: String) {
    self.kind = kind
    self.table = table
    self.row = row
    self.column = column
    self.expected = expected
    self.actual = actual
  }

  /// `table / row / column / expected / actual`, `-` standing for a row or column that
  /// does not apply (a whole table or column).
  package var description: String {
    "\(table) / \(row.isEmpty ? "-" : row) / \(column.isEmpty ? "-" : column) / \(expected) / \(actual)"
  }
}

/// Compares the tables of two folders cell by cell: their `*.csv` files in either CSV
/// dialect, or the sheets of `tables.xlsx` where a folder has no CSV.
/// Rows are matched by their key columns (`group`, `year`, `band`, `bin`, `indicator`,
/// `region`, `sex`, `age_band`, `quarter`, `service`, `municipality`, as present). Values with a decimal point (shares, means) may differ by
/// `tolerance`; every other value (counts, sums, labels, booleans) must be identical;
/// a cell suppressed on one side only is one `suppression` difference (its value is not
/// compared as well). Missing or extra tables, rows and columns, and a changed row or
/// column order are reported. Differences come table by table (sorted by name), then in
/// the expected table's row and column order. Throws when a folder or file cannot be read.
package func diffTables(expected: String, actual: String, tolerance: Double) throws -> [TableDifference] {
  let (expectedFolder, actualFolder) = (try PublishedFolder(expected), try PublishedFolder(actual))
  let (expectedNames, actualNames) = (Set(expectedFolder.tables.keys), Set(actualFolder.tables.keys))
  var differences: [TableDifference] = []
  for name in expectedNames.union(actualNames).sorted() {
    guard expectedNames.contains(name) else {
      differences.append(
        .init(kind: .extraTable, table: name, row: "", column: "", expected: "absent", actual: "present"))
      continue
    }
    guard actualNames.contains(name) else {
      differences.append(
        .init(kind: .missingTable, table: name, row: "", column: "", expected: "present", actual: "absent"))
      continue
    }
    let left = try CSVTable(expectedFolder.tables[name]!, name: name)
    let right = try CSVTable(actualFolder.tables[name]!, name: name)
    differences += compare(left, right, tolerance: tolerance)
  }
  return differences
}

/// A table read back from CSV: header, rows by key, each row's suppressed columns.
private struct CSVTable {
  let name: String
  let header: [String]
  let keys: [String]
  let rows: [String: [String: String]]
  let suppressed: [String: Set<String>]

  init(_ file: (source: String, records: [[String]]), name: String) throws {
    let path = file.source
    var records = file.records
    guard !records.isEmpty else { throw PublishError("\(path): the table has no header") }
    self.name = name
    let header = records.removeFirst()
    self.header = header.filter { $0 != "suppressed" }
    let keyNames = header.filter { ColumnKind.published($0).isKey }
    var keys: [String] = []
    var rows: [String: [String: String]] = [:]
    var suppressed: [String: Set<String>] = [:]
    for (line, record) in records.enumerated() {
      guard record.count == header.count else {
        throw PublishError("\(path): line \(line + 2) has \(record.count) fields where the header has \(header.count)")
      }
      let fields = Dictionary(zip(header, record), uniquingKeysWith: { first, _ in first })
      let key = keyNames.map { "\($0)=\(fields[$0]!)" }.joined(separator: " ")
      keys.append(key)
      rows[key] = fields
      suppressed[key] = Set((fields["suppressed"] ?? "").split(separator: "|").map(String.init))
    }
    self.keys = keys
    self.rows = rows
    self.suppressed = suppressed
  }
}

private func compare(_ expected: CSVTable, _ actual: CSVTable, tolerance: Double) -> [TableDifference] {
  let table = expected.name
  var differences: [TableDifference] = []
  for column in expected.header where !actual.header.contains(column) {
    differences.append(
      .init(kind: .missingColumn, table: table, row: "", column: column, expected: "present", actual: "absent"))
  }
  for column in actual.header where !expected.header.contains(column) {
    differences.append(
      .init(kind: .extraColumn, table: table, row: "", column: column, expected: "absent", actual: "present"))
  }
  let common = expected.header.filter { actual.header.contains($0) }
  if let moved = zip(common, actual.header.filter { expected.header.contains($0) }).first(where: { $0 != $1 }) {
    differences.append(
      .init(kind: .columnOrder, table: table, row: "", column: moved.0, expected: moved.0, actual: moved.1))
  }
  let sharedKeys = expected.keys.filter { actual.rows[$0] != nil }
  if let moved = zip(sharedKeys, actual.keys.filter { expected.rows[$0] != nil }).first(where: { $0 != $1 }) {
    differences.append(
      .init(kind: .rowOrder, table: table, row: moved.0, column: "", expected: moved.0, actual: moved.1))
  }
  for key in expected.keys {
    guard let actualRow = actual.rows[key] else {
      differences.append(
        .init(kind: .missingRow, table: table, row: key, column: "", expected: "present", actual: "absent"))
      continue
    }
    let expectedRow = expected.rows[key]!
    for column in common {
      let (left, right) = (expectedRow[column]!, actualRow[column]!)
      let (leftHidden, rightHidden) = (
        expected.suppressed[key]!.contains(column), actual.suppressed[key]!.contains(column)
      )
      if leftHidden != rightHidden {
        differences.append(
          .init(
            kind: .suppression, table: table, row: key, column: column,
            expected: leftHidden ? "suppressed" : left, actual: rightHidden ? "suppressed" : right))
      } else if !leftHidden && !equal(left, right, tolerance: tolerance) {
        differences.append(.init(kind: .value, table: table, row: key, column: column, expected: left, actual: right))
      }
    }
  }
  for key in actual.keys where expected.rows[key] == nil {
    differences.append(
      .init(kind: .extraRow, table: table, row: key, column: "", expected: "absent", actual: "present"))
  }
  return differences
}

/// Identical text, or two decimals (shares, means) within `tolerance` (plus 1e-9, so
/// that `0.2500` and `0.2501` are within 0.0001 despite binary representation).
private func equal(_ left: String, _ right: String, tolerance: Double) -> Bool {
  if left == right { return true }
  guard left.contains("."), right.contains("."), let l = Double(left), let r = Double(right) else { return false }
  return abs(l - r) <= tolerance + 1e-9
}
