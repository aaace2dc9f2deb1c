import RegisterModel

/// Comparisons behind the duplicate rules (SPEC 5.2, 5.3).
extension Stay {
  /// Equal in every canonical field (the extract date included, since it decides where
  /// an open stay ends); `order` is not a field.
  func hasSameCanonicalFields(as other: Stay) -> Bool {
    person == other.person && start == other.start && institution == other.institution
      && end == other.end && extractDate == other.extractDate && exitReason == other.exitReason
      && municipality == other.municipality
  }

  /// The same-start winner (SPEC 5.3): the latest effective end; on a tie a closed stay
  /// beats an open one; then the first in input order.
  func beatsAtSameStart(_ other: Stay) -> Bool {
    if effectiveEnd != other.effectiveEnd { return effectiveEnd > other.effectiveEnd }
    if isCensored != other.isCensored { return !isCensored }
    return order < other.order
  }
}
