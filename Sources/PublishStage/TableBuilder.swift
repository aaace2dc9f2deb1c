import RegisterModel

/// Row labels shared by the table builders (SPEC 9 row order).
enum Labels {
  static let total = "total"
  /// `short, episodic, long, total`.
  static let groups = UserGroup.allCases.map(\.rawValue) + [total]
  /// `M, F, unknown, total`.
  static let sexes = Sex.allCases.map(\.rawValue) + ["unknown", total]
  /// The row of `sex` in `sexes`: unknown (nil) after the sexes.
  static func sexIndex(_ sex: Sex?) -> Int { sex.flatMap { Sex.allCases.firstIndex(of: $0) } ?? Sex.allCases.count }
  /// `<18 … 60+`, `unknown`, `total`.
  static let ageBands = AgeBand.allCases.map(\.label) + [total]
}

/// Assembles one table: rows and derivations, addressed by row index and column name.
struct TableBuilder {
  let name: String
  let columns: [Column]
  private(set) var rows: [[Cell]] = []
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

  /// Declares that the cell at (`row`, `column`) is computed from the `sources` counts.
  mutating func derive(_ row: Int, _ column: String, from sources: [CellAddress]) {
    derivations.append(Derivation(cell: address(row, column), sources: sources))
  }

  func build() -> Table { Table(name: name, columns: columns, rows: rows, derivations: derivations) }
}

/// The figures handed to publish do not fit together (a stage bug, not a data problem).
package struct PublishError: RegpipeError, Equatable, Sendable {
  package var kind: ErrorKind { .data }
  package let message: String

  package init(_ message: String) { self.message = message }

  package var description: String { message }
}

/// Throws unless `values` has `count` entries.
func requireCount<T>(_ values: [T], _ count: Int, _ what: @autoclosure () -> String) throws {
  guard values.count == count else {
    throw PublishError("\(what()): \(values.count) values where \(count) were expected")
  }
}
