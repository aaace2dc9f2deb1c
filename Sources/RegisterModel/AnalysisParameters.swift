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

package enum IDFormat: String, Sendable, Codable, CaseIterable {
  /// 10 digits; 9 digits are repaired with a leading zero.
  case cpr
  /// Any non-empty token, interned to an integer key.
  case opaque
}

package enum TypologyMethod: String, Sendable, Codable, CaseIterable {
  case rules, kmeans
}

package struct TypologyParameters: Hashable, Sendable, Codable {
  package var method: TypologyMethod = .kmeans
  package var episodicMinEpisodes: Int = 4
  package var longMinNights: Int = 180

  package init(method: TypologyMethod = .kmeans, episodicMinEpisodes: Int = 4, longMinNights: Int = 180) {
    self.method = method
    self.episodicMinEpisodes = episodicMinEpisodes
    self.longMinNights = longMinNights
  }
}

/// An indicator combining services (SPEC 8): every listed service used, or at least one.
package struct Indicator: Hashable, Sendable, Codable {
  package enum Combination: String, Sendable, Codable {
    case allOf = "all_of"
    case anyOf = "any_of"
  }
  package var name: String
  package var combination: Combination
  package var services: [String]

  package init(name: String, combination: Combination, services: [String]) {
    self.name = name
    self.combination = combination
    self.services = services
  }
}

/// Everything the stages after load read from a pipeline file. Defaults are the values
/// of the SPEC's example pipeline.
public struct AnalysisParameters: Hashable, Sendable, Codable {
  package var window: Window
  package var censorDate: Day
  package var idFormat: IDFormat = .cpr
  package var episodeGapDays: Int = 30
  package var typology = TypologyParameters()
  package var durationBands: [Int] = [30, 90, 180, 365]
  package var repeatBins: [Int] = [1, 2, 5]
  package var lookbackYears: Int = 2
  package var returnHorizons: [Int] = [180, 365, 730]
  /// Days after an exit within which a service event counts (SPEC 8a), ascending.
  package var transitionHorizons: [Int] = [30, 90, 365]
  package var plannedExitCodes: [String] = ["1"]
  package var maxRejectShare: Double = 0.01
  package var indicators: [Indicator] = []

  public init(window: Window, censorDate: Day) {
    self.window = window
    self.censorDate = censorDate
  }
}
