/// The observation window `[from, to]`, both dates included.
public struct Window: Hashable, Sendable, Codable {
  public var from: Day
  public var to: Day

  public init(from: Day, to: Day) {
    self.from = from
    self.to = to
  }

  /// Calendar years overlapping the window, ascending.
  public var years: ClosedRange<Int> { from.year...to.year }
  public func contains(_ day: Day) -> Bool { from <= day && day <= to }
}

public enum IDFormat: String, Sendable, Codable, CaseIterable {
  /// 10 digits; 9 digits are repaired with a leading zero.
  case cpr
  /// Any non-empty token, interned to an integer key.
  case opaque
}

public enum TypologyMethod: String, Sendable, Codable, CaseIterable {
  case rules, kmeans
}

public struct TypologyParameters: Hashable, Sendable, Codable {
  public var method: TypologyMethod = .kmeans
  public var episodicMinEpisodes: Int = 4
  public var longMinNights: Int = 180

  public init(method: TypologyMethod = .kmeans, episodicMinEpisodes: Int = 4, longMinNights: Int = 180) {
    self.method = method
    self.episodicMinEpisodes = episodicMinEpisodes
    self.longMinNights = longMinNights
  }
}

/// An indicator combining services (SPEC 8): every listed service used, or at least one.
public struct Indicator: Hashable, Sendable, Codable {
  public enum Combination: String, Sendable, Codable {
    case allOf = "all_of"
    case anyOf = "any_of"
  }
  public var name: String
  public var combination: Combination
  public var services: [String]

  public init(name: String, combination: Combination, services: [String]) {
    self.name = name
    self.combination = combination
    self.services = services
  }
}

/// Everything the stages after load read from a pipeline file. Defaults are the values
/// of the SPEC's example pipeline.
public struct AnalysisParameters: Hashable, Sendable, Codable {
  public var window: Window
  public var censorDate: Day
  public var idFormat: IDFormat = .cpr
  public var episodeGapDays: Int = 30
  public var typology = TypologyParameters()
  public var durationBands: [Int] = [30, 90, 180, 365]
  public var repeatBins: [Int] = [1, 2, 5]
  public var lookbackYears: Int = 2
  public var returnHorizons: [Int] = [180, 365, 730]
  /// Days after an exit within which a service event counts (SPEC 8a), ascending.
  public var transitionHorizons: [Int] = [30, 90, 365]
  public var plannedExitCodes: [String] = ["1"]
  public var maxRejectShare: Double = 0.01
  public var indicators: [Indicator] = []

  public init(window: Window, censorDate: Day) {
    self.window = window
    self.censorDate = censorDate
  }
}
