/// Names and lookups for the bins and bands of SPEC 7: a bin holding one value is
/// named by it (`1`), a range `lo-hi`, the last `lo+`.
package struct Bins: Hashable, Sendable {
  /// Lower bounds, ascending; the last bin is open.
  package let lowerBounds: [Int]

  /// Bins from lower bounds, as `repeat_bins` gives them: `[1, 2, 5]` → `1`, `2-4`, `5+`.
  package init(lowerBounds: [Int]) { self.lowerBounds = lowerBounds }

  /// Bands from upper edges, as `duration_bands` gives them: `[30, 90]` → `1-30`,
  /// `31-90`, `91+`.
  package init(bandEdges: [Int]) { self.lowerBounds = [1] + bandEdges.map { $0 + 1 } }

  /// Return horizons, as `return_horizons` gives them, all closed:
  /// `[180, 365, 730]` → `0-180`, `181-365`, `366-730`.
  package static func horizons(_ edges: [Int]) -> [String] {
    var lower = 0
    return edges.map { edge in
      defer { lower = edge + 1 }
      return lower == edge ? "\(edge)" : "\(lower)-\(edge)"
    }
  }

  package var labels: [String] {
    lowerBounds.indices.map { i in
      let lo = lowerBounds[i]
      guard i + 1 < lowerBounds.count else { return "\(lo)+" }
      let hi = lowerBounds[i + 1] - 1
      return lo == hi ? "\(lo)" : "\(lo)-\(hi)"
    }
  }

  /// The bin holding `value`, or nil when it is below the first bound.
  package func index(of value: Int) -> Int? {
    guard let first = lowerBounds.first, value >= first else { return nil }
    return (lowerBounds.lastIndex { $0 <= value })!
  }
}
