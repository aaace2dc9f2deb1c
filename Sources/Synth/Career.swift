import RegisterModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A user's shelter career: stays drawn for the latent type, then placed in time.
enum Career {
  /// One stay relative to the career's start: days from the start, nights, and
  /// whether it is a move to another shelter (which must change institution).
  private struct Leg {
    var offset: Int
    var nights: Int
    var sameDay: Bool
    var transfer: Bool
  }

  /// The stays of a user of `type` at `shelters` (indexes into `Institutions.all`),
  /// as the yearly files of `period` show them: the career may have begun before the
  /// period and may still be running after it. Its first day is drawn among the days
  /// that give it at least one night in `period`, uniformly but for the type's calendar
  /// trend, so no year is thin for being the period's first or last. Stays with no
  /// night in `period` are not written; a stay that began before it keeps its true
  /// check-in; a stay running past the period's last day is open.
  static func stays(
    _ type: UserType, shelters: [Int], period: ClosedRange<Day>, _ random: inout SynthRandom
  ) -> [SynthStay] {
    let legs = self.legs(type, &random)
    let first = Int(period.lowerBound.rawValue)
    let last = Int(period.upperBound.rawValue)
    // A leg's nights are offset ... offset + nights - 1 (a same-day stay: one night).
    let lastNight = legs.map { $0.offset + $0.nights - 1 }.max()!
    func overlaps(_ origin: Int) -> Bool {
      legs.contains { origin + $0.offset <= last && origin + $0.offset + $0.nights - 1 >= first }
    }
    // Uniform over [first − lastNight, last], redrawn while a gap straddles the period
    // (only possible when the period is shorter than a gap), and thinned by the type's
    // calendar trend (`Calibration.arrivalTrend`).
    var origin = first
    for _ in 0..<256 {
      let draw = random.int((first - lastNight)...last)
      if overlaps(draw), random.unit() < Calibration.arrivalWeight(type, at: Day(rawValue: Int32(draw))) {
        origin = draw
        break
      }
    }

    var stays: [SynthStay] = []
    var institution = shelters[random.int(0...(shelters.count - 1))]
    for (i, leg) in legs.enumerated() {
      if leg.transfer {
        institution = other(than: institution, in: shelters, &random)
      } else if i > 0, random.chance(0.3) {
        institution = shelters[random.int(0...(shelters.count - 1))]
      }
      let start = Day(rawValue: Int32(origin + leg.offset))
      guard start <= period.upperBound else { break }
      let end = leg.sameDay ? start : start + leg.nights
      let exitCode = Calibration.exitCodes[random.pick(cumulative: exitWeights)]
      // Before the period: not in its files.
      guard Int(start.rawValue) + leg.nights - 1 >= first else { continue }
      let open = end > period.upperBound
      stays.append(
        SynthStay(institution: institution, start: start, end: open ? nil : end, exitCode: open ? "" : exitCode))
    }
    return stays
  }

  private static let exitWeights = SynthPopulation.cumulative(Calibration.exitWeights)
  private static let shortStayWeights = SynthPopulation.cumulative(Calibration.shortStayWeights)
  private static let longStayWeights = SynthPopulation.cumulative(Calibration.longStayWeights)

  private static func other(than institution: Int, in shelters: [Int], _ random: inout SynthRandom) -> Int {
    let choices = shelters.count > 1 ? shelters : Array(Institutions.all.indices)
    var pick = institution
    while pick == institution { pick = choices[random.int(0...(choices.count - 1))] }
    return pick
  }

  private static func legs(_ type: UserType, _ random: inout SynthRandom) -> [Leg] {
    switch type {
    case .short:
      let total = 1 + Int(178 * pow(random.unit(), Calibration.shortNightsExponent))
      let count = min(total, 1 + random.pick(cumulative: shortStayWeights))
      return chain(split(total, into: count, &random), &random) { random in
        (31 + Int(random.exponential(mean: Calibration.shortGapMean)), false)
      }
    case .long:
      let total = min(
        Calibration.longMaxNights,
        Calibration.longMinNights + Int(random.exponential(mean: Calibration.longExtraNightsMean)))
      let count = 1 + random.pick(cumulative: longStayWeights)
      var previousTransfer = false
      return chain(split(total, into: count, &random), &random) { random in
        // No two moves in a row, so a shelter left by a move is never re-entered
        // the day after (which the pipeline would stitch as one stay).
        let transfer = !previousTransfer && random.chance(Calibration.longTransferChance)
        previousTransfer = transfer
        return transfer
          ? (random.int(0...30), true) : (31 + Int(random.exponential(mean: Calibration.longGapMean)), false)
      }
    case .episodic:
      var episodes = Calibration.episodicMinEpisodes
      for _ in 0..<Calibration.episodicExtraTrials where random.chance(Calibration.episodicExtraChance) {
        episodes += 1
      }
      let scales = Calibration.episodicNightsScales
      let mean = Calibration.episodicNightsMean * scales[random.int(0...(scales.count - 1))]
      let nights = (0..<episodes).map { _ in
        min(Calibration.episodicMaxNights, 1 + Int(random.exponential(mean: mean)))
      }
      return chain(nights, &random) { random in
        (31 + Int(random.exponential(mean: Calibration.episodicGapMean)), false)
      }
    }
  }

  /// Lays stays of the given nights end to end with gaps from `gap` (days from one
  /// check-out to the next check-in, and whether that check-in is a move).
  private static func chain(
    _ nights: [Int], _ random: inout SynthRandom, gap: (inout SynthRandom) -> (Int, Bool)
  ) -> [Leg] {
    var legs: [Leg] = []
    var offset = 0
    for (i, n) in nights.enumerated() {
      var transfer = false
      if i > 0 {
        let (days, move) = gap(&random)
        offset += days
        transfer = move
      }
      legs.append(
        Leg(offset: offset, nights: n, sameDay: n == 1 && random.chance(Calibration.sameDayChance), transfer: transfer))
      offset += n
    }
    return legs
  }

  /// `total` nights in `parts` stays of at least one night each.
  private static func split(_ total: Int, into parts: Int, _ random: inout SynthRandom) -> [Int] {
    guard parts > 1 else { return [total] }
    var cuts: [Int] = []
    while cuts.count < parts - 1 {
      let cut = random.int(1...(total - 1))
      if !cuts.contains(cut) { cuts.append(cut) }
    }
    cuts.sort()
    var previous = 0
    var result: [Int] = []
    for cut in cuts + [total] {
      result.append(cut - previous)
      previous = cut
    }
    return result
  }
}
