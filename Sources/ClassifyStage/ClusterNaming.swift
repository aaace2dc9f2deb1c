import RegisterModel

/// Raw E and D summed over one cluster's members.
struct ClusterSums: Hashable, Sendable {
  var members = 0
  var episodes = 0
  var nights = 0
}

/// Names k-means clusters (SPEC 6): the highest mean D is long; of the other two, the
/// higher mean E is episodic; the last is short. Means are of raw E and D over members,
/// compared exactly as fractions (ΣD_a · n_b vs ΣD_b · n_a). Ties: an empty cluster
/// ranks below any non-empty one; between equal means (or two empty clusters) the
/// cluster seeded from the later rules group wins (long over episodic over short), so a
/// tie keeps the rules name. Returns the name of each cluster index.
func nameClusters(_ sums: [ClusterSums]) -> [UserGroup] {
  func preferred(_ a: Int, over b: Int, by value: KeyPath<ClusterSums, Int>) -> Bool {
    let (x, y) = (sums[a], sums[b])
    if (x.members == 0) != (y.members == 0) { return y.members == 0 }
    let lhs = x[keyPath: value] * y.members
    let rhs = y[keyPath: value] * x.members
    return lhs != rhs ? lhs > rhs : a > b
  }
  func best(of clusters: [Int], by value: KeyPath<ClusterSums, Int>) -> Int {
    clusters.dropFirst().reduce(clusters[0]) { preferred($1, over: $0, by: value) ? $1 : $0 }
  }

  var names = Array(repeating: UserGroup.short, count: sums.count)
  let long = best(of: Array(sums.indices), by: \.nights)
  names[long] = .long
  let episodic = best(of: sums.indices.filter { $0 != long }, by: \.episodes)
  names[episodic] = .episodic
  return names
}
