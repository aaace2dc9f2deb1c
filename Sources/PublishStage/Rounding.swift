/// Rounding half away from zero on the exact rational (SPEC 9). Formatting a Double
/// with `%.4f` would round the binary approximation (0.12345 is stored as
/// 0.123449999…) and so publish 0.1234 where the SPEC asks for 0.1235.

/// `numerator ÷ denominator` rounded half away from zero to `places` decimals, as
/// decimal text with exactly `places` digits after the point (`9 ÷ 4`, 1 → `2.3`).
/// The denominator must not be 0; `numerator × 10^places` must fit in an Int (shares
/// and means of register counts are far from that).
package func roundedDecimal(_ numerator: Int, _ denominator: Int, places: Int) -> String {
  precondition(denominator != 0 && places >= 0)
  let negative = (numerator < 0) != (denominator < 0) && numerator != 0
  let scale = (0..<places).reduce(1) { value, _ in value * 10 }
  let scaled = numerator.magnitude * UInt(scale)
  let divisor = denominator.magnitude
  var quotient = scaled / divisor
  // Half away from zero: a remainder of at least half the divisor rounds up in magnitude.
  if (scaled % divisor) * 2 >= divisor { quotient += 1 }
  let digits = String(quotient)
  let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
  let whole = padded.dropLast(places)
  let fraction = padded.suffix(places)
  let sign = negative && quotient != 0 ? "-" : ""
  return places == 0 ? sign + whole : sign + whole + "." + fraction
}
