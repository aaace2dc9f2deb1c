/// A person id after normalisation (SPEC 5.1): the 10-digit CPR number itself for
/// `id_format: cpr`, or an interned index for `id_format: opaque`. Never printed.
public typealias PersonKey = Int64

/// Sex codes 1/2, M/K, M/F, male/female normalise to these; anything else is missing.
public enum Sex: String, Sendable, Codable, CaseIterable {
  case male = "M"
  case female = "F"
}

/// One shelter stay (ophold) as loaded, in canonical form.
public struct Stay: Hashable, Sendable {
  public var person: PersonKey
  public var institution: String
  public var start: Day
  /// The check-out date; nil when the stay was open at extraction.
  public var end: Day?
  /// The source's extract date (default: the pipeline's censor_date): where an open stay ends.
  public var extractDate: Day
  public var exitReason: String?
  public var municipality: String?
  /// Position in input order: sources in file order, files in sorted order, rows in order.
  public var order: Int

  public init(
    person: PersonKey, institution: String, start: Day, end: Day?, extractDate: Day,
    exitReason: String? = nil, municipality: String? = nil, order: Int
  ) {
    self.person = person
    self.institution = institution
    self.start = start
    self.end = end
    self.extractDate = extractDate
    self.exitReason = exitReason
    self.municipality = municipality
    self.order = order
  }

  /// The end used for counting: the check-out date, or the extract date of an open stay.
  public var effectiveEnd: Day { end ?? extractDate }
  /// An open stay is censored: it had not ended when the extract was made.
  public var isCensored: Bool { end == nil }
  /// The stay's nights (SPEC 1): `start ..< end`, or the one night of `start` for a
  /// same-day stay (and for an open stay whose extract date is not after its start).
  public var nights: Range<Day> { start..<max(effectiveEnd, start + 1) }
  public var nightCount: Int { nights.upperBound - nights.lowerBound }
}

/// One row of a persons register, and after dedup the one resolved record per person.
public struct PersonRecord: Hashable, Sendable {
  public var person: PersonKey
  public var sex: Sex?
  public var birthDate: Day?
  /// DST municipality code as 3 digits (`0101` is read as `101`); any other text is kept
  /// as it is and counts as region `unknown`.
  public var municipality: String?
  public var order: Int

  public init(
    person: PersonKey, sex: Sex? = nil, birthDate: Day? = nil, municipality: String? = nil,
    order: Int
  ) {
    self.person = person
    self.sex = sex
    self.birthDate = birthDate
    self.municipality = municipality
    self.order = order
  }
}

/// One welfare-service event after load (code filters applied there).
package struct ServiceEvent: Hashable, Sendable {
  package var person: PersonKey
  /// Index into the pipeline's service names, in order of first appearance among sources.
  package var service: Int
  package var start: Day
  /// Last day of the event, included: `start` when the source has no end column; the
  /// censor date when the end is empty.
  package var end: Day

  package init(person: PersonKey, service: Int, start: Day, end: Day) {
    self.person = person
    self.service = service
    self.start = start
    self.end = end
  }
}

/// The short / episodic / long typology (Kuhn & Culhane 1998), in table order.
package enum UserGroup: String, Sendable, Codable, CaseIterable {
  case short, episodic, long

  /// Position in table order (short, episodic, long): the index of per-group figures.
  package var index: Int {
    switch self {
    case .short: 0
    case .episodic: 1
    case .long: 2
    }
  }
}

/// A person's stays chained with `episode_gap_days` (SPEC 1), built before any window.
package struct Episode: Hashable, Sendable {
  package var person: PersonKey
  package var start: Day
  /// The latest effective end of the episode's stays.
  package var end: Day
  /// The latest end comes from an open stay and no closed stay ends on that date.
  package var censored: Bool

  package init(person: PersonKey, start: Day, end: Day, censored: Bool) {
    self.person = person
    self.start = start
    self.end = end
    self.censored = censored
  }
}

/// A typology person (at least one night in the window) with the features of SPEC 6.
package struct PersonTypology: Hashable, Sendable {
  package var person: PersonKey
  package var group: UserGroup
  /// E: episodes with at least one night in the window.
  package var episodes: Int
  /// D: nights in the window (union over the person's stays).
  package var nights: Int
  /// S: stays (after dedup) with at least one night in the window.
  package var stays: Int

  package init(person: PersonKey, group: UserGroup, episodes: Int, nights: Int, stays: Int) {
    self.person = person
    self.group = group
    self.episodes = episodes
    self.nights = nights
    self.stays = stays
  }
}
