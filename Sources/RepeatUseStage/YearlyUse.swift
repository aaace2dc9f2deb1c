import RegisterModel

/// Users, stays, nights, stays-per-user bins and returning users per calendar year of
/// the window (SPEC 7, tables `yearly_users` and `repeat_use`).
///
/// A calendar year counts whole, also where the window covers only part of it. A user's
/// nights are the union of their stays' nights, so overlapping stays at two
/// institutions count each night once; a stay over New Year counts in both years.
/// Users are also counted by sex and age band on 31 December of the year, from their
/// persons record (none: `unknown`). `stays` must be in (person, start) order.
func yearlyUse(_ stays: [Stay], persons: [PersonKey: PersonRecord], parameters: RepeatUseParameters)
  -> (years: [UseYearFigures], bySexAge: [UserSexAgeCounts])
{
  let window = parameters.window
  let lookback = max(0, parameters.lookbackYears)
  // Grid index `lookback` is the window's first year; the years before are for lookback.
  let grid = YearGrid(years: (window.from.year - lookback)...window.to.year)
  let bins = Bins(lowerBounds: parameters.repeatBins)
  var figures = window.years.map { year in
    UseYearFigures(
      year: year, users: 0, stays: 0, nights: 0,
      binCounts: Array(repeating: 0, count: bins.lowerBounds.count),
      returningUsers: year - lookback >= window.from.year ? 0 : nil)
  }
  var bySexAge = SexAgeGrid(years: window.years)
  // One person's nights and stays per grid year, reused for every person.
  var nights = [Int](repeating: 0, count: grid.count)
  var stayCounts = [Int](repeating: 0, count: grid.count)

  stays.forEachPersonRun(\.person) { run in
    for i in nights.indices {
      nights[i] = 0
      stayCounts[i] = 0
    }
    // The union of the run's nights as disjoint ranges, merged in start order.
    var merged: Range<Day>?
    for stay in run {
      let range = stay.nights
      grid.forEachYear(of: range) { i, _ in stayCounts[i] += 1 }
      if let current = merged, range.lowerBound <= current.upperBound {
        merged = current.lowerBound..<max(current.upperBound, range.upperBound)
      } else {
        if let current = merged { grid.forEachYear(of: current) { nights[$0] += $1 } }
        merged = range
      }
    }
    if let current = merged { grid.forEachYear(of: current) { nights[$0] += $1 } }

    let record = persons[run.first!.person]
    for k in figures.indices {
      let i = lookback + k
      guard nights[i] > 0 else { continue }
      bySexAge.add(year: figures[k].year, record)
      figures[k].users += 1
      figures[k].stays += stayCounts[i]
      figures[k].nights += nights[i]
      if let bin = bins.index(of: stayCounts[i]) { figures[k].binCounts[bin] += 1 }
      if figures[k].returningUsers != nil, nights[(i - lookback)..<i].contains(where: { $0 > 0 }) {
        figures[k].returningUsers! += 1
      }
    }
  }
  return (figures, bySexAge.counts)
}

/// Users per window year × sex (M, F, unknown) × age band on 31 December.
struct SexAgeGrid {
  private static let sexes: [Sex?] = [.male, .female, nil]
  private let years: ClosedRange<Int>
  private var users: [Int]

  init(years: ClosedRange<Int>) {
    self.years = years
    users = Array(repeating: 0, count: years.count * Self.sexes.count * AgeBand.allCases.count)
  }

  mutating func add(year: Int, _ record: PersonRecord?) {
    let sex = Self.sexes.firstIndex(of: record?.sex)!
    let band = AgeBand(birthDate: record?.birthDate, on: Day.lastOfYear(year))
    users[((year - years.lowerBound) * Self.sexes.count + sex) * AgeBand.allCases.count + band.rawValue] += 1
  }

  /// Year-major, then sex, then age band.
  var counts: [UserSexAgeCounts] {
    var counts: [UserSexAgeCounts] = []
    var i = 0
    for year in years {
      for sex in Self.sexes {
        for band in AgeBand.allCases {
          counts.append(
            UserSexAgeCounts(year: year, sex: sex, ageBand: band, users: users[i]))
          i += 1
        }
      }
    }
    return counts
  }
}
