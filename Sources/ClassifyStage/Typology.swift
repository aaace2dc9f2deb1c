import RegisterModel

/// `method: rules` (SPEC 6): episodic if E ≥ episodic_min_episodes; else long if
/// D ≥ long_min_nights; else short.
func rulesGroup(episodes: Int, nights: Int, parameters: TypologyParameters) -> UserGroup {
  if episodes >= parameters.episodicMinEpisodes { return .episodic }
  if nights >= parameters.longMinNights { return .long }
  return .short
}

/// The group of each typology person (same order as `features`, which is by person),
/// and whether k-means fell back to rules because a rules group was empty — with no
/// typology persons at all every rules group is empty, so that counts as a fallback too.
func assignGroups(
  _ features: [PersonFeatures], parameters: TypologyParameters
) -> (groups: [UserGroup], fellBackToRules: Bool) {
  let rules = features.map {
    rulesGroup(episodes: $0.episodes, nights: $0.nights, parameters: parameters)
  }
  guard parameters.method == .kmeans else { return (rules, false) }
  guard Set(rules).count == UserGroup.allCases.count else { return (rules, true) }

  let points = zip(zScores(features.map(\.episodes)), zScores(features.map(\.nights)))
    .map { SIMD2($0, $1) }
  let clusters = lloyd(points: points, initial: rules.map(\.index))
  var sums = Array(repeating: ClusterSums(), count: UserGroup.allCases.count)
  for (person, cluster) in zip(features, clusters) {
    sums[cluster].members += 1
    sums[cluster].episodes += person.episodes
    sums[cluster].nights += person.nights
  }
  let names = nameClusters(sums)
  return (clusters.map { names[$0] }, false)
}
