import RegisterModel

/// Stage 3 (SPEC 1, 6): episodes, the person typology and the stay figures, from the
/// deduplicated stays. Pure and deterministic: stays are sorted first, so the result
/// does not depend on the order of the array.
public func classify(stays: [Stay], parameters: ClassifyParameters) -> ClassifyResult {
  let sorted = sortedForChaining(stays)
  var episodes: [Episode] = []
  var features: [PersonFeatures] = []
  var i = sorted.startIndex
  while i < sorted.endIndex {
    var j = i + 1
    while j < sorted.endIndex, sorted[j].person == sorted[i].person { j += 1 }
    let person = scanPerson(
      sorted[i..<j], gapDays: parameters.episodeGapDays, window: parameters.window,
      episodes: &episodes)
    if person.nights > 0 { features.append(person) }
    i = j
  }

  let (groups, fellBack) = assignGroups(features, parameters: parameters.typology)
  var typology: [PersonTypology] = []
  typology.reserveCapacity(features.count)
  var totals = Array(repeating: GroupTotals(), count: UserGroup.allCases.count)
  for (person, group) in zip(features, groups) {
    typology.append(
      PersonTypology(
        person: person.person, group: group, episodes: person.episodes, nights: person.nights,
        stays: person.stays))
    totals[group.index].persons += 1
    totals[group.index].stays += person.stays
    totals[group.index].episodes += person.episodes
    totals[group.index].nights += person.nights
  }

  return ClassifyResult(
    episodes: episodes, typology: typology,
    typologyFigures: TypologyFigures(groups: totals, fellBackToRules: fellBack),
    stayFigures: stayFigures(stays: stays, parameters: parameters))
}

/// The stays in (person, start, effective end) order: SPEC 1's "order of start, then
/// end". Stays equal in all three have the same nights and end, so their relative order
/// changes neither episodes nor features, and any input order gives the same result.
/// Sorting compact keys instead of `Stay`s is several times faster at national scale.
func sortedForChaining(_ stays: [Stay]) -> [Stay] {
  stays.indices.map { i in (stays[i].person, stays[i].start.rawValue, stays[i].effectiveEnd.rawValue, i) }
    .sorted(by: <).map { stays[$0.3] }
}
