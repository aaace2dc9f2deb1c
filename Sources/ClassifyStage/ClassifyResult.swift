import RegisterModel

/// The output of classify: episodes, the typology and the figures publish tabulates.
public struct ClassifyResult: Hashable, Sendable {
  /// All episodes of all persons (SPEC 1), built before any window, by (person, start).
  package var episodes: [Episode]
  /// One per typology person (at least one night in the window), by person.
  package var typology: [PersonTypology]
  /// Sums per group, in `UserGroup.allCases` order.
  package var typologyFigures: TypologyFigures
  /// Completed stays by year of end, one entry per window year.
  package var stayFigures: StayFigures

  package init(
    episodes: [Episode], typology: [PersonTypology], typologyFigures: TypologyFigures,
    stayFigures: StayFigures
  ) {
    self.episodes = episodes
    self.typology = typology
    self.typologyFigures = typologyFigures
    self.stayFigures = stayFigures
  }
}
