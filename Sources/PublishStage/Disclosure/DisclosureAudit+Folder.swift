import Foundation
import RegisterModel

/// A folder of tables the audit cannot read, or whose figures contradict each other:
/// the command's argument to fix (exit code 2), as the audit's 1 means "unsafe".
package struct AuditInputError: RegpipeError, Sendable {
  package var kind: ErrorKind { .configuration }
  package let description: String

  init(_ description: String) { self.description = description }
}

extension DisclosureAudit {
  /// The tables of SPEC 9 the audit knows relations for; other files are ignored.
  static let tableNames = TableName.allCases.map(\.rawValue)

  /// Audits a folder of published tables (`<name>.csv`, else `tables.xlsx`), with only what they show: the
  /// person-level data is never needed. A missing table drops its relations. `minCell`
  /// defaults to the run's `manifest.json` (in the folder or the one above it), else the
  /// tables' JSON `min_cell`, else 5; `indicators` to the definitions in the manifest,
  /// else in `welfare_use.json`.
  package static func audit(folder: String, minCell: Int?, indicators: [Indicator]?) throws -> DisclosureAudit {
    let published: PublishedFolder
    do {
      published = try PublishedFolder(folder)
    } catch let error as PublishError {
      throw AuditInputError(error.description)
    }
    let names = tableNames.filter { published.tables[$0] != nil }
    guard !names.isEmpty else {
      throw AuditInputError("\(folder): no published tables (typology.csv, …, or tables.xlsx) in the folder")
    }
    let tables = try names.map { try readPublishedTable(published.tables[$0]!, name: $0) }
    let json = names.compactMap { name in
      FileManager.default.contents(atPath: folder + "/" + name + ".json")
        .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }.map { (name, $0) }
    }
    let manifestPath = [folder + "/manifest.json", folder + "/../manifest.json"].first {
      FileManager.default.fileExists(atPath: $0)
    }
    let manifest = manifestPath.flatMap { path in
      FileManager.default.contents(atPath: path).flatMap {
        try? JSONSerialization.jsonObject(with: $0) as? [String: Any]
      }
    }
    let threshold =
      minCell ?? manifest?["min_cell"] as? Int ?? json.lazy.compactMap { $0.1["min_cell"] as? Int }.first ?? 5
    var definitions = indicators
    if definitions == nil, let manifest, let manifestPath, manifest["indicators"] != nil {
      definitions = try indicatorDefinitions(manifest["indicators"], path: manifestPath)
    }
    if definitions == nil, let welfare = json.first(where: { $0.0 == "welfare_use" })?.1 {
      definitions = try indicatorDefinitions(welfare["indicators"], path: folder + "/welfare_use.json")
    }
    if names.contains("welfare_use"), definitions == nil {
      throw AuditInputError(
        "\(folder): cannot tell which services each indicator of welfare_use.csv combines: no manifest.json beside "
          + "the folder and no welfare_use.json in it; give --pipeline"
      )
    }
    let relations = relations(of: tables, context: RelationContext(indicators: definitions ?? []))
    do {
      return try DisclosureAudit(tables: tables, relations: relations, minCell: threshold, lower: true)
    } catch {
      throw AuditInputError(
        "\(folder): the published figures contradict each other (relation \(error.relation.family) of SPEC 9.2, in \(Set(error.relation.terms.compactMap(\.tableName)).sorted().joined(separator: ", ")))"
      )
    }
  }

  private static func indicatorDefinitions(_ value: Any?, path: String) throws -> [Indicator] {
    guard let items = value as? [[String: Any]] else {
      throw AuditInputError("\(path): no \"indicators\" list (written by regpipe 0.2 and later)")
    }
    return try items.map { item in
      guard let name = item["name"] as? String else { throw AuditInputError("\(path): an indicator has no name") }
      for combination in [Indicator.Combination.allOf, .anyOf] {
        if let services = item[combination.rawValue] as? [String] {
          return Indicator(name: name, combination: combination, services: services)
        }
      }
      throw AuditInputError("\(path): indicator \(name) has neither all_of nor any_of")
    }
  }
}

extension CountRelation.Term {
  var tableName: String? {
    switch cell {
    case .published(let address): address.table
    case .absent(let table, _, _): table
    }
  }
}

/// A published table as the intruder sees it: keys, published counts, and suppressed
/// counts without a value.
private func readPublishedTable(_ file: (source: String, records: [[String]]), name: String) throws -> Table {
  let path = file.source
  var records = file.records
  guard !records.isEmpty, let suppressedIndex = records[0].firstIndex(of: "suppressed") else {
    throw AuditInputError("\(path): no header with a suppressed column")
  }
  let header = records.removeFirst()
  let columns = header.indices.filter { $0 != suppressedIndex }.map {
    Column(header[$0], ColumnKind.published(header[$0]))
  }
  var rows: [[Cell]] = []
  var hidden: [[Bool]] = []
  for (line, record) in records.enumerated() {
    guard record.count == header.count else {
      throw AuditInputError("\(path): line \(line + 2) has \(record.count) fields where the header has \(header.count)")
    }
    let suppressed = Set(record[suppressedIndex].split(separator: "|").map(String.init))
    let fields = record.indices.filter { $0 != suppressedIndex }.map { record[$0] }
    var cells: [Cell] = []
    for (column, field) in zip(columns, fields) {
      switch column.kind {
      case .count where suppressed.contains(column.name) || field.isEmpty: cells.append(.empty)
      case .count:
        guard let value = Int(field), value >= 0 else {
          // The value is not shown: a hand-edited table could hold anything, a person id too.
          throw AuditInputError("\(path): line \(line + 2), column \(column.name): not a count (a whole number ≥ 0)")
        }
        cells.append(.int(value))
      case .text, .year: cells.append(.text(field))
      default: cells.append(.empty)
      }
    }
    rows.append(cells)
    hidden.append(columns.map { $0.kind == .count && suppressed.contains($0.name) })
  }
  var table = Table(name: name, columns: columns, rows: rows)
  table.suppressed = hidden
  return table
}
