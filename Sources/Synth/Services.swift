/// The service registers, each with its event lengths and how many events a person
/// who uses it has.
enum Service: Int, CaseIterable, Sendable {
  case psychiatric, substance, support85, residential, prison

  /// Days from start to end of an event (0: a one-day contact).
  func duration(_ random: inout SynthRandom) -> Int {
    switch self {
    case .psychiatric: random.chance(0.7) ? 0 : 1 + Int(random.exponential(mean: 20))
    case .substance: 14 + Int(random.exponential(mean: 120))
    case .support85: 60 + Int(random.exponential(mean: 400))
    case .residential: 14 + Int(random.exponential(mean: 120))
    case .prison: 7 + Int(random.exponential(mean: 150))
    }
  }

  /// Events of a shelter user who uses the service.
  func userEventCount(_ random: inout SynthRandom) -> Int {
    switch self {
    case .psychiatric: 1 + random.geometric(mean: 5)
    case .substance: 1 + random.geometric(mean: 1)
    case .support85: 1 + random.geometric(mean: 0.5)
    case .residential: 1 + random.geometric(mean: 0.3)
    case .prison: 1 + random.geometric(mean: 0.5)
    }
  }

  /// Chance that a person outside the shelter population uses the service, and the
  /// mean number of events beyond the first then (about 4 events per person in all).
  var populationChance: Double {
    switch self {
    case .psychiatric: 0.15
    case .substance: 0.02
    case .support85: 0.04
    case .residential: 0.005
    case .prison: 0.01
    }
  }

  /// With `evenServices`: every register's chance and extra events, one event per person
  /// and register on average.
  static let evenChance = 0.25
  static let evenExtraEvents = 3.0

  var populationExtraEvents: Double {
    switch self {
    case .psychiatric: 19
    case .substance: 2
    case .support85: 1
    case .residential: 0.2
    case .prison: 0.5
    }
  }
}

/// ICD-10 codes as DST writes them (`DF200`, `DF20.0`, `DF32`): codes in DF2–DF9 pass
/// the pipeline's psychiatric filter, the others (alcohol DF10, organic DF0, Z codes)
/// are filtered out.
enum Diagnosis {
  static func psychiatric(_ random: inout SynthRandom) -> String {
    format(prefix: "DF\(random.int(2...9))\(random.int(0...9))", &random)
  }

  static func filtered(_ random: inout SynthRandom) -> String {
    switch random.int(0...2) {
    case 0: format(prefix: "DF10", &random)
    case 1: format(prefix: "DF0\(random.int(0...9))", &random)
    default: format(prefix: "DZ\(random.int(0...9))\(random.int(0...9))", &random)
    }
  }

  private static func format(prefix: String, _ random: inout SynthRandom) -> String {
    let u = random.unit()
    let sub = random.int(0...9)
    if u < 0.6 { return "\(prefix)\(sub)" }
    if u < 0.85 { return "\(prefix).\(sub)" }
    return prefix
  }
}
