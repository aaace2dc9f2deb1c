import RegisterModel

/// Stage 2 (SPEC 5): deduplicates and stitches stays and resolves one record per person.
/// Pure and deterministic: the result depends on the records' fields and `order`, not on
/// the order of the arrays.
public func dedup(stays: [Stay], persons: [PersonRecord]) -> DedupResult {
  let (cleanStays, stayQuality) = dedupStays(stays)
  let (resolved, conflicts) = resolvePersons(persons)
  var quality = stayQuality
  quality.personFieldConflicts = conflicts
  return DedupResult(stays: cleanStays, persons: resolved, quality: quality)
}

/// SPEC 5.2–5.5 on stays: drops exact and same-start duplicates, then stitches overlaps
/// and New-Year splits per (person, institution). The quality's `personFieldConflicts`
/// is 0 here. Stays come back sorted by (person, start, effective end, institution),
/// which is a total order because (person, institution, start) is unique afterwards.
///
/// Sorting moves compact integer keys, not `Stay`s (institutions become ranks in string
/// order): at national scale that is several times faster.
package func dedupStays(_ stays: [Stay]) -> (stays: [Stay], quality: DedupQuality) {
  var quality = DedupQuality()
  let ranks = institutionRanks(stays)
  let survivors = dropDuplicates(stays, institutionRanks: ranks, quality: &quality)
  let stitched = stitch(survivors.map { (stays[$0], ranks[$0]) }, quality: &quality)
  let keys = stitched.indices.map { i in
    let s = stitched[i]
    return (s.stay.person, s.stay.start.rawValue, s.stay.effectiveEnd.rawValue, s.institutionRank, i)
  }
  return (keys.sorted(by: <).map { stitched[$0.4].stay }, quality)
}

/// Each stay's institution as its rank among the distinct institution names in string
/// order, so that integer comparisons order stays as the names would.
func institutionRanks(_ stays: [Stay]) -> [Int32] {
  var idOfName: [String: Int32] = [:]
  var names: [String] = []
  let ids = stays.map { stay -> Int32 in
    if let id = idOfName[stay.institution] { return id }
    let id = Int32(names.count)
    idOfName[stay.institution] = id
    names.append(stay.institution)
    return id
  }
  var rankOfID = [Int32](repeating: 0, count: names.count)
  for (rank, id) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() {
    rankOfID[id] = Int32(rank)
  }
  return ids.map { rankOfID[Int($0)] }
}

/// SPEC 5.2 and 5.3 after one sort by (person, institution, start, order): each
/// (person, institution, start) run is in input order, a record equal in every canonical
/// field to an earlier one of its run is an exact duplicate, and of the rest the
/// same-start winner stays. Runs are a handful of records, so the exact-duplicate check
/// compares within the run. Returns the indices of the survivors, one per
/// (person, institution, start), in that order.
func dropDuplicates(_ stays: [Stay], institutionRanks ranks: [Int32], quality: inout DedupQuality) -> [Int] {
  let keys = stays.indices.map { i in
    (stays[i].person, ranks[i], stays[i].start.rawValue, stays[i].order, i)
  }.sorted(by: <).map(\.4)
  var survivors: [Int] = []
  survivors.reserveCapacity(keys.count)
  var i = keys.startIndex
  while i < keys.endIndex {
    let first = stays[keys[i]]
    var j = i + 1
    while j < keys.endIndex, ranks[keys[j]] == ranks[keys[i]], stays[keys[j]].person == first.person,
      stays[keys[j]].start == first.start
    {
      j += 1
    }
    var best = keys[i]
    for k in (i + 1)..<j {
      let candidate = stays[keys[k]]
      if keys[i..<k].contains(where: { stays[$0].hasSameCanonicalFields(as: candidate) }) {
        quality.exactDuplicates += 1
      } else {
        quality.sameStartDuplicates += 1
        if candidate.beatsAtSameStart(stays[best]) { best = keys[k] }
      }
    }
    survivors.append(best)
    i = j
  }
  return survivors
}
