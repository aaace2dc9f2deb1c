/// The intruder of SPEC 9.1: everything the published tables and the relations of 9.2
/// say about each hidden count, as a linear programme per group of hidden counts that
/// share relations (counts are real numbers ≥ 0, suppressed ones ≥ 1).
package struct IntruderModel {
  /// Every count cell, in reading order: tables in their order, rows, columns, then the
  /// absent cells relations name. An index into this is a cell's id.
  package let cells: [CountCell]
  /// The true value of each cell where the caller knows it (publish does; an audit of a
  /// folder knows only the published ones).
  package let values: [Int?]
  /// Suppressed or absent: unknown to the intruder.
  package var hidden: [Bool]
  let isAbsent: [Bool]
  /// Whether the cell is the total of a "parts → total" relation.
  package let isTotal: [Bool]
  let relations: [CountRelation]
  /// The relations' terms by cell id.
  let terms: [[(cell: Int, coefficient: Int)]]
  /// The relations each cell takes part in.
  let relationsOf: [[Int]]

  /// Tolerance on LP optima: a bound within it of `min_cell` counts as reaching it.
  static let tolerance = 1e-6

  package init(tables: [Table], relations: [CountRelation]) {
    var cells: [CountCell] = []
    var values: [Int?] = []
    var hidden: [Bool] = []
    var id: [CountCell: Int] = [:]
    for table in tables {
      for row in table.rows.indices {
        for (c, column) in table.columns.enumerated() where column.kind == .count {
          let cell = CountCell.published(table.address(row: row, column: c))
          guard !table.rows[row][c].isBlank || table.suppressed[row][c] else { continue }
          id[cell] = cells.count
          cells.append(cell)
          values.append(table.rows[row][c].intValue)
          hidden.append(table.suppressed[row][c])
        }
      }
    }
    let publishedCount = cells.count
    for relation in relations {
      for term in relation.terms where id[term.cell] == nil {
        id[term.cell] = cells.count
        cells.append(term.cell)
        values.append(nil)
        hidden.append(true)
      }
    }
    var isTotal = Array(repeating: false, count: cells.count)
    var relationsOf = Array(repeating: [Int](), count: cells.count)
    var terms: [[(cell: Int, coefficient: Int)]] = []
    for (r, relation) in relations.enumerated() {
      if let total = relation.total { isTotal[id[total]!] = true }
      terms.append(relation.terms.map { (id[$0.cell]!, $0.coefficient) })
      for term in relation.terms { relationsOf[id[term.cell]!].append(r) }
    }
    self.cells = cells
    self.values = values
    self.hidden = hidden
    self.isAbsent = cells.indices.map { $0 >= publishedCount }
    self.isTotal = isTotal
    self.relations = relations
    self.terms = terms
    self.relationsOf = relationsOf.map { Array(Set($0)).sorted() }
  }

  /// The suppressed (hidden, not absent) cells, in id order.
  package var suppressedCells: [Int] { cells.indices.filter { hidden[$0] && !isAbsent[$0] } }

  /// The hidden cells linked to `cell` through relations with hidden cells, itself
  /// included, in id order.
  func component(of cell: Int) -> [Int] {
    // A flag per cell rather than a Set: hashing was a tenth of publish (BENCHMARKS.md).
    var seen = [Bool](repeating: false, count: cells.count)
    seen[cell] = true
    var found = [cell]
    var queue = [cell]
    while let next = queue.popLast() {
      for r in relationsOf[next] {
        for term in terms[r] where hidden[term.cell] && !seen[term.cell] {
          seen[term.cell] = true
          found.append(term.cell)
          queue.append(term.cell)
        }
      }
    }
    return found.sorted()
  }

  /// The relation whose published figures contradict each other, if one does (only an
  /// audit of an edited folder can meet one).
  package struct Contradiction: Error {
    package let relation: CountRelation
  }

  /// The linear programme of one component: its hidden cells as variables, those in
  /// `fixed` held at their published values.
  private func program(for component: [Int], fixing fixed: Set<Int> = []) -> LinearProgram {
    let local = Dictionary(uniqueKeysWithValues: component.enumerated().map { ($1, $0) })
    var seen: Set<Int> = []
    var rows: [LinearProgram.Row] = []
    for cell in component {
      for r in relationsOf[cell] where seen.insert(r).inserted {
        var row = LinearProgram.Row(terms: [], isEquality: relations[r].kind == .equal, bound: 0)
        for term in terms[r] {
          if let variable = local[term.cell] {
            row.terms.append((variable, Double(term.coefficient)))
          } else {
            row.bound -= Double(term.coefficient * values[term.cell]!)
          }
        }
        rows.append(row)
      }
    }
    let lower = component.map { fixed.contains($0) ? Double(values[$0]!) : isAbsent[$0] ? 0.0 : 1.0 }
    let upper =
      fixed.isEmpty ? nil : component.map { fixed.contains($0) ? Double(values[$0]!) : .greatestFiniteMagnitude }
    return LinearProgram(variableCount: component.count, lowerBounds: lower, upperBounds: upper, rows: rows)
  }

  /// The interval the intruder can prove for each of `cells` (hidden, not absent); the
  /// lower end only when `lower` is set (publish needs the upper ends alone).
  package func bounds(of cells: [Int], lower: Bool) throws(Contradiction) -> [Int: ProvableInterval] {
    var result: [Int: ProvableInterval] = [:]
    var done: Set<Int> = []
    let asked = Set(cells)
    for cell in cells where !done.contains(cell) {
      let component = component(of: cell)
      let program = program(for: component)
      let wanted = component.enumerated().filter { asked.contains($0.element) }
      for (variable, id) in wanted where !done.contains(id) {
        done.insert(id)
        do {
          let upper = try program.optimum(of: variable, maximise: true)
          let low = lower ? try program.optimum(of: variable, maximise: false) : .value(1)
          guard case .value(let lowValue) = low else { preconditionFailure("counts are bounded below") }
          let high: Double? = if case .value(let value) = upper { value } else { nil }
          result[id] = ProvableInterval(lower: lowValue, upper: high)
        } catch {
          throw contradiction(in: component, at: cell)
        }
      }
    }
    return result
  }

  /// Whether no one of `cells` (hidden, not absent) can be proved below `minCell`
  /// (`witnesses.minCell`); stops at the first that can. The answer is the one a
  /// programme per cell gives, with fewer programmes: a cell at `minCell` or more at any
  /// point of its group's programme is safe without one of its own, since its maximum is
  /// at least that value. So a cell a kept point shows safe needs nothing; the group's
  /// other cells, each capped at `minCell`, are maximised together while that settles
  /// more of them; each cell left gets its own maximum. Every optimum is kept.
  func allSafe(_ cells: [Int], witnesses: inout SafetyWitnesses) throws(Contradiction) -> Bool {
    let minCell = witnesses.minCell
    var done: Set<Int> = []
    let asked = Set(cells.filter { !witnesses.showSafe($0, hidden: hidden) })
    // Within the LP tolerance of `minCell`, as `ProvableInterval.reaches` counts a bound.
    let enough = Double(minCell) - Self.tolerance / 10
    for cell in cells where asked.contains(cell) && !done.contains(cell) {
      let component = component(of: cell)
      let program = program(for: component)
      var open = component.indices.filter { asked.contains(component[$0]) && !done.contains(component[$0]) }
      for variable in open { done.insert(component[variable]) }
      while !open.isEmpty, let point = program.maximisingPoint(ofSum: open, cappedAt: Double(minCell)) {
        witnesses.record(point, of: component, in: self)
        let before = open.count
        open.removeAll { point[$0] >= enough }
        if open.count == before { break }
      }
      var settled = Set<Int>()
      do {
        for variable in open where !settled.contains(variable) {
          guard case .value(let value) = try program.optimum(of: variable, maximise: true) else { continue }
          if !ProvableInterval.reaches(value, minCell: minCell) { return false }
          let point = program.point
          witnesses.record(point, of: component, in: self)
          settled.formUnion(open.filter { point[$0] >= enough })
        }
      } catch {
        throw contradiction(in: component, at: cell)
      }
    }
    return true
  }

  /// `cell`'s upper bound (as `upperBound(of:)`) with each of `candidates` (published)
  /// hidden in turn, in their order, until `enough` holds for one. One programme serves
  /// them all: its variables are the component `cell` would have with every candidate
  /// hidden, the candidates fixed at their values but the one being tried (a fixed
  /// variable is its published value), and each try changes one variable's bounds and
  /// starts from the last basis. Building and solving a programme from scratch per
  /// candidate made publish 5–7 s on the national profile (BENCHMARKS.md).
  ///
  /// The programme is first solved with every candidate held, for `cell`'s bound now.
  /// A candidate whose reduced cost is zero there cannot raise it: the optimal duals
  /// still bound the programme with that variable freed, at the same value (linear
  /// programming duality). Its bound is the present one, without a solve of its own;
  /// a cell bounded by relations its candidates are not in met this for tens of
  /// candidates in a row (BENCHMARKS.md, session 11).
  func upperBounds(
    of cell: Int, hidingEach candidates: [Int], recording witnesses: inout SafetyWitnesses,
    until enough: (Double?) -> Bool
  ) throws(Contradiction) -> [(candidate: Int, bound: Double?)] {
    var trial = self
    for candidate in candidates { trial.hidden[candidate] = true }
    let component = trial.component(of: cell)
    let local = Dictionary(uniqueKeysWithValues: component.enumerated().map { ($1, $0) })
    let program = trial.program(for: component, fixing: Set(candidates))
    func maximum() throws(Contradiction) -> LinearProgram.Optimum {
      do { return try program.optimum(of: local[cell]!, maximise: true) } catch {
        throw contradiction(in: component, at: cell)
      }
    }
    let now: Double? = if case .value(let value) = try maximum() { value } else { nil }
    let reducedCosts = program.reducedCosts
    var results: [(candidate: Int, bound: Double?)] = []
    for candidate in candidates {
      let value = Double(values[candidate]!)
      // Not linked to `cell` even when hidden, or of reduced cost zero: hiding it leaves
      // the bound as it is. The figures are whole numbers, so the duals are fractions of
      // small denominators, and a reduced cost within 1e-9 of zero is zero.
      guard let variable = local[candidate], abs(reducedCosts[variable]) > 1e-9 else {
        results.append((candidate, now))
        if enough(now) { break }
        continue
      }
      program.setBounds(of: variable, lower: 1, upper: nil)
      let optimum = try maximum()
      if case .value = optimum { witnesses.record(program.point, of: component, in: self) }
      program.setBounds(of: variable, lower: value, upper: value)
      let bound: Double? = if case .value(let value) = optimum { value } else { nil }
      results.append((candidate, bound))
      if enough(bound) { break }
    }
    return results
  }

  /// The largest value the intruder can prove `cell` to hold at most (nil: no bound);
  /// the optimum is kept in `witnesses`.
  func upperBound(of cell: Int, recording witnesses: inout SafetyWitnesses) throws(Contradiction) -> Double? {
    let component = component(of: cell)
    let program = program(for: component)
    let optimum: LinearProgram.Optimum
    do { optimum = try program.optimum(of: component.firstIndex(of: cell)!, maximise: true) } catch {
      throw contradiction(in: component, at: cell)
    }
    guard case .value(let value) = optimum else { return nil }
    witnesses.record(program.point, of: component, in: self)
    return value
  }

  /// The error for a programme of `component` (asked about `cell`) that has no point:
  /// a relation whose published terms alone break it, else one of `cell`'s.
  private func contradiction(in component: [Int], at cell: Int) -> Contradiction {
    Contradiction(relation: firstBroken(in: component) ?? relations[relationsOf[cell][0]])
  }

  /// A relation of the component whose published terms alone already break it.
  private func firstBroken(in component: [Int]) -> CountRelation? {
    component.lazy.flatMap { self.relationsOf[$0] }.first(where: isBroken).map { relations[$0] }
  }

  /// The relations whose cells are all published but do not hold: the published
  /// figures contradict each other (a hand-edited folder, or a stage bug in publish).
  package func brokenRelations() -> [CountRelation] {
    relations.indices.filter(isBroken).map { relations[$0] }
  }

  /// Whether relation `r` has only published cells and they do not satisfy it.
  private func isBroken(_ r: Int) -> Bool {
    guard terms[r].allSatisfy({ !hidden[$0.cell] }) else { return false }
    let sum = terms[r].reduce(0) { $0 + $1.coefficient * values[$1.cell]! }
    return relations[r].kind == .equal ? sum != 0 : sum > 0
  }
}

/// What an intruder can prove about one suppressed count: `lower ≤ value ≤ upper`
/// (`upper` nil when nothing bounds it).
package struct ProvableInterval: Hashable, Sendable {
  package let lower: Double
  package let upper: Double?

  /// Safe when the intruder cannot show the count is below `minCell`.
  package func isSafe(minCell: Int) -> Bool { Self.reaches(upper, minCell: minCell) }

  /// Whether an upper bound (nil: none) reaches `minCell`, within the LP tolerance.
  static func reaches(_ upper: Double?, minCell: Int) -> Bool {
    upper.map { $0 >= Double(minCell) - IntruderModel.tolerance } ?? true
  }
}
