import RegisterModel

/// SPEC 5.6: one record per person over all persons sources. Per field (sex, birth date,
/// municipality), the most frequent non-missing value wins; on a tie, the value of the
/// tied values' latest record in input order (`order`). A field with no value stays
/// missing. The resolved record carries the `order` of the person's first record.
/// Returns the records sorted by person and the number of (person, field) pairs with at
/// least two distinct non-missing values.
package func resolvePersons(_ records: [PersonRecord]) -> (persons: [PersonRecord], fieldConflicts: Int) {
  let sorted = records.sorted { ($0.person, $0.order) < ($1.person, $1.order) }
  var persons: [PersonRecord] = []
  var conflicts = 0
  var sexes = ValueTally<Sex>()
  var births = ValueTally<Day>()
  var municipalities = ValueTally<String>()
  var i = sorted.startIndex
  while i < sorted.endIndex {
    let person = sorted[i].person
    var j = i
    while j < sorted.endIndex, sorted[j].person == person {
      // `sorted` is in input order within a person, so a later add is a later record.
      sexes.add(sorted[j].sex)
      births.add(sorted[j].birthDate)
      municipalities.add(sorted[j].municipality)
      j += 1
    }
    conflicts += sexes.conflictCount + births.conflictCount + municipalities.conflictCount
    persons.append(
      PersonRecord(
        person: person, sex: sexes.take(), birthDate: births.take(),
        municipality: municipalities.take(), order: sorted[i].order))
    i = j
  }
  return (persons, conflicts)
}

/// Counts one person's values of one field, in input order, without a dictionary: a
/// person has a handful of records, so a linear scan of the distinct values is fastest.
struct ValueTally<Value: Equatable> {
  private var values: [Value] = []
  private var counts: [Int] = []
  /// Position of the value's latest record among the person's records.
  private var lastSeen: [Int] = []
  private var seen = 0

  mutating func add(_ value: Value?) {
    defer { seen += 1 }
    guard let value else { return }
    if let k = values.firstIndex(of: value) {
      counts[k] += 1
      lastSeen[k] = seen
    } else {
      values.append(value)
      counts.append(1)
      lastSeen.append(seen)
    }
  }

  /// 1 when two or more distinct values were seen, else 0.
  var conflictCount: Int { values.count >= 2 ? 1 : 0 }

  /// The winner (most frequent; tie → seen last), and resets for the next person.
  mutating func take() -> Value? {
    defer {
      values.removeAll(keepingCapacity: true)
      counts.removeAll(keepingCapacity: true)
      lastSeen.removeAll(keepingCapacity: true)
      seen = 0
    }
    guard !values.isEmpty else { return nil }
    let k = values.indices.max { (counts[$0], lastSeen[$0]) < (counts[$1], lastSeen[$1]) }!
    return values[k]
  }
}
