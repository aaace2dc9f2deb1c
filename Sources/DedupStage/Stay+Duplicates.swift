import RegisterModel

/// Orderings and comparisons behind the duplicate rules (SPEC 5.2, 5.3) and the output order.
extension Stay {
  /// (person, institution, start): the key of the same-start rule.
  func hasSameStartKey(as other: Stay) -> Bool {
    person == other.person && start == other.start && institution == other.institution
  }

  /// Equal in every canonical field (the extract date included, since it decides where
  /// an open stay ends); `order` is not a field.
  func hasSameCanonicalFields(as other: Stay) -> Bool {
    hasSameStartKey(as: other) && end == other.end && extractDate == other.extractDate
      && exitReason == other.exitReason && municipality == other.municipality
  }

  /// The same-start winner (SPEC 5.3): the latest effective end; on a tie a closed stay
  /// beats an open one; then the first in input order.
  func beatsAtSameStart(_ other: Stay) -> Bool {
    if effectiveEnd != other.effectiveEnd { return effectiveEnd > other.effectiveEnd }
    if isCensored != other.isCensored { return !isCensored }
    return order < other.order
  }

  /// (person, institution, start, end, extract date, exit reason, municipality, order):
  /// any total order over the canonical fields works, as long as it ends in `order`.
  static func duplicateOrder(_ a: Stay, _ b: Stay) -> Bool {
    if a.person != b.person { return a.person < b.person }
    if a.institution != b.institution { return a.institution < b.institution }
    if a.start != b.start { return a.start < b.start }
    if a.end != b.end { return precedes(a.end, b.end) }
    if a.extractDate != b.extractDate { return a.extractDate < b.extractDate }
    if a.exitReason != b.exitReason { return precedes(a.exitReason, b.exitReason) }
    if a.municipality != b.municipality { return precedes(a.municipality, b.municipality) }
    return a.order < b.order
  }

  /// The order of dedup's output: (person, start, effective end, institution).
  static func outputOrder(_ a: Stay, _ b: Stay) -> Bool {
    if a.person != b.person { return a.person < b.person }
    if a.start != b.start { return a.start < b.start }
    if a.effectiveEnd != b.effectiveEnd { return a.effectiveEnd < b.effectiveEnd }
    return a.institution < b.institution
  }
}

/// Missing sorts before any value.
private func precedes<T: Comparable>(_ a: T?, _ b: T?) -> Bool {
  switch (a, b) {
  case let (x?, y?): return x < y
  case (nil, _?): return true
  default: return false
  }
}
