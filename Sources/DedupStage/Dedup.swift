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
public func dedupStays(_ stays: [Stay]) -> (stays: [Stay], quality: DedupQuality) {
  var quality = DedupQuality()
  let survivors = dropDuplicates(stays, quality: &quality)
  var stitched = stitch(survivors, quality: &quality)
  stitched.sort(by: Stay.outputOrder)
  return (stitched, quality)
}

/// SPEC 5.2 and 5.3 in one sort and one pass. Sorting by (person, institution, start,
/// canonical fields, order) puts exact duplicates next to each other with the first in
/// input order leading; each (person, institution, start) run then keeps its best stay.
/// Returns one stay per (person, institution, start), in that order.
func dropDuplicates(_ stays: [Stay], quality: inout DedupQuality) -> [Stay] {
  let sorted = stays.sorted(by: Stay.duplicateOrder)
  var survivors: [Stay] = []
  survivors.reserveCapacity(sorted.count)
  var i = sorted.startIndex
  while i < sorted.endIndex {
    var best = sorted[i]
    var j = i + 1
    while j < sorted.endIndex, sorted[j].hasSameStartKey(as: sorted[i]) {
      if sorted[j].hasSameCanonicalFields(as: sorted[j - 1]) {
        quality.exactDuplicates += 1
      } else {
        quality.sameStartDuplicates += 1
        if sorted[j].beatsAtSameStart(best) { best = sorted[j] }
      }
      j += 1
    }
    survivors.append(best)
    i = j
  }
  return survivors
}
