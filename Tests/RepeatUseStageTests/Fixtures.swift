import RegisterModel
import RepeatUseStage

/// The day of an ISO date written in a test.
func day(_ iso: String) -> Day { Day(iso: iso)! }

/// A closed stay (or an open one when `end` is nil, ending on 2023-12-31).
func stay(_ person: PersonKey, _ start: String, _ end: String?, at institution: String = "A") -> Stay {
  Stay(
    person: person, institution: institution, start: day(start), end: end.map(day),
    extractDate: day("2023-12-31"), order: 0)
}

/// Parameters with the SPEC's defaults (repeat bins 1, 2-4, 5+; lookback 2; horizons
/// 180, 365, 730) for a window and censor date.
func parameters(_ from: String, _ to: String, censor: String = "2023-12-31") -> RepeatUseParameters {
  RepeatUseParameters(AnalysisParameters(window: Window(from: day(from), to: day(to)), censorDate: day(censor)))
}
