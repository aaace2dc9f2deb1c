/// Aggregate figures the domain stages hand to publish: counts and sums only, unrounded
/// and unsuppressed. Publish adds the `total` rows, shares, means and disclosure control.
/// Per-group arrays are indexed in `UserGroup.allCases` order (short, episodic, long).

/// Sums over one group's typology persons (SPEC 9, table `typology`).
package struct GroupTotals: Hashable, Sendable, Codable {
  package var persons = 0
  /// Σ S
  package var stays = 0
  /// Σ E
  package var episodes = 0
  /// Σ D
  package var nights = 0

  package init(persons: Int = 0, stays: Int = 0, episodes: Int = 0, nights: Int = 0) {
    self.persons = persons
    self.stays = stays
    self.episodes = episodes
    self.nights = nights
  }
}

package struct TypologyFigures: Hashable, Sendable, Codable {
  package var groups: [GroupTotals]
  /// k-means fell back to rules because a rules group was empty (SPEC 6).
  package var fellBackToRules: Bool

  package init(groups: [GroupTotals], fellBackToRules: Bool) {
    self.groups = groups
    self.fellBackToRules = fellBackToRules
  }
}

/// Completed (closed) stays by year of end (tables `stay_duration`, `stay_thresholds`).
package struct StayYearFigures: Hashable, Sendable, Codable {
  package var year: Int
  /// Stays per duration band, in band order.
  package var bandCounts: [Int]
  package var completedStays: Int
  /// Completed stays with more than 90 (120) nights.
  package var over90: Int
  package var over120: Int
  /// Completed stays whose exit_reason is one of `planned_exit_codes`.
  package var plannedExits: Int

  package init(year: Int, bandCounts: [Int], completedStays: Int, over90: Int, over120: Int, plannedExits: Int) {
    self.year = year
    self.bandCounts = bandCounts
    self.completedStays = completedStays
    self.over90 = over90
    self.over120 = over120
    self.plannedExits = plannedExits
  }
}

/// Completed stays by quarter of check-out (table `stay_thresholds_quarterly`).
package struct StayQuarterFigures: Hashable, Sendable, Codable {
  package var year: Int
  /// 1–4.
  package var quarter: Int
  package var completedStays: Int
  package var over90: Int
  package var over120: Int
  package var plannedExits: Int

  package init(year: Int, quarter: Int, completedStays: Int, over90: Int, over120: Int, plannedExits: Int) {
    self.year = year
    self.quarter = quarter
    self.completedStays = completedStays
    self.over90 = over90
    self.over120 = over120
    self.plannedExits = plannedExits
  }
}

package struct StayFigures: Hashable, Sendable, Codable {
  package var bandLabels: [String]
  /// One per window year, ascending.
  package var years: [StayYearFigures]
  /// The four quarters of every window year, ascending.
  package var quarters: [StayQuarterFigures]

  package init(bandLabels: [String], years: [StayYearFigures], quarters: [StayQuarterFigures] = []) {
    self.bandLabels = bandLabels
    self.years = years
    self.quarters = quarters
  }
}

/// One calendar year of shelter use (tables `yearly_users`, `repeat_use`).
package struct UseYearFigures: Hashable, Sendable, Codable {
  package var year: Int
  package var users: Int
  /// Σ of users' stays in the year.
  package var stays: Int
  /// Users' nights in the year.
  package var nights: Int
  /// Users per stays-per-user bin, in bin order.
  package var binCounts: [Int]
  /// nil where SPEC 7 does not report it (year − lookback_years < year(window.from)).
  package var returningUsers: Int?

  package init(year: Int, users: Int, stays: Int, nights: Int, binCounts: [Int], returningUsers: Int?) {
    self.year = year
    self.users = users
    self.stays = stays
    self.nights = nights
    self.binCounts = binCounts
    self.returningUsers = returningUsers
  }
}

/// Returns after exit for exits ending in one year (table `returns`).
package struct ReturnYearFigures: Hashable, Sendable, Codable {
  package var year: Int
  package var exits: Int
  /// Returns per horizon bucket, in horizon order.
  package var returns: [Int]
  package var followUpComplete: Bool

  package init(year: Int, exits: Int, returns: [Int], followUpComplete: Bool) {
    self.year = year
    self.exits = exits
    self.returns = returns
    self.followUpComplete = followUpComplete
  }
}

/// A year's users of one sex and age band (table `yearly_users_by_sex_age`).
package struct UserSexAgeCounts: Hashable, Sendable, Codable {
  package var year: Int
  /// Nil: unknown.
  package var sex: Sex?
  /// Age in whole years on 31 December of the year.
  package var ageBand: AgeBand
  package var users: Int

  package init(year: Int, sex: Sex?, ageBand: AgeBand, users: Int) {
    self.year = year
    self.sex = sex
    self.ageBand = ageBand
    self.users = users
  }
}

package struct RepeatUseFigures: Hashable, Sendable, Codable {
  package var binLabels: [String]
  package var horizonLabels: [String]
  /// One per window year, ascending.
  package var years: [UseYearFigures]
  package var returns: [ReturnYearFigures]
  /// Every window year × sex (M, F, unknown) × age band (ascending, then unknown).
  package var usersBySexAge: [UserSexAgeCounts]

  package init(
    binLabels: [String], horizonLabels: [String], years: [UseYearFigures], returns: [ReturnYearFigures],
    usersBySexAge: [UserSexAgeCounts] = []
  ) {
    self.binLabels = binLabels
    self.horizonLabels = horizonLabels
    self.years = years
    self.returns = returns
    self.usersBySexAge = usersBySexAge
  }
}

/// Typology persons counted per group for one row of a cross-tab.
package struct GroupCounts: Hashable, Sendable, Codable {
  package var label: String
  package var perGroup: PerGroup<Int>

  package init(label: String, perGroup: PerGroup<Int>) {
    self.label = label
    self.perGroup = perGroup
  }
}

package struct SexAgeCounts: Hashable, Sendable, Codable {
  /// Nil: unknown.
  package var sex: Sex?
  package var ageBand: AgeBand
  package var perGroup: PerGroup<Int>

  package init(sex: Sex?, ageBand: AgeBand, perGroup: PerGroup<Int>) {
    self.sex = sex
    self.ageBand = ageBand
    self.perGroup = perGroup
  }
}

/// Typology persons per group of one municipality (table `typology_by_municipality`).
package struct MunicipalityCounts: Hashable, Sendable, Codable {
  /// The 3-digit code, or `unknown`.
  package var code: String
  /// As in `data/municipalities.csv`; empty for `unknown`.
  package var name: String
  package var perGroup: PerGroup<Int>

  package init(code: String, name: String, perGroup: PerGroup<Int>) {
    self.code = code
    self.name = name
    self.perGroup = perGroup
  }
}

package struct WelfareFigures: Hashable, Sendable, Codable {
  /// Persons using each service (source order), then meeting each indicator (file order).
  package var use: [GroupCounts]
  /// Typology persons per region, by region code, then `unknown`; label = region name.
  package var regions: [GroupCounts]
  /// Typology persons per sex (M, F, unknown) × age band (ascending, then unknown).
  package var sexAge: [SexAgeCounts]
  /// Typology persons per municipality, every one in code order, then `unknown`.
  package var municipalities: [MunicipalityCounts]

  package init(
    use: [GroupCounts], regions: [GroupCounts], sexAge: [SexAgeCounts], municipalities: [MunicipalityCounts] = []
  ) {
    self.use = use
    self.regions = regions
    self.sexAge = sexAge
    self.municipalities = municipalities
  }
}

/// Exits of one year followed by each service's events (SPEC 8a, table `transitions`).
package struct TransitionYearFigures: Hashable, Sendable, Codable {
  package var year: Int
  package var exits: Int
  /// Per service (source order), the exits with an event within each horizon.
  package var withinByService: [[Int]]
  /// Per horizon, the exits with an event of at least one service.
  package var withinAny: [Int]
  package var followUpComplete: Bool

  package init(year: Int, exits: Int, withinByService: [[Int]], withinAny: [Int], followUpComplete: Bool) {
    self.year = year
    self.exits = exits
    self.withinByService = withinByService
    self.withinAny = withinAny
    self.followUpComplete = followUpComplete
  }
}

package struct TransitionFigures: Hashable, Sendable, Codable {
  package var serviceNames: [String]
  /// `transition_horizons`, ascending.
  package var horizons: [Int]
  /// One per window year, ascending.
  package var years: [TransitionYearFigures]

  package init(serviceNames: [String], horizons: [Int], years: [TransitionYearFigures]) {
    self.serviceNames = serviceNames
    self.horizons = horizons
    self.years = years
  }
}

extension UserSexAgeCounts {
  private enum CodingKeys: String, CodingKey { case year, sex, ageBand, users }

  package init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    year = try container.decode(Int.self, forKey: .year)
    sex = try Sex.decodeLabel(from: container, forKey: .sex)
    ageBand = try AgeBand.decodeLabel(from: container, forKey: .ageBand)
    users = try container.decode(Int.self, forKey: .users)
  }

  package func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(year, forKey: .year)
    try container.encode(Sex.label(sex), forKey: .sex)
    try container.encode(ageBand.label, forKey: .ageBand)
    try container.encode(users, forKey: .users)
  }
}

extension SexAgeCounts {
  private enum CodingKeys: String, CodingKey { case sex, ageBand, perGroup }

  package init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    sex = try Sex.decodeLabel(from: container, forKey: .sex)
    ageBand = try AgeBand.decodeLabel(from: container, forKey: .ageBand)
    perGroup = try container.decode(PerGroup<Int>.self, forKey: .perGroup)
  }

  package func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Sex.label(sex), forKey: .sex)
    try container.encode(ageBand.label, forKey: .ageBand)
    try container.encode(perGroup, forKey: .perGroup)
  }
}

extension Sex {
  /// `M`, `F`, or `unknown` for nil: as tables and figures write a sex.
  package static func label(_ sex: Sex?) -> String { sex?.rawValue ?? "unknown" }

  static func decodeLabel<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> Sex? {
    let label = try container.decode(String.self, forKey: key)
    if label == "unknown" { return nil }
    guard let sex = Sex(rawValue: label) else {
      throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "no sex \(label)")
    }
    return sex
  }
}

extension AgeBand {
  static func decodeLabel<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws
    -> AgeBand
  {
    let label = try container.decode(String.self, forKey: key)
    guard let band = AgeBand.allCases.first(where: { $0.label == label }) else {
      throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "no age band \(label)")
    }
    return band
  }
}
