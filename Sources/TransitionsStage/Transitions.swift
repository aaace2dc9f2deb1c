import RegisterModel

/// Stage 5b — transitions after exit (SPEC 8a): for each window year, the exits ending
/// in it (uncensored episodes) and, per service and horizon `h`, those whose person has
/// an event overlapping `[exit.end, exit.end + h]`; the row `any` counts exits with an
/// event of at least one service in that period.
///
/// - Parameters:
///   - episodes: the persons' episodes (SPEC 1), in any order.
///   - events: service events; `service` indexes `serviceNames`. Read in one pass.
///   - serviceNames: service names in source order.
package func transitions(
  episodes: [Episode], events: [ServiceEvent], serviceNames: [String], parameters: TransitionsParameters
) -> TransitionFigures {
  let years = parameters.window.years
  let horizons = parameters.transitionHorizons
  let exits = ExitIndex(episodes.filter { !$0.censored && years.contains($0.end.year) })
  // delay[exit * services + s]: days from the exit to the first day it overlaps an event of s.
  let services = serviceNames.count
  var delay = [Int32](repeating: .max, count: exits.count * services)
  for event in events {
    precondition(serviceNames.indices.contains(event.service), "service index out of range")
    for e in exits.indices(of: event.person) where event.end >= exits.end[e] {
      let days = Int32(max(event.start, exits.end[e]) - exits.end[e])
      let slot = e * services + event.service
      if days < delay[slot] { delay[slot] = days }
    }
  }

  let lastHorizon = horizons.last ?? 0
  var figures = years.map { year in
    TransitionYearFigures(
      year: year, exits: 0,
      withinByService: Array(repeating: Array(repeating: 0, count: horizons.count), count: services),
      withinAny: Array(repeating: 0, count: horizons.count),
      followUpComplete: Day.lastOfYear(year) + lastHorizon <= parameters.censorDate)
  }
  for e in 0..<exits.count {
    let k = exits.end[e].year - years.lowerBound
    figures[k].exits += 1
    let delays = delay[(e * services)..<((e + 1) * services)]
    for (h, horizon) in horizons.enumerated() {
      for (s, days) in delays.enumerated() where days <= horizon { figures[k].withinByService[s][h] += 1 }
      if let first = delays.min(), first <= horizon { figures[k].withinAny[h] += 1 }
    }
  }
  return TransitionFigures(serviceNames: serviceNames, horizons: horizons, years: figures)
}

/// The exits sorted by person, so a person's exits are found from an event in one lookup.
struct ExitIndex {
  /// Each exit's date, the exits of one person together.
  let end: [Day]
  private let rangeOfPerson: [PersonKey: Range<Int>]

  init(_ exits: [Episode]) {
    let sorted = exits.sorted { ($0.person, $0.end) < ($1.person, $1.end) }
    end = sorted.map(\.end)
    var ranges: [PersonKey: Range<Int>] = [:]
    var start = 0
    for i in sorted.indices where i + 1 == sorted.count || sorted[i + 1].person != sorted[i].person {
      ranges[sorted[i].person] = start..<(i + 1)
      start = i + 1
    }
    rangeOfPerson = ranges
  }

  var count: Int { end.count }

  /// The indices of `person`'s exits (empty when they have none).
  func indices(of person: PersonKey) -> Range<Int> { rangeOfPerson[person] ?? 0..<0 }
}
