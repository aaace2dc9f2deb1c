import RegisterIO
import RegisterModel

/// How person ids become `PersonKey`s in one phase of the load, and which persons are
/// kept: stays make the cohort; persons and services rows are kept only for it.
enum PersonKeying: Sendable {
  /// CPR numbers are their own keys; `cohort` nil keeps everyone (the stays phase).
  case cpr(cohort: PersonKeySet?)
  /// Opaque ids in a stays file: interned per file, made global in file order after.
  case opaqueLocal
  /// Opaque ids of persons and services rows: the cohort's keys; others are filtered.
  case opaqueCohort([String: PersonKey])

  enum Outcome {
    case key(PersonKey, repaired: Bool)
    case invalid
    case notInCohort
  }

  /// Resolves a non-missing id field of the reader's current row; `tokens` collects
  /// new opaque ids of the file.
  func resolve<Reader: RecordReader>(
    _ reader: Reader, _ index: Int, tokens: inout [String], interned: inout [String: PersonKey]
  ) -> Outcome {
    switch self {
    case .cpr(let cohort):
      return Self.resolveCPR(reader.field(index), cohort: cohort)
    case .opaqueLocal:
      guard let token = Self.opaqueToken(reader.string(index)) else { return .invalid }
      if let key = interned[token] { return .key(key, repaired: false) }
      let key = PersonKey(tokens.count)
      interned[token] = key
      tokens.append(token)
      return .key(key, repaired: false)
    case .opaqueCohort(let keys):
      guard let token = Self.opaqueToken(reader.string(index)) else { return .invalid }
      guard let key = keys[token] else { return .notInCohort }
      return .key(key, repaired: false)
    }
  }

  /// A CPR id field: its key, or invalid, or outside `cohort` (nil keeps everyone).
  @inline(__always)
  static func resolveCPR(_ field: UnsafeRawBufferPointer, cohort: PersonKeySet?) -> Outcome {
    let key: PersonKey
    let repaired: Bool
    switch PersonIDParser.parseCPR(field) {
    case .invalid: return .invalid
    case .valid(let value): (key, repaired) = (value, false)
    case .repaired(let value): (key, repaired) = (value, true)
    }
    if let cohort, !cohort.contains(key) { return .notInCohort }
    return .key(key, repaired: repaired)
  }

  /// An opaque id (SPEC 5.1): trimmed, without `-` and spaces; nil when nothing is left.
  /// Compared as UTF-8 text, so a Latin-1 and a UTF-8 source agree on the same id.
  static func opaqueToken(_ text: String) -> String? {
    let token = String(text.unicodeScalars.filter { $0 != "-" && $0 != " " && $0 != "\t" })
    return token.isEmpty ? nil : token
  }
}

/// The cohort's keys for the membership test every persons and services row makes.
/// Nearly all rows of a national register are of persons outside the cohort, so the test
/// is mostly a miss: a bitmap of hashed keys (32 bits per member, a few hundred KB, stays
/// in cache) answers most of them; open addressing over a power-of-two table answers the
/// rest. `Set<Int64>` (SipHash, a table of several MB missing the cache) cost 4 times more.
struct PersonKeySet: Sendable {
  /// Key + 1 in each used slot (keys are non-negative), 0 in a free one.
  private let slots: [Int64]
  private let shift: Int
  private let filter: [UInt64]
  private let filterShift: Int

  init<S: Sequence<PersonKey>>(_ keys: S) {
    var unique = Array(keys)
    unique.sort()
    var distinct: [PersonKey] = []
    distinct.reserveCapacity(unique.count)
    for key in unique where distinct.last != key { distinct.append(key) }
    var bits = 4
    while (1 << bits) < distinct.count * 2 + 1 { bits += 1 }
    shift = 64 - bits
    var slots = [Int64](repeating: 0, count: 1 << bits)
    let mask = (1 << bits) - 1
    var filterBits = 12
    while (1 << filterBits) < distinct.count * 32 { filterBits += 1 }
    filterShift = 64 - filterBits
    var filter = [UInt64](repeating: 0, count: (1 << filterBits) / 64)
    for key in distinct {
      var slot = Self.hash(key, shift)
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = key &+ 1
      let bit = Self.hash(key, filterShift)
      filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    self.slots = slots
    self.filter = filter
  }

  @inline(__always)
  private static func hash(_ key: PersonKey, _ shift: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
  }

  @inline(__always)
  func contains(_ key: PersonKey) -> Bool {
    let bit = Self.hash(key, filterShift)
    guard filter.withUnsafeBufferPointer({ $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }) else { return false }
    return slots.withUnsafeBufferPointer { table in
      let mask = table.count - 1
      var slot = Self.hash(key, shift)
      while true {
        let entry = table[slot]
        if entry == key &+ 1 { return true }
        if entry == 0 { return false }
        slot = (slot + 1) & mask
      }
    }
  }
}
