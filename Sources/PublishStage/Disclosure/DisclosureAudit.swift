import Foundation
import RegisterIO

/// The audit of SPEC 9.1: for every suppressed count of a set of tables, the interval
/// an intruder who has all of them and knows the relations of 9.2 can prove.
package struct DisclosureAudit: Sendable {
  /// One suppressed count and what can be proved about it.
  package struct Finding: Sendable {
    package let table: String
    /// The row's key, e.g. `year=2019 band=1-30`.
    package let row: String
    package let column: String
    package let interval: ProvableInterval

    /// `[lower, upper]` as text, the bounds with at most two decimals, `∞` for no bound.
    package var intervalText: String {
      "[\(decimal(interval.lower)), \(interval.upper.map(decimal) ?? "∞")]"
    }
  }

  package let minCell: Int
  /// In table, row and column order.
  package let findings: [Finding]
  package let isSafe: Bool
  package let unsafeCount: Int

  package init(tables: [Table], relations: [CountRelation], minCell: Int, lower: Bool) throws(IntruderModel
    .Contradiction)
  {
    let model = IntruderModel(tables: tables, relations: relations)
    let suppressed = model.suppressedCells
    let bounds = try model.bounds(of: suppressed, lower: lower)
    let byName = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    findings = suppressed.map { id in
      guard case .published(let address) = model.cells[id], let table = byName[address.table] else {
        preconditionFailure("suppressed cells are published cells")
      }
      return Finding(
        table: table.name, row: table.key(row: address.row), column: table.columns[address.column].name,
        interval: bounds[id]!)
    }
    self.minCell = minCell
    unsafeCount = findings.filter { !$0.interval.isSafe(minCell: minCell) }.count
    isSafe = unsafeCount == 0
  }

  /// Suppressed counts per table, for `disclosure.json`.
  package func suppressedCounts(tables: [String]) -> [(table: String, count: Int)] {
    tables.map { name in (name, findings.filter { $0.table == name }.count) }
  }

  /// The smallest upper bound an intruder can prove for any suppressed count (nil when
  /// none is bounded or none is suppressed).
  package var smallestUpperBound: Double? { findings.compactMap(\.interval.upper).min() }

  package func isSafe(_ finding: Finding) -> Bool { finding.interval.isSafe(minCell: minCell) }
}

/// A bound with at most two decimals, trailing zeros dropped: `4`, `4.5`, `3.33`.
func decimal(_ value: Double) -> String {
  let rounded = (value * 100).rounded() / 100
  if rounded == rounded.rounded() { return String(Int(rounded)) }
  var text = String(format: "%.2f", rounded)
  while text.hasSuffix("0") { text.removeLast() }
  return text
}

extension DisclosureAudit {
  /// `disclosure.json` (SPEC 10): `min_cell`, the suppressed counts of each table, and
  /// the audit's result. Never which or how many suppressions are primary, and no values.
  package func record(tables: [String]) -> JSONValue {
    let perTable: [JSONValue] = suppressedCounts(tables: tables).map {
      .object(["table": .string($0.table), "suppressed_counts": .int($0.count)])
    }
    return .object([
      "min_cell": .int(minCell),
      "tables": .array(perTable),
      "audit": .object([
        "safe": .bool(isSafe),
        "smallest_upper_bound": smallestUpperBound.map { .decimal($0, decimals: 2) } ?? .null,
      ]),
    ])
  }
}

extension DisclosureAudit {
  /// Unsafe findings first, then the safe ones, each in table order; a line per suppressed
  /// count, then the summary line.
  package func text() -> String {
    let ordered = findings.filter { !isSafe($0) } + findings.filter(isSafe)
    let lines = ordered.map { finding in
      "\(isSafe(finding) ? "safe  " : "UNSAFE") \(finding.table) \(finding.row) \(finding.column) \(finding.intervalText)"
    }
    return (lines + [summary]).joined(separator: "\n") + "\n"
  }

  /// `N suppressed counts, M unsafe (min_cell K): safe|unsafe; smallest upper bound B`.
  package var summary: String {
    let bound = smallestUpperBound.map { "; smallest upper bound \(decimal($0))" } ?? ""
    return "\(findings.count) suppressed counts, \(unsafeCount) unsafe (min_cell \(minCell)): "
      + (isSafe ? "safe" : "unsafe") + bound
  }

  /// The audit for CI: `min_cell`, `safe`, the counts, and every finding with its bounds.
  package func json() -> JSONValue {
    .object([
      "min_cell": .int(minCell), "safe": .bool(isSafe), "suppressed_counts": .int(findings.count),
      "unsafe": .int(unsafeCount),
      "smallest_upper_bound": smallestUpperBound.map { .decimal($0, decimals: 2) } ?? .null,
      "findings": .array(
        findings.map { finding in
          .object([
            "table": .string(finding.table), "row": .string(finding.row), "column": .string(finding.column),
            "lower": .decimal(finding.interval.lower, decimals: 2),
            "upper": finding.interval.upper.map { .decimal($0, decimals: 2) } ?? .null,
            "safe": .bool(isSafe(finding)),
          ])
        }),
    ])
  }
}
