/// Secondary suppression (SPEC 9.1): hides further non-zero published counts until no
/// suppressed count can be proved to lie below `minCell`, then publishes again every
/// extra cell that turns out not to be needed. Deterministic: every choice is ordered by
/// figures and cell order alone.
///
/// 1. **Protect**, failing (primary) cells in cell order
///    (reading order: tables in the SPEC's order, rows, then count columns). While the intruder's upper bound of a
///    failing cell `f` is below `minCell`, hide one candidate: a published non-zero count
///    in a relation with `f` (or, when none is, with a hidden cell of `f`'s group). Each
///    candidate is tried; the one chosen is, in this order: one that makes `f` safe on
///    its own; else the one that raises `f`'s bound most; then an inner cell before a
///    total; then the smaller value; then the first in cell order. Hiding a cell never
///    lowers another's bound, so cells once safe stay safe, and a hidden published cell
///    is itself safe (its true value, ≥ `minCell`, is consistent with everything).
/// 2. **Prune**, the extra cells from the largest value down (totals first on equal
///    values, then the later cell first): publish the cell again, and keep it published
///    when every failing cell that shared its group stays safe.
package func suppressSecondary(_ model: inout IntruderModel, minCell: Int) throws(IntruderModel.Contradiction) {
  func reaches(_ bound: Double?) -> Bool { ProvableInterval.reaches(bound, minCell: minCell) }
  var extra: [Int] = []
  var witnesses = SafetyWitnesses(minCell: minCell)
  for cell in model.suppressedCells where !witnesses.showSafe(cell, hidden: model.hidden) {
    var bound = try model.upperBound(of: cell, recording: &witnesses)
    while !reaches(bound) {
      var candidates = publishedNeighbours(of: [cell], in: model)
      if candidates.isEmpty { candidates = publishedNeighbours(of: model.component(of: cell), in: model) }
      precondition(!candidates.isEmpty, "a suppressed count whose relations hold no published count is unbounded")
      // Fixing candidates rank by (total, value, cell) alone, so in that order the first
      // that fixes `cell` is the choice and the rest need no programme (a shortcut only:
      // the choice is the one the ranking above gives).
      candidates.sort { a, b in
        (model.isTotal[a] ? 1 : 0, model.values[a]!, a) < (model.isTotal[b] ? 1 : 0, model.values[b]!, b)
      }
      var best: (key: [Double], cell: Int, bound: Double?)?
      // To 1e-6, so that solvers agreeing on the optimum agree on the choice.
      let tried = try model.upperBounds(of: cell, hidingEach: candidates, recording: &witnesses) { bound in
        reaches(bound.map { ($0 * 1e6).rounded() / 1e6 })
      }
      for (candidate, bound) in tried {
        let raised = bound.map { ($0 * 1e6).rounded() / 1e6 }
        if reaches(raised) {
          best = ([0], candidate, bound)
          break
        }
        let key: [Double] = [
          -(raised ?? .infinity), model.isTotal[candidate] ? 1 : 0, Double(model.values[candidate]!), Double(candidate),
        ]
        if best == nil || key.lexicographicallyPrecedes(best!.key) { best = (key, candidate, bound) }
      }
      model.hidden[best!.cell] = true
      extra.append(best!.cell)
      // The programme that tried the choice gave `cell`'s bound with it hidden.
      bound = best!.bound
    }
  }
  let pruneOrder = extra.sorted { a, b in
    let (va, vb) = (model.values[a]!, model.values[b]!)
    if va != vb { return va > vb }
    if model.isTotal[a] != model.isTotal[b] { return model.isTotal[a] }
    return a > b
  }
  for cell in pruneOrder {
    // Only the group's failing cells can turn unsafe: a hidden count of at least
    // `minCell` is safe by its true value, so it needs no programme (the prune was 80 %
    // of publish at 1/8 of the national profile, BENCHMARKS.md).
    let group = model.component(of: cell).filter {
      $0 != cell && !model.isAbsent[$0] && (model.values[$0] ?? 0) < minCell
    }
    model.hidden[cell] = false
    if try !model.allSafe(group, witnesses: &witnesses) { model.hidden[cell] = true }
  }
}

/// Published non-zero counts that share a relation with one of `cells`, in cell order.
private func publishedNeighbours(of cells: [Int], in model: IntruderModel) -> [Int] {
  var found: Set<Int> = []
  for cell in cells {
    for r in model.relationsOf[cell] {
      for term in model.terms[r] where !model.hidden[term.cell] && (model.values[term.cell] ?? 0) > 0 {
        found.insert(term.cell)
      }
    }
  }
  return found.sorted()
}
