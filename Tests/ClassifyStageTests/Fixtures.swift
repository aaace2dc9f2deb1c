import ClassifyStage
import RegisterModel

/// A day from ISO text; tests write dates as the registers do.
func day(_ iso: String) -> Day { Day(iso: iso)! }

/// A stay with test defaults: extract date 2023-12-31, order 0 (classify ignores it).
func stay(
  person: PersonKey = 1, _ institution: String, _ start: String, _ end: String?,
  exit: String? = nil, extract: String = "2023-12-31"
) -> Stay {
  Stay(
    person: person, institution: institution, start: day(start), end: end.map(day),
    extractDate: day(extract), exitReason: exit, order: 0)
}

/// A stay at institution "A".
func stay(
  person: PersonKey = 1, _ start: String, _ end: String?, exit: String? = nil,
  extract: String = "2023-12-31"
) -> Stay {
  stay(person: person, "A", start, end, exit: exit, extract: extract)
}

/// The window 2020–2022, censor date 2023-12-31, default parameters otherwise.
func parameters(method: TypologyMethod = .kmeans, episodicMin: Int = 4, longMin: Int = 180)
  -> ClassifyParameters
{
  var parameters = AnalysisParameters(
    window: Window(from: day("2020-01-01"), to: day("2022-12-31")), censorDate: day("2023-12-31"))
  parameters.typology = TypologyParameters(
    method: method, episodicMinEpisodes: episodicMin, longMinNights: longMin)
  return ClassifyParameters(parameters)
}

/// Stays giving a person E episodes and D nights in the 2020–2022 window: a first stay
/// of D − (E − 1) nights from 2020-01-01, then E − 1 same-day stays 60 days apart.
func stays(person: PersonKey, episodes: Int, nights: Int) -> [Stay] {
  let first = day("2020-01-01")
  var result = [
    Stay(
      person: person, institution: "A", start: first, end: first + (nights - episodes + 1),
      extractDate: day("2023-12-31"), order: 0)
  ]
  for _ in 1..<episodes {
    let start = result.last!.effectiveEnd + 60
    result.append(
      Stay(
        person: person, institution: "A", start: start, end: start, extractDate: day("2023-12-31"), order: 0))
  }
  return result
}
