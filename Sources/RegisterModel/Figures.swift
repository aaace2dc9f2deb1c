/// Aggregate figures the domain stages hand to publish: counts and sums only, unrounded
/// and unsuppressed. Publish adds the `total` rows, shares, means and disclosure control.
/// Per-group arrays are indexed in `UserGroup.allCases` order (short, episodic, long).

/// Sums over one group's typology persons (SPEC 9, table `typology`).
public struct GroupTotals: Hashable, Sendable, Codable {
  public var persons = 0
  /// Σ S
  public var stays = 0
  /// Σ E
  public var episodes = 0
  /// Σ D
  public var nights = 0

  public init(persons: Int = 0, stays: Int = 0, episodes: Int = 0, nights: Int = 0) {
    self.persons = persons
    self.stays = stays
    self.episodes = episodes
    self.nights = nights
  }
}

public struct TypologyFigures: Hashable, Sendable, Codable {
  public var groups: [GroupTotals]
  /// k-means fell back to rules because a rules group was empty (SPEC 6).
  public var fellBackToRules: Bool

  public init(groups: [GroupTotals], fellBackToRules: Bool) {
    self.groups = groups
    self.fellBackToRules = fellBackToRules
  }
}

/// Completed (closed) stays by year of end (tables `stay_duration`, `stay_thresholds`).
public struct StayYearFigures: Hashable, Sendable, Codable {
  public var year: Int
  /// Stays per duration band, in band order.
  public var bandCounts: [Int]
  public var completedStays: Int
  /// Completed stays with more than 90 (120) nights.
  public var over90: Int
  public var over120: Int
  /// Completed stays whose exit_reason is one of `planned_exit_codes`.
  public var plannedExits: Int

  public init(year: Int, bandCounts: [Int], completedStays: Int, over90: Int, over120: Int, plannedExits: Int) {
    self.year = year
    self.bandCounts = bandCounts
    self.completedStays = completedStays
    self.over90 = over90
    self.over120 = over120
    self.plannedExits = plannedExits
  }
}

/// Completed stays by quarter of check-out (table `stay_thresholds_quarterly`).
public struct StayQuarterFigures: Hashable, Sendable, Codable {
  public var year: Int
  /// 1–4.
  public var quarter: Int
  public var completedStays: Int
  public var over90: Int
  public var over120: Int
  public var plannedExits: Int

  public init(year: Int, quarter: Int, completedStays: Int, over90: Int, over120: Int, plannedExits: Int) {
    self.year = year
    self.quarter = quarter
    self.completedStays = completedStays
    self.over90 = over90
    self.over120 = over120
    self.plannedExits = plannedExits
  }
}

public struct StayFigures: Hashable, Sendable, Codable {
  public var bandLabels: [String]
  /// One per window year, ascending.
  public var years: [StayYearFigures]
  /// The four quarters of every window year, ascending.
  public var quarters: [StayQuarterFigures]

  public init(bandLabels: [String], years: [StayYearFigures], quarters: [StayQuarterFigures] = []) {
    self.bandLabels = bandLabels
    self.years = years
    self.quarters = quarters
  }
}

/// One calendar year of shelter use (tables `yearly_users`, `repeat_use`).
public struct UseYearFigures: Hashable, Sendable, Codable {
  public var year: Int
  public var users: Int
  /// Σ of users' stays in the year.
  public var stays: Int
  /// Users' nights in the year.
  public var nights: Int
  /// Users per stays-per-user bin, in bin order.
  public var binCounts: [Int]
  /// nil where SPEC 7 does not report it (year − lookback_years < year(window.from)).
  public var returningUsers: Int?

  public init(year: Int, users: Int, stays: Int, nights: Int, binCounts: [Int], returningUsers: Int?) {
    self.year = year
    self.users = users
    self.stays = stays
    self.nights = nights
    self.binCounts = binCounts
    self.returningUsers = returningUsers
  }
}

/// Returns after exit for exits ending in one year (table `returns`).
public struct ReturnYearFigures: Hashable, Sendable, Codable {
  public var year: Int
  public var exits: Int
  /// Returns per horizon bucket, in horizon order.
  public var returns: [Int]
  public var followUpComplete: Bool

  public init(year: Int, exits: Int, returns: [Int], followUpComplete: Bool) {
    self.year = year
    self.exits = exits
    self.returns = returns
    self.followUpComplete = followUpComplete
  }
}

/// A year's users of one sex and age band (table `yearly_users_by_sex_age`).
public struct UserSexAgeCounts: Hashable, Sendable, Codable {
  public var year: Int
  /// Nil: unknown.
  public var sex: Sex?
  /// Age in whole years on 31 December of the year.
  public var ageBand: AgeBand
  public var users: Int

  public init(year: Int, sex: Sex?, ageBand: AgeBand, users: Int) {
    self.year = year
    self.sex = sex
    self.ageBand = ageBand
    self.users = users
  }
}

public struct RepeatUseFigures: Hashable, Sendable, Codable {
  public var binLabels: [String]
  public var horizonLabels: [String]
  /// One per window year, ascending.
  public var years: [UseYearFigures]
  public var returns: [ReturnYearFigures]
  /// Every window year × sex (M, F, unknown) × age band (ascending, then unknown).
  public var usersBySexAge: [UserSexAgeCounts]

  public init(
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
public struct GroupCounts: Hashable, Sendable, Codable {
  public var label: String
  public var perGroup: PerGroup<Int>

  public init(label: String, perGroup: PerGroup<Int>) {
    self.label = label
    self.perGroup = perGroup
  }
}

public struct SexAgeCounts: Hashable, Sendable, Codable {
  /// Nil: unknown.
  public var sex: Sex?
  public var ageBand: AgeBand
  public var perGroup: PerGroup<Int>

  public init(sex: Sex?, ageBand: AgeBand, perGroup: PerGroup<Int>) {
    self.sex = sex
    self.ageBand = ageBand
    self.perGroup = perGroup
  }
}

/// Typology persons per group of one municipality (table `typology_by_municipality`).
public struct MunicipalityCounts: Hashable, Sendable, Codable {
  /// The 3-digit code, or `unknown`.
  public var code: String
  /// As in `data/municipalities.csv`; empty for `unknown`.
  public var name: String
  public var perGroup: PerGroup<Int>

  public init(code: String, name: String, perGroup: PerGroup<Int>) {
    self.code = code
    self.name = name
    self.perGroup = perGroup
  }
}

public struct WelfareFigures: Hashable, Sendable, Codable {
  /// Persons using each service (source order), then meeting each indicator (file order).
  public var use: [GroupCounts]
  /// Typology persons per region, by region code, then `unknown`; label = region name.
  public var regions: [GroupCounts]
  /// Typology persons per sex (M, F, unknown) × age band (ascending, then unknown).
  public var sexAge: [SexAgeCounts]
  /// Typology persons per municipality, every one in code order, then `unknown`.
  public var municipalities: [MunicipalityCounts]

  public init(
    use: [GroupCounts], regions: [GroupCounts], sexAge: [SexAgeCounts], municipalities: [MunicipalityCounts] = []
  ) {
    self.use = use
    self.regions = regions
    self.sexAge = sexAge
    self.municipalities = municipalities
  }
}

/// Exits of one year followed by each service's events (SPEC 8a, table `transitions`).
public struct TransitionYearFigures: Hashable, Sendable, Codable {
  public var year: Int
  public var exits: Int
  /// Per service (source order), the exits with an event within each horizon.
  public var withinByService: [[Int]]
  /// Per horizon, the exits with an event of at least one service.
  public var withinAny: [Int]
  public var followUpComplete: Bool

  public init(year: Int, exits: Int, withinByService: [[Int]], withinAny: [Int], followUpComplete: Bool) {
    self.year = year
    self.exits = exits
    self.withinByService = withinByService
    self.withinAny = withinAny
    self.followUpComplete = followUpComplete
  }
}

public struct TransitionFigures: Hashable, Sendable, Codable {
  public var serviceNames: [String]
  /// `transition_horizons`, ascending.
  public var horizons: [Int]
  /// One per window year, ascending.
  public var years: [TransitionYearFigures]

  public init(serviceNames: [String], horizons: [Int], years: [TransitionYearFigures]) {
    self.serviceNames = serviceNames
    self.horizons = horizons
    self.years = years
  }
}

extension UserSexAgeCounts {
  private enum CodingKeys: String, CodingKey { case year, sex, ageBand, users }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    year = try container.decode(Int.self, forKey: .year)
    sex = try Sex.decodeLabel(from: container, forKey: .sex)
    ageBand = try AgeBand.decodeLabel(from: container, forKey: .ageBand)
    users = try container.decode(Int.self, forKey: .users)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(year, forKey: .year)
    try container.encode(Sex.label(sex), forKey: .sex)
    try container.encode(ageBand.label, forKey: .ageBand)
    try container.encode(users, forKey: .users)
  }
}

extension SexAgeCounts {
  private enum CodingKeys: String, CodingKey { case sex, ageBand, perGroup }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    sex = try Sex.decodeLabel(from: container, forKey: .sex)
    ageBand = try AgeBand.decodeLabel(from: container, forKey: .ageBand)
    perGroup = try container.decode(PerGroup<Int>.self, forKey: .perGroup)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Sex.label(sex), forKey: .sex)
    try container.encode(ageBand.label, forKey: .ageBand)
    try container.encode(perGroup, forKey: .perGroup)
  }
}

extension Sex {
  /// `M`, `F`, or `unknown` for nil: as tables and figures write a sex.
  public static func label(_ sex: Sex?) -> String { sex?.rawValue ?? "unknown" }

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
