#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Gives each distinct byte string a stable integer key: the first seen gets 0, the next
/// new one 1, and so on. Keys depend only on the order of first appearance, so feed it in
/// input order. Lookups copy nothing; only a new token is stored.
public final class Interner {
  /// All tokens, back to back.
  private var storage: [UInt8] = []
  /// Where token `k` starts in `storage`; one more entry marks the end of the last.
  private var offsets: [Int] = [0]
  /// Open addressing: token key + 1, or 0 for an empty slot.
  private var slots: [Int32]
  private var mask: Int

  public init() {
    slots = [Int32](repeating: 0, count: 1024)
    mask = 1023
  }

  /// The number of distinct tokens so far.
  public var count: Int { offsets.count - 1 }

  /// The key of `token`, adding it if it is new.
  public func key(for token: UnsafeRawBufferPointer) -> Int64 {
    let hash = Self.hash(token)
    var slot = hash & mask
    while true {
      let entry = Int(slots[slot])
      if entry == 0 { break }
      if matches(entry - 1, token) { return Int64(entry - 1) }
      slot = (slot + 1) & mask
    }
    let key = count
    storage.append(contentsOf: token)
    offsets.append(storage.count)
    slots[slot] = Int32(key + 1)
    if count * 2 > slots.count { grow() }
    return Int64(key)
  }

  private func matches(_ key: Int, _ token: UnsafeRawBufferPointer) -> Bool {
    let start = offsets[key]
    guard offsets[key + 1] - start == token.count else { return false }
    return storage.withUnsafeBytes { stored in
      token.isEmpty || memcmp(stored.baseAddress! + start, token.baseAddress!, token.count) == 0
    }
  }

  private func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    mask = slots.count - 1
    storage.withUnsafeBytes { stored in
      for key in 0..<count {
        let token = UnsafeRawBufferPointer(rebasing: stored[offsets[key]..<offsets[key + 1]])
        var slot = Self.hash(token) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(key + 1)
      }
    }
  }

  /// FNV-1a, 64 bit: deterministic across runs, unlike `Hasher`.
  private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return Int(truncatingIfNeeded: h ^ (h >> 32))
  }
}
