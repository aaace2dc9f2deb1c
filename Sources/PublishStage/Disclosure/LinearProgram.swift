import CClp

/// A linear programme over non-negative real variables, solved by COIN-OR Clp: rows
/// `Σ coefficient × x (=|≤) bound` and per-variable lower bounds. It is loaded once and
/// then maximised or minimised for one variable after another, each solve starting
/// from the previous basis (the audit asks one question per suppressed cell).
final class LinearProgram {
  /// The optimum of one variable: a value, or none when the programme does not bound it.
  enum Optimum: Equatable {
    case value(Double)
    case unbounded
  }

  /// The constraints contradict each other: the published figures cannot all be true.
  struct Infeasible: Error {}

  struct Row {
    var terms: [(variable: Int, coefficient: Double)]
    var isEquality: Bool
    var bound: Double
  }

  private let model: UnsafeMutableRawPointer
  private let variableCount: Int
  private var solvedOnce = false
  /// The variables' bounds as loaded or last changed (Clp takes them whole).
  private var columnLower: [Double]
  private var columnUpper: [Double]

  init(variableCount: Int, lowerBounds: [Double], upperBounds: [Double]? = nil, rows: [Row]) {
    precondition(lowerBounds.count == variableCount)
    self.variableCount = variableCount
    columnLower = lowerBounds
    columnUpper = upperBounds ?? Array(repeating: Double.greatestFiniteMagnitude, count: variableCount)
    model = Clp_newModel()
    Clp_setLogLevel(model, 0)
    // Column-major sparse matrix, as Clp_loadProblem takes it.
    var columns = Array(repeating: [(row: Int32, value: Double)](), count: variableCount)
    for (r, row) in rows.enumerated() {
      for term in row.terms where term.coefficient != 0 { columns[term.variable].append((Int32(r), term.coefficient)) }
    }
    var starts: [CoinBigIndex] = [0]
    var indices: [Int32] = []
    var values: [Double] = []
    for column in columns {
      for entry in column {
        indices.append(entry.row)
        values.append(entry.value)
      }
      starts.append(CoinBigIndex(indices.count))
    }
    let infinity = Double.greatestFiniteMagnitude
    let rowLower = rows.map { $0.isEquality ? $0.bound : -infinity }
    let rowUpper = rows.map(\.bound)
    let upper = columnUpper
    let objective = Array(repeating: 0.0, count: variableCount)
    Clp_loadProblem(
      model, Int32(variableCount), Int32(rows.count), starts, indices, values,
      lowerBounds, upper, objective, rowLower, rowUpper)
  }

  deinit { Clp_deleteModel(model) }

  /// Changes one variable's bounds (nil upper: none); the next solve starts from the
  /// current basis.
  func setBounds(of variable: Int, lower: Double, upper: Double?) {
    columnLower[variable] = lower
    columnUpper[variable] = upper ?? Double.greatestFiniteMagnitude
    Clp_chgColumnLower(model, columnLower)
    Clp_chgColumnUpper(model, columnUpper)
  }

  /// The largest (`maximise`) or smallest value `variable` takes over the programme.
  func optimum(of variable: Int, maximise: Bool) throws(Infeasible) -> Optimum {
    var objective = Array(repeating: 0.0, count: variableCount)
    objective[variable] = 1
    guard try solve(objective, maximise: maximise) else { return .unbounded }
    return .value(Clp_primalColumnSolution(model)[variable])
  }

  /// A point of the programme where the sum of `variables`, each held at most at `cap`
  /// for this solve, is largest; nil when the caps leave no point. Every point is a set
  /// of values consistent with all rows, so each variable's maximum is at least its
  /// value there; the caps spread the sum over as many variables as they can.
  func maximisingPoint(ofSum variables: [Int], cappedAt cap: Double) -> [Double]? {
    let (lower, upper) = (columnLower, columnUpper)
    var objective = Array(repeating: 0.0, count: variableCount)
    for variable in variables {
      objective[variable] = 1
      columnUpper[variable] = min(upper[variable], max(cap, lower[variable]))
    }
    Clp_chgColumnUpper(model, columnUpper)
    defer {
      columnUpper = upper
      Clp_chgColumnUpper(model, columnUpper)
    }
    guard (try? solve(objective, maximise: true)) == true else { return nil }
    return point
  }

  /// The values of the last optimum found.
  var point: [Double] { Array(UnsafeBufferPointer(start: Clp_primalColumnSolution(model), count: variableCount)) }

  /// The reduced cost of each variable at the last optimum found: how fast the
  /// objective would move per unit the variable's bound moves (zero: not at all).
  var reducedCosts: [Double] {
    Array(UnsafeBufferPointer(start: Clp_dualColumnSolution(model), count: variableCount))
  }

  /// Solves for `objective`, from the last basis after the first solve: true at an
  /// optimum, false when the objective is unbounded.
  private func solve(_ objective: [Double], maximise: Bool) throws(Infeasible) -> Bool {
    Clp_chgObjCoefficients(model, objective)
    Clp_setOptimizationDirection(model, maximise ? -1 : 1)
    if solvedOnce { Clp_primal(model, 0) } else { Clp_initialSolve(model) }
    solvedOnce = true
    switch Clp_status(model) {
    case 0: return true
    case 1: throw Infeasible()
    case 2: return false
    default:
      // Stopped on a limit or numerical trouble: solve again from scratch once.
      Clp_initialSolve(model)
      switch Clp_status(model) {
      case 0: return true
      case 1: throw Infeasible()
      case 2: return false
      default: preconditionFailure("Clp did not solve a small audit programme (status \(Clp_status(model)))")
      }
    }
  }
}
