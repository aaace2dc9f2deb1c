import RegisterModel

/// The output of classify: episodes, the typology and the figures publish tabulates.
public struct ClassifyResult: Hashable, Sendable {
  /// All episodes of all persons (SPEC 1), built before any window, by (person, start).
  public var episodes: [Episode]
  /// One per typology person (at least one night in the window), by person.
  public var typology: [PersonTypology]
  /// Sums per group, in `UserGroup.allCases` order.
  public var typologyFigures: TypologyFigures
  /// Completed stays by year of end, one entry per window year.
  public var stayFigures: StayFigures

  public init(
    episodes: [Episode], typology: [PersonTypology], typologyFigures: TypologyFigures,
    stayFigures: StayFigures
  ) {
    self.episodes = episodes
    self.typology = typology
    self.typologyFigures = typologyFigures
    self.stayFigures = stayFigures
  }
}
