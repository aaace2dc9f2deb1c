import RegisterModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The latent shelter-use types, in the order of SPEC 6's groups.
enum UserType: Int, CaseIterable, Sendable {
  case short, episodic, long
}

/// The generator's parameters, tuned so that the pipeline's figures on a seven-year
/// window match `data/published_figures.json` (VIVE 2024 typology 2016–2022, welfare
/// use, Socialpolitisk Redegørelse 2024 yearly figures). `SynthTests` measures them in
/// memory, `PipelineRunnerTests/SynthCalibrationTests` through the pipeline.
///
/// Careers are placed in time around the data (`Career`): some began before the
/// window, some run past it, so a window sees only part of them. The latent types'
/// shares and lengths are therefore larger than the published figures they produce: a
/// long career cut by the window's edge can count as short, an episodic one as long or
/// short.
enum Calibration {
  /// Shares of short, episodic and long users, so that a window sees 64.4 / 8.5 / 27.1 %.
  static let typeShares: [Double] = [0.54, 0.125, 0.335]

  /// Short users: 1–3 stays (mean 1.4, a window sees 1.3 with cut long careers), each
  /// its own episode, close together (so a year has 2–4 stays for a fair share of
  /// users), < 180 nights in all (mean 74: nights = 1 + ⌊178 · u^1.45⌋; with the cut
  /// long careers a window sees 84).
  static let shortStayWeights: [Double] = [0.66, 0.30, 0.04]
  static let shortNightsExponent = 1.45
  static let shortGapMean = 40.0

  /// Long users: 1–3 stays (mean 2.0), months apart, at least 380 nights (mean 615; a
  /// window sees 558, more than the episodic users see, since SPEC 6 names the cluster
  /// with the most nights long), so that k-means, not only the rules, keeps them apart
  /// from the short users.
  static let longStayWeights: [Double] = [0.28, 0.4, 0.32]
  static let longMinNights = 380
  static let longExtraNightsMean = 235.0
  static let longMaxNights = 2000
  /// A move to another shelter within 30 days (one episode, two stays).
  static let longTransferChance = 0.04
  static let longGapMean = 140.0

  /// Episodic users: 6–12 episodes of one stay each (mean 8.7; a window sees 8.3; six
  /// or more, so that k-means keeps them apart from the long users), about 63 nights
  /// each on average; a person's episodes are short (half of the users: five or more
  /// stays in a year), middling or long (scales).
  static let episodicMinEpisodes = 6
  static let episodicExtraTrials = 6
  static let episodicExtraChance = 0.45
  static let episodicNightsMean = 97.0
  static let episodicNightsScales: [Double] = [0.2, 0.2, 1.2, 2.0]
  static let episodicMaxNights = 400
  static let episodicGapMean = 8.0

  /// Yearly change of each type's rate of new careers over the years the published
  /// figures cover (`trendYears`; constant before and after). Published: users grew
  /// from 6,500 (2018) to 7,200 (2023) while nights per user fell to 131 (2021) and
  /// 126 (2023); the nights of a year stayed about the same (the places are fixed).
  /// More short and episodic careers and fewer long ones give that, and keep the
  /// 2023 stays-per-user bins, which a steady state cannot give together with 126
  /// nights (README, "Synthetic data").
  static let arrivalTrend: [UserType: Double] = [.short: 0.10, .episodic: 0.04, .long: -0.06]
  static let trendYears = 2016...2023

  /// The relative chance that a career of `type` begins on `day`, at most 1: the trend,
  /// relative to its value at the end of `trendYears` for growing rates or at the start
  /// for falling ones.
  static func arrivalWeight(_ type: UserType, at day: Day) -> Double {
    let rate = arrivalTrend[type]!
    let first = Double(trendYears.lowerBound)
    let last = Double(trendYears.upperBound + 1)
    let civil = day.civil
    let time = min(last, max(first, Double(civil.year) + Double(civil.month - 1) / 12))
    return exp(rate * (time - (rate > 0 ? last : first)))
  }

  /// Same-day stays among one-night stays.
  static let sameDayChance = 0.3

  /// Exit codes of completed stays: 1 planned/agreed (just over two thirds), 2 left
  /// without agreement, 3 expelled, 9 other.
  static let exitCodes = ["1", "2", "3", "9"]
  static let exitWeights: [Double] = [0.68, 0.20, 0.07, 0.05]

  /// Users' sex (1 male, 2 female) and age on 31 December 2023 (or at the end of earlier
  /// data) in bands 18–29, 30–39, 40–49, 50–59, 60–79: the 2023 users' profile (under
  /// 40: just under half, read as 47 %; 18–29: a quarter).
  static let userMaleShare = 0.72
  static let userAgeBands: [ClosedRange<Int>] = [18...29, 30...39, 40...49, 50...59, 60...79]
  static let userAgeWeights: [Double] = [0.25, 0.22, 0.21, 0.19, 0.13]

  /// Users' psychiatric and substance treatment by type, as chances of both, only
  /// psychiatric, only substance (the rest: neither). Either: 80 %, both: 45 %,
  /// episodic both: 65 %.
  static let psychSubstance: [UserType: (both: Double, psych: Double, substance: Double)] = [
    .short: (0.38, 0.18, 0.185), .episodic: (0.65, 0.12, 0.13), .long: (0.50, 0.18, 0.17),
  ]
  /// Users' § 85 support (about a fifth), §§ 107/108 stays and prison, by type.
  static let support85: [UserType: Double] = [.short: 0.17, .episodic: 0.28, .long: 0.25]
  static let residential: [UserType: Double] = [.short: 0.06, .episodic: 0.15, .long: 0.12]
  static let prison: [UserType: Double] = [.short: 0.12, .episodic: 0.25, .long: 0.15]

  /// Transitions after exit (SPEC 8a). No published figure: an assumption, so that
  /// `transitions` shows what the 2023 reform is about. Of the users with § 85 support,
  /// this share by type has its first support start within `maxDelay` days of one of
  /// their check-outs (long users most often, as Housing First after a long stay); the
  /// same for a §§ 107/108 place. Which users use a service is unchanged.
  static let afterExit: [Service: (chance: [UserType: Double], maxDelay: Int)] = [
    .support85: ([.short: 0.3, .episodic: 0.4, .long: 0.6], 42),
    .residential: ([.short: 0.3, .episodic: 0.3, .long: 0.5], 60),
  ]
}
