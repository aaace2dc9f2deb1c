import RegisterModel

/// How often each dedup rule of SPEC 5.2–5.6 fired; goes to `quality.json` (SPEC 10).
public struct DedupQuality: Codable, Hashable, Sendable {
  /// Stays dropped because an earlier stay (in input order) is equal in every
  /// canonical field (SPEC 5.2).
  public var exactDuplicates: Int
  /// Stays dropped because another stay with the same (person, institution, start)
  /// won (SPEC 5.3); exact duplicates are counted above, not here.
  public var sameStartDuplicates: Int
  /// Merges of a stay ending 31 December with one starting 1 January of the next year
  /// at the same institution (SPEC 5.4).
  public var newYearStitched: Int
  /// Merges of a stay starting on or before the (merged) previous stay's end (SPEC 5.4).
  public var overlapsStitched: Int
  /// (person, field) pairs with at least two distinct non-missing values (SPEC 5.6).
  public var personFieldConflicts: Int

  package init(
    exactDuplicates: Int = 0, sameStartDuplicates: Int = 0, newYearStitched: Int = 0,
    overlapsStitched: Int = 0, personFieldConflicts: Int = 0
  ) {
    self.exactDuplicates = exactDuplicates
    self.sameStartDuplicates = sameStartDuplicates
    self.newYearStitched = newYearStitched
    self.overlapsStitched = overlapsStitched
    self.personFieldConflicts = personFieldConflicts
  }
}

/// The output of dedup: clean stays, one record per person, and the rules' counts.
public struct DedupResult: Hashable, Sendable {
  /// Deduplicated, stitched stays sorted by (person, start, effective end, institution).
  public var stays: [Stay]
  /// One resolved record per person, sorted by person.
  package var persons: [PersonRecord]
  public var quality: DedupQuality

  package init(stays: [Stay], persons: [PersonRecord], quality: DedupQuality) {
    self.stays = stays
    self.persons = persons
    self.quality = quality
  }
}
