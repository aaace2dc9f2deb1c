/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator, so property tests,
/// fuzz cases and kill points replay where `SystemRandomNumberGenerator` would not.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  public var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// The generator of case `index` of a run seeded with `seed`.
  public init(seed: UInt64, index: Int) {
    var mixer = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
    state = mixer.next()
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (bound > 0).
  public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A number in [0, 1).
  public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

  public mutating func chance(_ probability: Double) -> Bool { unit() < probability }

  public mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

  public mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
}
