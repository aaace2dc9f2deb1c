/// k-means of SPEC 6 (Kuhn & Culhane 1998) on (E, D) z-scores. Floating-point sums run
/// over persons in person order, so the result is the same for any input order.

/// z-scores with the population standard deviation: mean = ΣX ÷ n (ΣX summed exactly as
/// integers), SD = √(Σ(X − mean)² ÷ n). A feature with zero deviation becomes 0.
func zScores(_ values: [Int]) -> [Double] {
  guard !values.isEmpty else { return [] }
  let n = Double(values.count)
  let mean = Double(values.reduce(0, +)) / n
  let squares = values.reduce(0.0) { sum, x in
    let deviation = Double(x) - mean
    return sum + deviation * deviation
  }
  let sd = (squares / n).squareRoot()
  guard sd > 0 else { return Array(repeating: 0, count: values.count) }
  return values.map { (Double($0) - mean) / sd }
}

/// Lloyd's algorithm from an initial assignment whose clusters are all non-empty. Each
/// pass assigns every point to the nearest centroid by squared Euclidean distance (ties
/// to the lowest cluster index: short, episodic, long); when nothing changed it stops,
/// otherwise the centroids become their members' means (an emptied cluster keeps its
/// centroid). At most `maxIterations` assignment passes.
func lloyd(points: [SIMD2<Double>], initial: [Int], clusterCount: Int = 3, maxIterations: Int = 100) -> [Int] {
  var assignment = initial
  var centroids = Array(repeating: SIMD2<Double>(0, 0), count: clusterCount)
  recomputeCentroids(&centroids, points: points, assignment: assignment)
  for _ in 0..<maxIterations {
    var changed = false
    for i in points.indices {
      let nearest = nearestCentroid(to: points[i], among: centroids)
      if nearest != assignment[i] {
        assignment[i] = nearest
        changed = true
      }
    }
    guard changed else { break }
    recomputeCentroids(&centroids, points: points, assignment: assignment)
  }
  return assignment
}

/// The index of the nearest centroid; on equal distances the first.
func nearestCentroid(to point: SIMD2<Double>, among centroids: [SIMD2<Double>]) -> Int {
  var best = 0
  var bestDistance = Double.infinity
  for (k, centroid) in centroids.enumerated() {
    let d = point - centroid
    let distance = d.x * d.x + d.y * d.y
    if distance < bestDistance {
      best = k
      bestDistance = distance
    }
  }
  return best
}

/// Each non-empty cluster's centroid becomes its members' mean; empty ones keep theirs.
private func recomputeCentroids(
  _ centroids: inout [SIMD2<Double>], points: [SIMD2<Double>], assignment: [Int]
) {
  var sums = Array(repeating: SIMD2<Double>(0, 0), count: centroids.count)
  var counts = Array(repeating: 0, count: centroids.count)
  for (point, cluster) in zip(points, assignment) {
    sums[cluster] += point
    counts[cluster] += 1
  }
  for k in centroids.indices where counts[k] > 0 {
    centroids[k] = sums[k] / Double(counts[k])
  }
}
