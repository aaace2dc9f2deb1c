/// Fixed-point text for doubles, rounded half away from zero on the number's shortest
/// decimal form (so 0.35, stored as 0.34999…, rounds to 0.4 as a reader expects).
package enum DecimalText {
  /// `value` with exactly `decimals` places and no exponent; nil for NaN and infinities.
  /// A result that rounds to zero is written without a minus sign.
  package static func render(_ value: Double, decimals: Int) -> String? {
    guard value.isFinite else { return nil }
    var (digits, point) = shortestDigits(of: value.magnitude)
    // Keep `point + decimals` digits, rounding on the first dropped one.
    let keep = point + decimals
    if keep < 0 {
      digits = []
    } else if keep < digits.count {
      let roundUp = digits[keep] >= 5
      digits.removeSubrange(keep...)
      if roundUp {
        var i = digits.count - 1
        while i >= 0, digits[i] == 9 {
          digits[i] = 0
          i -= 1
        }
        if i >= 0 {
          digits[i] += 1
        } else {
          digits.insert(1, at: 0)
          point += 1
        }
      }
    }
    // Lay the digits out around the point, padding with zeros on both sides.
    let integerDigits = (0..<max(point, 1)).map { i -> UInt8 in
      let k = i - (max(point, 1) - point)
      return k >= 0 && k < digits.count ? digits[k] : 0
    }
    let fractionDigits = (0..<decimals).map { i -> UInt8 in
      let k = point + i
      return k >= 0 && k < digits.count ? digits[k] : 0
    }
    let isZero = !digits.contains { $0 != 0 }
    let text =
      integerDigits.map(String.init).joined()
      + (decimals > 0 ? "." + fractionDigits.map(String.init).joined() : "")
    return (value < 0 && !isZero ? "-" : "") + text
  }

  /// The digits of Swift's shortest round-tripping form of a non-negative `value`, and
  /// where the decimal point goes: value = 0.d₀d₁d₂… × 10^point.
  static func shortestDigits(of value: Double) -> (digits: [UInt8], point: Int) {
    let text = value.description  // e.g. "12.5", "1e-05", "1.5e+20"
    let parts = text.split(separator: "e")
    let exponent = parts.count == 2 ? Int(parts[1])! : 0
    let mantissa = parts[0]
    let dot = mantissa.firstIndex(of: ".")
    let integerPart = dot.map { mantissa[..<$0] } ?? mantissa
    var digits = mantissa.compactMap { $0.wholeNumberValue.map(UInt8.init) }
    var point = integerPart.count + exponent
    while digits.first == 0, digits.count > 1 {
      digits.removeFirst()
      point -= 1
    }
    return (digits, point)
  }
}
