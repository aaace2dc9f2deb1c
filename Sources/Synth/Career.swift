#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

import RegisterModel

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
  /// placed so that the career lies in `period`; a stay running past its end is open.
  static func stays(
    _ type: UserType, shelters: [Int], period: ClosedRange<Day>, _ random: inout SynthRandom
  ) -> [SynthStay] {
    let legs = self.legs(type, &random)
    let last = legs[legs.count - 1]
    let span = last.offset + last.nights
    // The last stay may run past the extract date (an open stay), but a long user keeps
    // enough nights to stay long.
    let total = legs.reduce(0) { $0 + $1.nights }
    var overhang = last.nights - 1
    if type == .long { overhang = max(0, min(overhang, total - Calibration.longMinNights)) }
    let first = Int(period.lowerBound.rawValue)
    let latest = max(first, Int(period.upperBound.rawValue) - span + overhang)
    let origin = Day(rawValue: Int32(random.int(first...latest)))

    var stays: [SynthStay] = []
    var institution = shelters[random.int(0...(shelters.count - 1))]
    for leg in legs {
      if leg.transfer {
        institution = other(than: institution, in: shelters, &random)
      } else if !stays.isEmpty, random.chance(0.3) {
        institution = shelters[random.int(0...(shelters.count - 1))]
      }
      let start = origin + leg.offset
      guard start <= period.upperBound else { break }
      let end = leg.sameDay ? start : start + leg.nights
      let open = end > period.upperBound
      stays.append(
        SynthStay(
          institution: institution, start: start, end: open ? nil : end,
          exitCode: open ? "" : Calibration.exitCodes[random.pick(cumulative: exitWeights)]))
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
      legs.append(Leg(offset: offset, nights: n, sameDay: n == 1 && random.chance(Calibration.sameDayChance), transfer: transfer))
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
