/// Points of the intruder's programmes kept as proofs of safety. A point gives every
/// count a value consistent with all relations; a suppressed count at `minCell` or more
/// there cannot be proved below `minCell`. A point found while some cells were hidden
/// stays a point while every count at which it leaves the true figures is still hidden,
/// whatever else is hidden or published. Secondary suppression asks "is this count
/// safe?" hundreds of times as it hides and publishes cells again; a kept point answers
/// many of those questions without a programme (BENCHMARKS.md, session 11).
struct SafetyWitnesses {
  /// The threshold the points are kept for.
  let minCell: Int
  /// For each point, the counts (not absent ones) where it leaves the true figures; an
  /// absent count is always hidden, so it never invalidates a point.
  private var moved: [[Int]] = []
  /// For each suppressed count, the points at which it reaches `minCell`.
  private var pointsShowing: [Int: [Int]] = [:]

  /// A value this close to the true one counts as unmoved: a point off by less is still
  /// one far within the 1e-6 tolerance the decisions use.
  private static let sameValue = 1e-9

  init(minCell: Int) { self.minCell = minCell }

  /// Keeps `point`, the values of `component`'s cells (in its order) at an optimum of
  /// their programme, when it shows some count below `minCell` to be able to reach it.
  mutating func record(_ point: [Double], of component: [Int], in model: IntruderModel) {
    let enough = Double(minCell) - IntruderModel.tolerance / 10
    var movedCells: [Int] = []
    var shown: [Int] = []
    for (variable, cell) in component.enumerated() {
      guard let value = model.values[cell] else { continue }
      if abs(point[variable] - Double(value)) > Self.sameValue { movedCells.append(cell) }
      if value < minCell && point[variable] >= enough { shown.append(cell) }
    }
    guard !shown.isEmpty else { return }
    for cell in shown { pointsShowing[cell, default: []].append(moved.count) }
    moved.append(movedCells)
  }

  /// Whether a kept point, still a point with the cells `hidden` now, shows `cell` able
  /// to reach `minCell`.
  func showSafe(_ cell: Int, hidden: [Bool]) -> Bool {
    pointsShowing[cell, default: []].contains { point in moved[point].allSatisfy { hidden[$0] } }
  }
}
