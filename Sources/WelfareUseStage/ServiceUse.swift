import RegisterModel

/// Which services each typology person used in the window (SPEC 8), as one bitset per
/// person in a flat word array: built in one pass over the events, without allocating
/// per event.
struct ServiceUse {
  private let window: Window
  private let wordsPerPerson: Int
  /// Typology person → their row (index into the typology).
  private let rowOfPerson: [PersonKey: Int]
  private var words: [UInt64]

  init(rowOfPerson: [PersonKey: Int], serviceCount: Int, window: Window) {
    self.window = window
    self.rowOfPerson = rowOfPerson
    wordsPerPerson = max(1, (serviceCount + 63) / 64)
    words = Array(repeating: 0, count: rowOfPerson.count * wordsPerPerson)
  }

  /// Records an event when its person is a typology person and it overlaps the window:
  /// `start ≤ window.to` and `end ≥ window.from`, both days included.
  mutating func add(_ event: ServiceEvent) {
    guard event.start <= window.to, event.end >= window.from,
      let row = rowOfPerson[event.person]
    else { return }
    words[row * wordsPerPerson + event.service / 64] |= 1 << UInt64(event.service % 64)
  }

  /// Whether the person in `row` used service `service`.
  func used(row: Int, service: Int) -> Bool {
    words[row * wordsPerPerson + service / 64] & (1 << UInt64(service % 64)) != 0
  }
}
