import RegisterModel
import WelfareUseStage

/// The day of an ISO date written in a test.
func day(_ iso: String) -> Day { Day(iso: iso)! }

func parameters(_ from: String, _ to: String, indicators: [Indicator] = []) -> WelfareUseParameters {
  var parameters = AnalysisParameters(window: Window(from: day(from), to: day(to)), censorDate: day("2023-12-31"))
  parameters.indicators = indicators
  return WelfareUseParameters(parameters)
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
