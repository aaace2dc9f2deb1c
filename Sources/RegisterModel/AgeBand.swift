/// Age bands of tables `typology_by_sex_age` and `yearly_users_by_sex_age` (SPEC 9), in
/// table order.
package enum AgeBand: Int, Sendable, CaseIterable {
  case under18, from18To29, thirties, forties, fifties, over60, unknown

  package var label: String {
    switch self {
    case .under18: "<18"
    case .from18To29: "18-29"
    case .thirties: "30-39"
    case .forties: "40-49"
    case .fifties: "50-59"
    case .over60: "60+"
    case .unknown: "unknown"
    }
  }

  /// The band of a person born on `birthDate`, aged on `day`: unknown without a birth date
  /// or when born after `day`.
  package init(birthDate: Day?, on day: Day) {
    guard let birthDate, let age = wholeYears(from: birthDate, to: day) else {
      self = .unknown
      return
    }
    switch age {
    case ..<18: self = .under18
    case 18...29: self = .from18To29
    case 30...39: self = .thirties
    case 40...49: self = .forties
    case 50...59: self = .fifties
    default: self = .over60
    }
  }
}

/// Age in whole years on `day` of a person born on `birth`, or nil when born after `day`.
/// Someone born on 29 February has their birthday on 1 March in years without one.
package func wholeYears(from birth: Day, to day: Day) -> Int? {
  guard birth <= day else { return nil }
  let b = birth.civil
  let d = day.civil
  let birthday =
    b.month == 2 && b.day == 29 && !Day.isLeap(d.year) ? (month: 3, day: 1) : (month: b.month, day: b.day)
  let hadBirthday = (d.month, d.day) >= (birthday.month, birthday.day)
  return d.year - b.year - (hadBirthday ? 0 : 1)
}
