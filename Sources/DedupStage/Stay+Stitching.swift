import RegisterModel

/// SPEC 5.4: stitching a person's stays at one institution.
extension Stay {
  /// How `next` (starting no earlier than this stay) joins this stay, or nil when it
  /// does not. The two ways exclude each other: a New-Year split starts the day after
  /// this stay's end, an overlap on or before it.
  func stitchKind(of next: Stay) -> StitchKind? {
    let end = effectiveEnd
    if next.start <= end { return .overlap }
    let (_, month, day) = end.civil
    if month == 12, day == 31, next.start == end + 1 { return .newYear }
    return nil
  }

  /// Merges `next` into this stay: the start and `order` stay; the end, censoring
  /// (end and extract date), exit reason and municipality come from whichever record
  /// gives the later effective end — on equal effective ends a closed record beats an
  /// open one, and otherwise the record already giving the end keeps it.
  mutating func absorb(_ next: Stay) {
    let later = next.effectiveEnd > effectiveEnd
    let closesTie = next.effectiveEnd == effectiveEnd && isCensored && !next.isCensored
    guard later || closesTie else { return }
    end = next.end
    extractDate = next.extractDate
    exitReason = next.exitReason
    municipality = next.municipality
  }
}

enum StitchKind {
  case overlap, newYear
}

/// A stitched stay and the rank of its institution (see `institutionRanks`).
struct StitchedStay {
  var stay: Stay
  var institutionRank: Int32
}

/// Stitches stays given in (person, institution, start) order: each stay is compared
/// with the merged stay so far at the same person and institution, so a chain of
/// overlapping records becomes one stay. Each merge counts once, as an overlap or a
/// New-Year split.
func stitch(_ stays: [(Stay, Int32)], quality: inout DedupQuality) -> [StitchedStay] {
  var result: [StitchedStay] = []
  result.reserveCapacity(stays.count)
  for (stay, rank) in stays {
    if let last = result.last, last.stay.person == stay.person, last.institutionRank == rank,
      let kind = last.stay.stitchKind(of: stay)
    {
      switch kind {
      case .overlap: quality.overlapsStitched += 1
      case .newYear: quality.newYearStitched += 1
      }
      result[result.count - 1].stay.absorb(stay)
    } else {
      result.append(StitchedStay(stay: stay, institutionRank: rank))
    }
  }
  return result
}
