import RegisterModel

/// A person's typology features (SPEC 6) before a group is assigned.
struct PersonFeatures: Hashable, Sendable {
  var person: PersonKey
  /// E: episodes with at least one night in the window.
  var episodes = 0
  /// D: nights in the window, each night once over all the person's stays.
  var nights = 0
  /// S: stays with at least one night in the window.
  var stays = 0
}

/// One pass over one person's stays in `sortedForChaining` order: appends the person's episodes
/// (SPEC 1) to `episodes` and returns E, D and S for `window`.
///
/// D is a sweep: stays come by start, so a stay's window nights before `coveredUntil`
/// were already counted by an earlier stay (at any institution), and only the rest are
/// new. An episode has a night in the window exactly when one of its stays has.
func scanPerson(
  _ stays: ArraySlice<Stay>, gapDays: Int, window: Window, episodes: inout [Episode]
) -> PersonFeatures {
  let windowNights = window.from..<(window.to + 1)
  var features = PersonFeatures(person: stays.first!.person)
  var coveredUntil = window.from
  var current: EpisodeBuilder?

  for stay in stays {
    let clipped = stay.nights.clamped(to: windowNights)
    let inWindow = !clipped.isEmpty
    if inWindow {
      features.stays += 1
      features.nights += max(0, clipped.upperBound - max(clipped.lowerBound, coveredUntil))
      coveredUntil = max(coveredUntil, clipped.upperBound)
    }
    if current != nil, stay.start - current!.end <= gapDays {
      current!.add(stay, inWindow: inWindow)
    } else {
      if let finished = current { close(finished) }
      current = EpisodeBuilder(stay, inWindow: inWindow)
    }
  }
  if let finished = current { close(finished) }
  return features

  func close(_ builder: EpisodeBuilder) {
    episodes.append(builder.episode(of: features.person))
    if builder.hasWindowNight { features.episodes += 1 }
  }
}

/// An episode being chained: its start, latest effective end, and whether a closed stay
/// ends on that date (if none does, the latest end comes from an open stay: censored).
struct EpisodeBuilder {
  var start: Day
  var end: Day
  var closedStayEndsAtEnd: Bool
  var hasWindowNight: Bool

  init(_ stay: Stay, inWindow: Bool) {
    start = stay.start
    end = stay.effectiveEnd
    closedStayEndsAtEnd = !stay.isCensored
    hasWindowNight = inWindow
  }

  mutating func add(_ stay: Stay, inWindow: Bool) {
    if stay.effectiveEnd > end {
      end = stay.effectiveEnd
      closedStayEndsAtEnd = !stay.isCensored
    } else if stay.effectiveEnd == end, !stay.isCensored {
      closedStayEndsAtEnd = true
    }
    hasWindowNight = hasWindowNight || inWindow
  }

  func episode(of person: PersonKey) -> Episode {
    Episode(person: person, start: start, end: end, censored: !closedStayEndsAtEnd)
  }
}
