import RegisterModel

/// `items` in (person, start) order. The stages before hand them on in that order, so
/// the check is one linear pass; anything else is sorted (stably) rather than
/// miscounted.
func inPersonStartOrder<T>(_ items: [T], person: (T) -> PersonKey, start: (T) -> Day) -> [T] {
  func precedes(_ a: T, _ b: T) -> Bool { (person(a), start(a)) < (person(b), start(b)) }
  let ordered = zip(items, items.dropFirst()).allSatisfy { !precedes($1, $0) }
  return ordered ? items : items.sorted(by: precedes)
}

extension Array {
  /// Calls `body` with each maximal run of consecutive elements of one person.
  func forEachPersonRun(_ person: (Element) -> PersonKey, _ body: (ArraySlice<Element>) -> Void) {
    var runStart = startIndex
    while runStart < endIndex {
      let key = person(self[runStart])
      var runEnd = runStart + 1
      while runEnd < endIndex, person(self[runEnd]) == key { runEnd += 1 }
      body(self[runStart..<runEnd])
      runStart = runEnd
    }
  }
}
