import RegisterModel

/// Row labels shared by the table builders (SPEC 9 row order).
enum Labels {
  static let total = "total"
  /// `short, episodic, long, total`.
  static let groups = UserGroup.allCases.map(\.rawValue) + [total]
  /// `M, F, unknown, total`.
  static let sexes = Sex.allCases.map(\.rawValue) + ["unknown", total]
  /// `<18 … 60+`, `unknown`, `total`.
  static let ageBands = ["<18", "18-29", "30-39", "40-49", "50-59", "60+", "unknown", total]
}

/// Assembles one table: rows, additive relations and derivations, addressed by row
/// index and column name.
struct TableBuilder {
  let name: String
  let columns: [Column]
  private(set) var rows: [[Cell]] = []
  private var relations: [AdditiveRelation] = []
  private var derivations: [Derivation] = []

  init(name: String, columns: [Column]) {
    self.name = name
    self.columns = columns
  }

  func address(_ row: Int, _ column: String) -> CellAddress {
    guard let index = columns.firstIndex(where: { $0.name == column }) else {
      preconditionFailure("\(name) has no column \(column)")
    }
    return CellAddress(table: name, row: row, column: index)
  }

  /// Appends a row and returns its index.
  @discardableResult
  mutating func append(_ cells: [Cell]) -> Int {
    rows.append(cells)
    return rows.count - 1
  }

  /// Declares that `column` of the `parts` rows adds up to that of the `total` row.
  mutating func relate(_ kind: String, parts: [Int], total: Int, column: String) {
    relations.append(
      AdditiveRelation(kind: kind, parts: parts.map { address($0, column) }, total: address(total, column)))
  }

  /// Declares that the cell at (`row`, `column`) is computed from the `sources` counts.
  mutating func derive(_ row: Int, _ column: String, from sources: [CellAddress]) {
    derivations.append(Derivation(cell: address(row, column), sources: sources))
  }

  /// The table, its relations ordered kind by kind (kinds in the order first declared),
  /// each kind in row order of its first part — the order disclosure control visits them.
  func build() -> Table {
    var kinds: [String] = []
    for relation in relations where !kinds.contains(relation.kind) { kinds.append(relation.kind) }
    let ordered = relations.enumerated().sorted { a, b in
      let (ka, kb) = (kinds.firstIndex(of: a.element.kind)!, kinds.firstIndex(of: b.element.kind)!)
      if ka != kb { return ka < kb }
      let (ra, rb) = (a.element.parts[0].row, b.element.parts[0].row)
      return ra != rb ? ra < rb : a.offset < b.offset
    }.map(\.element)
    return Table(name: name, columns: columns, rows: rows, relations: ordered, derivations: derivations)
  }
}

/// The figures handed to publish do not fit together (a stage bug, not a data problem).
public struct PublishError: Error, Equatable, CustomStringConvertible, Sendable {
  public let message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// Throws unless `values` has `count` entries.
func requireCount<T>(_ values: [T], _ count: Int, _ what: @autoclosure () -> String) throws {
  guard values.count == count else {
    throw PublishError("\(what()): \(values.count) values where \(count) were expected")
  }
}
