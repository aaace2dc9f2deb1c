import RegisterModel

/// The day of an ISO date written in a test.
func day(_ iso: String) -> Day { Day(iso: iso)! }

func parameters(_ from: String, _ to: String, indicators: [Indicator] = []) -> AnalysisParameters {
  var parameters = AnalysisParameters(window: Window(from: day(from), to: day(to)), censorDate: day("2023-12-31"))
  parameters.indicators = indicators
  return parameters
}

func typologyPerson(_ person: PersonKey, _ group: UserGroup) -> PersonTypology {
  PersonTypology(person: person, group: group, episodes: 1, nights: 1, stays: 1)
}

func event(_ person: PersonKey, _ service: Int, _ start: String, _ end: String) -> ServiceEvent {
  ServiceEvent(person: person, service: service, start: day(start), end: day(end))
}

/// Region rows in table order: by region code 1081–1085, then `unknown`.
let regionNames = [
  "Region Nordjylland", "Region Midtjylland", "Region Syddanmark", "Region Hovedstaden", "Region Sjælland",
  "unknown",
]

/// A tiny seeded generator (SplitMix64), so property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
