import RegisterModel

/// Generates persons one at a time, each from its own random stream, so a run can
/// stream any number of persons and the result does not depend on order.
struct SynthPopulation: Sendable {
  let seed: UInt64
  let size: Int
  let users: Int
  let serviceScale: Double
  let stayScale: Int
  let evenServices: Bool
  /// The days the data covers, 1 January of the first year to the extract date.
  let period: ClosedRange<Day>
  /// The pipeline's observation window (the last seven years).
  let window: ClosedRange<Day>
  /// Where a user's first event of a service they use lies: the window without the
  /// data's last year, so a window ending a year earlier (2016–2022 in 2015–2023
  /// data) counts the same uses.
  let useWindow: ClosedRange<Day>
  /// Events of a service a user does not use end before this day: in the data's
  /// first year when the window starts later, so no seven-year window counts them.
  let pastEnd: Day
  private let userMunicipalities: [Double]
  private let populationMunicipalities: [Double]
  private let sheltersByRegion: [Int: [Int]]

  init(_ options: SynthOptions) {
    seed = options.seed
    size = options.populationSize
    users = options.persons
    serviceScale = options.serviceScale
    stayScale = options.stayScale
    evenServices = options.evenServices
    period = Day.firstOfYear(options.fromYear)...Day.lastOfYear(options.toYear)
    window = Day.firstOfYear(options.windowYears.lowerBound)...Day.lastOfYear(options.toYear)
    useWindow = window.lowerBound...max(window.lowerBound, min(window.upperBound, Day.lastOfYear(options.toYear - 1)))
    pastEnd = min(window.lowerBound, Day.firstOfYear(options.fromYear + 1))
    userMunicipalities = Self.cumulative(Municipalities.all.map { Double($0.homeless2024) })
    populationMunicipalities = Self.cumulative(Municipalities.all.map(\.population))
    var byRegion: [Int: [Int]] = [:]
    for entry in Municipalities.all where byRegion[entry.region] == nil {
      byRegion[entry.region] = Institutions.inRegion(entry.region)
    }
    sheltersByRegion = byRegion
  }

  private static let typeWeights = cumulative(Calibration.typeShares)
  private static let ageWeights = cumulative(Calibration.userAgeWeights)

  static func cumulative(_ weights: [Double]) -> [Double] {
    var total = 0.0
    return weights.map {
      total += $0
      return total
    }
  }

  /// Users are spread evenly through the register: person `index` is a user when
  /// ⌊(index + 1) · users / size⌋ steps up.
  func isUser(_ index: Int) -> Bool {
    (index + 1) * users / size > index * users / size
  }

  /// A 10-digit pseudo person number (not a real CPR: no date, no check digit) below
  /// 4 · 10^9, so it starts with 0–3 as a CPR number does and a quarter have a leading
  /// zero to lose. An invertible scramble of the index (the multiplier is prime to the
  /// modulus), so numbers are unique.
  func pnr(_ index: Int) -> Int {
    let modulus = 4_000_000_000
    var mix = seed
    let offset = Int(SynthRandom.splitMix(&mix) % UInt64(modulus))
    return (index % modulus * 1_640_531_527 % modulus + offset) % modulus
  }

  func person(_ index: Int) -> SynthPerson {
    var random = SynthRandom(seed: seed, stream: UInt64(index))
    if isUser(index) { return user(index, &random) }
    let municipality = Municipalities.all[random.pick(cumulative: populationMunicipalities)]
    var person = SynthPerson(
      index: index, pnr: pnr(index), type: nil, sex: random.chance(0.5) ? 1 : 2,
      birth: birthDay(age: random.int(0...99), &random), municipality: municipality.code, stays: [],
      events: [])
    let chance = { (service: Service) in evenServices ? Service.evenChance : service.populationChance }
    for service in Service.allCases where random.chance(chance(service)) {
      // Scaled, the mean count (1 + extra) grows by `serviceScale`; at 1 the draws are unchanged.
      let base = evenServices ? Service.evenExtraEvents : service.populationExtraEvents
      let extra = serviceScale == 1 ? base : (1 + base) * serviceScale - 1
      let count = 1 + random.geometric(mean: extra)
      for _ in 0..<count {
        person.events.append(event(service, startIn: period, code: populationCode(service, &random), &random))
      }
    }
    return person
  }

  private func populationCode(_ service: Service, _ random: inout SynthRandom) -> String {
    guard service == .psychiatric else { return "" }
    return random.chance(0.8) ? Diagnosis.psychiatric(&random) : Diagnosis.filtered(&random)
  }

  private func user(_ index: Int, _ random: inout SynthRandom) -> SynthPerson {
    let type = UserType(rawValue: random.pick(cumulative: Self.typeWeights))!
    let municipality = Municipalities.all[random.pick(cumulative: userMunicipalities)]
    let sex = random.chance(Calibration.userMaleShare) ? 1 : 2
    let band = Calibration.userAgeBands[random.pick(cumulative: Self.ageWeights)]
    let birth = birthDay(age: random.int(band), &random)
    let shelters = sheltersByRegion[municipality.region] ?? Array(Institutions.all.indices)
    let stays = Career.stays(type, shelters: shelters, period: period, &random)
    var person = SynthPerson(
      index: index, pnr: pnr(index), type: type, sex: sex, birth: birth,
      municipality: municipality.code, stays: stays, events: [])
    person.events = userEvents(type, stays: stays, &random)
    // Drawn after everything else, so at scale 1 nothing changes and above it only the
    // stays do.
    if stayScale > 1 { person.stays = Self.scaled(stays, by: stayScale, period: period, &random) }
    return person
  }

  /// Benchmark-only (`stayScale`): each stay as `scale` consecutive stays at the same
  /// institution with gaps of 1–3 days. The pieces lie inside the stay's days in the
  /// period (a stay that began before it keeps its true check-in on the first piece);
  /// when those are too few for the gaps, a closed stay is stretched into the free days
  /// after it (keeping a day clear before the next stay, and not past the extract date).
  /// A stay with no room stays whole (rare: a few nights right before a move or the
  /// extract date). Pieces may be same-day stays; their check-ins differ, no piece
  /// ends on 31 December with the next starting on 1 January (that would read as a
  /// New-Year split), and an open stay's last piece stays open.
  static func scaled(
    _ stays: [SynthStay], by scale: Int, period: ClosedRange<Day>, _ random: inout SynthRandom
  ) -> [SynthStay] {
    let reserve = 3 * (scale - 1)  // the most the gaps can take
    var result: [SynthStay] = []
    result.reserveCapacity(stays.count * scale)
    for (i, stay) in stays.enumerated() {
      let low = max(stay.start, period.lowerBound)
      var high = stay.end ?? period.upperBound
      if stay.end != nil, high - low < reserve {
        let limit = min(i + 1 < stays.count ? stays[i + 1].start - 2 : period.upperBound, period.upperBound)
        high = max(high, min(limit, low + reserve))
      }
      let nights = high - low - reserve
      guard nights >= 0 else {
        result.append(stay)
        continue
      }
      var cuts = (1..<scale).map { _ in random.int(0...nights) }
      cuts.sort()
      var start = stay.start
      var end = low
      var previous = 0
      for piece in 0..<scale {
        let last = piece == scale - 1
        if piece > 0 {
          let newYear = end == Day.lastOfYear(end.year)
          start = end + random.int((newYear ? 2 : 1)...3)
        }
        let n = (last ? nights : cuts[piece]) - previous
        previous = last ? nights : cuts[piece]
        // The first piece's nights count from the period's start when the stay began before it.
        end = last ? high : (piece == 0 ? low : start) + n
        let open = last && stay.end == nil
        result.append(
          SynthStay(institution: stay.institution, start: start, end: open ? nil : end, exitCode: stay.exitCode))
      }
    }
    return result
  }

  /// A birth day for someone `age` years old on the last day of the data.
  /// A birth date giving `age` on 31 December of the last year the published age profile
  /// describes (2023), or of the data's last year when that is earlier: data reaching
  /// past 2023 keeps 2023's ages rather than ageing every user.
  private func birthDay(age: Int, _ random: inout SynthRandom) -> Day {
    let anchor = min(period.upperBound, Day.lastOfYear(Calibration.trendYears.upperBound))
    return Day(rawValue: anchor.rawValue - Int32(age * 365 + age / 4 + random.int(0...364)))
  }

  private func userEvents(_ type: UserType, stays: [SynthStay], _ random: inout SynthRandom) -> [SynthEvent] {
    let mix = Calibration.psychSubstance[type]!
    let u = random.unit()
    let usesPsych = u < mix.both + mix.psych
    let usesSubstance = u < mix.both || (u >= mix.both + mix.psych && u < mix.both + mix.psych + mix.substance)
    let uses: [Service: Bool] = [
      .psychiatric: usesPsych, .substance: usesSubstance,
      .support85: random.chance(Calibration.support85[type]!),
      .residential: random.chance(Calibration.residential[type]!),
      .prison: random.chance(Calibration.prison[type]!),
    ]
    var events: [SynthEvent] = []
    for service in Service.allCases {
      let code = { (random: inout SynthRandom) in service == .psychiatric ? Diagnosis.psychiatric(&random) : "" }
      if uses[service]! {
        // The first event overlaps the window, so the pipeline counts the use; for
        // support and residential places it often follows a shelter exit (Calibration).
        if let start = startAfterExit(service, type, stays: stays, &random) {
          events.append(event(service, startIn: start...start, code: code(&random), &random))
        } else {
          events.append(event(service, startIn: useWindow, code: code(&random), &random))
        }
        for _ in 1..<service.userEventCount(&random) {
          events.append(event(service, startIn: period, code: code(&random), &random))
        }
      } else if period.lowerBound < window.lowerBound, random.chance(0.2) {
        // Use before the window only: not counted.
        let duration = service.duration(&random)
        let latest = pastEnd - 1 - duration
        if latest >= period.lowerBound {
          let start = Day(rawValue: Int32(random.int(Int(period.lowerBound.rawValue)...Int(latest.rawValue))))
          events.append(SynthEvent(service: service, start: start, end: start + duration, code: code(&random)))
        }
      }
      if service == .psychiatric, random.chance(0.3) {
        // A contact whose diagnosis the psychiatric filter drops.
        events.append(event(service, startIn: window, code: Diagnosis.filtered(&random), &random))
      }
    }
    return events
  }

  /// With the chance `Calibration.afterExit` gives, a start within its delay after one of
  /// the user's check-outs in the use window (nil: start anywhere in it).
  private func startAfterExit(_ service: Service, _ type: UserType, stays: [SynthStay], _ random: inout SynthRandom)
    -> Day?
  {
    guard let rule = Calibration.afterExit[service], random.chance(rule.chance[type]!) else { return nil }
    let exits = stays.compactMap(\.end).filter { useWindow.contains($0) && $0 + rule.maxDelay <= useWindow.upperBound }
    guard !exits.isEmpty else { return nil }
    return exits[random.int(0...(exits.count - 1))] + random.int(0...rule.maxDelay)
  }

  /// An event starting in `range`; one running past the extract date is open.
  private func event(_ service: Service, startIn range: ClosedRange<Day>, code: String, _ random: inout SynthRandom)
    -> SynthEvent
  {
    let start = Day(rawValue: Int32(random.int(Int(range.lowerBound.rawValue)...Int(range.upperBound.rawValue))))
    let end = start + service.duration(&random)
    return SynthEvent(service: service, start: start, end: end > period.upperBound ? nil : end, code: code)
  }
}
