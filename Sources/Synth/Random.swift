#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// xoshiro256** seeded through SplitMix64: a fixed, documented generator, so the same
/// seed gives the same data on every platform and Swift version (the standard
/// library's generators make no such promise).
struct SynthRandom: RandomNumberGenerator {
  private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

  /// A generator for one stream: the run's seed and a stream number (a person's index
  /// and a purpose), so every person's data is independent of generation order.
  init(seed: UInt64, stream: UInt64) {
    var mix = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15)
    s0 = SynthRandom.splitMix(&mix)
    s1 = SynthRandom.splitMix(&mix)
    s2 = SynthRandom.splitMix(&mix)
    s3 = SynthRandom.splitMix(&mix)
  }

  static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// Uniform in [0, 1) with 53 bits.
  mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// Uniform in `range` (by scaling `unit()`, so the mapping is fixed here).
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(unit() * Double(range.count))
  }

  mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// Exponential with the given mean.
  mutating func exponential(mean: Double) -> Double {
    -mean * log1p(-unit())
  }

  /// 0, 1, 2, … with P(k) ∝ (1 − p)^k p, mean (1 − p) / p.
  mutating func geometric(mean: Double) -> Int {
    guard mean > 0 else { return 0 }
    return Int(exponential(mean: 1 / log1p(1 / mean)))
  }

  /// An index drawn with probability proportional to `weights` (cumulative, ascending).
  mutating func pick(cumulative weights: [Double]) -> Int {
    let target = unit() * weights[weights.count - 1]
    var low = 0
    var high = weights.count - 1
    while low < high {
      let mid = (low + high) / 2
      if weights[mid] > target { high = mid } else { low = mid + 1 }
    }
    return low
  }
}
