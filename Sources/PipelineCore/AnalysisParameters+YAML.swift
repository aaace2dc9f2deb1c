import RegisterModel
import Yams

extension AnalysisParameters {
  static let keys = [
    "id_format", "episode_gap_days", "typology", "duration_bands", "repeat_bins", "lookback_years",
    "return_horizons", "transition_horizons", "planned_exit_codes", "max_reject_share", "indicators",
  ]
  static let typologyKeys = ["method", "episodic_min_episodes", "long_min_nights"]

  /// Reads `parameters` over the defaults in `parameters` (nil when the window or censor
  /// date is invalid: the values are still checked). `services` are the services the
  /// sources define, for the indicators.
  static func read(
    _ node: Node, into parameters: inout AnalysisParameters?, services: [String],
    reader: inout ConfigReader
  ) {
    let place = " in parameters"
    guard let fields = reader.mapping(node, field: "'parameters'", place: place, allowed: keys) else { return }
    // Without a valid window the values are checked on placeholder dates and discarded.
    let placeholder = Day(rawValue: 0)
    var p =
      parameters ?? AnalysisParameters(window: Window(from: placeholder, to: placeholder), censorDate: placeholder)
    if let v = fields["id_format"].flatMap({
      reader.choice($0, "'id_format'\(place)", IDFormat.allCases.map { ($0.rawValue, $0) })
    }) {
      p.idFormat = v
    }
    if let v = fields["episode_gap_days"].flatMap({ reader.int($0, "'episode_gap_days'\(place)", atLeast: 0) }) {
      p.episodeGapDays = v
    }
    if let node = fields["typology"] { p.typology.read(node, reader: &reader) }
    if let v = fields["duration_bands"].flatMap({ reader.ascending($0, "'duration_bands'\(place)") }) {
      p.durationBands = v
    }
    if let node = fields["repeat_bins"], let v = reader.ascending(node, "'repeat_bins'\(place)") {
      if v.first == 1 {
        p.repeatBins = v
      } else {
        reader.report(node, "'repeat_bins'\(place) must start at 1 (every user has a stay), got \(v.first!)")
      }
    }
    if let v = fields["lookback_years"].flatMap({ reader.int($0, "'lookback_years'\(place)", atLeast: 1) }) {
      p.lookbackYears = v
    }
    if let v = fields["return_horizons"].flatMap({ reader.ascending($0, "'return_horizons'\(place)") }) {
      p.returnHorizons = v
    }
    if let v = fields["transition_horizons"].flatMap({ reader.ascending($0, "'transition_horizons'\(place)") }) {
      p.transitionHorizons = v
    }
    if let v = fields["planned_exit_codes"].flatMap({ reader.strings($0, "'planned_exit_codes'\(place)") }) {
      p.plannedExitCodes = v
    }
    if let v = fields["max_reject_share"].flatMap({ reader.double($0, "'max_reject_share'\(place)", in: 0...1) }) {
      p.maxRejectShare = v
    }
    if let node = fields["indicators"] {
      p.indicators = Indicator.readAll(node, services: services, reader: &reader)
    }
    if parameters != nil { parameters = p }
  }
}

extension TypologyParameters {
  mutating func read(_ node: Node, reader: inout ConfigReader) {
    let place = " in typology"
    guard
      let fields = reader.mapping(
        node, field: "'typology' in parameters", place: place, allowed: AnalysisParameters.typologyKeys)
    else { return }
    if let v = fields["method"].flatMap({
      reader.choice($0, "'method'\(place)", TypologyMethod.allCases.map { ($0.rawValue, $0) })
    }) {
      method = v
    }
    if let v = fields["episodic_min_episodes"].flatMap({
      reader.int($0, "'episodic_min_episodes'\(place)", atLeast: 1)
    }) {
      episodicMinEpisodes = v
    }
    if let v = fields["long_min_nights"].flatMap({ reader.int($0, "'long_min_nights'\(place)", atLeast: 1) }) {
      longMinNights = v
    }
  }
}

extension Indicator {
  static let combinations = [Combination.allOf, .anyOf].map { ($0.rawValue, $0) }

  /// The `indicators` mapping, in file order: each `{all_of: [...]}` or `{any_of: [...]}`
  /// over services the sources define. Invalid entries are reported and left out.
  static func readAll(_ node: Node, services: [String], reader: inout ConfigReader) -> [Indicator] {
    guard let mapping = node.mapping else {
      reader.report(node, "'indicators' in parameters must be a mapping, got \(ConfigReader.shown(node))")
      return []
    }
    var indicators: [Indicator] = []
    for (keyNode, value) in mapping {
      guard let name = reader.string(keyNode, "indicator names") else { continue }
      if indicators.contains(where: { $0.name == name }) {
        reader.report(keyNode, "duplicate indicator '\(name)'")
      } else if services.contains(name) {
        reader.report(keyNode, "indicator '\(name)' has the name of a service")
      } else if let indicator = read(value, name: name, services: services, reader: &reader) {
        indicators.append(indicator)
      }
    }
    return indicators
  }

  private static func read(_ node: Node, name: String, services: [String], reader: inout ConfigReader)
    -> Indicator?
  {
    let label = "indicator '\(name)'"
    let shape = "\(label) must be {all_of: [...]} or {any_of: [...]}"
    guard node.mapping != nil else {
      reader.report(node, "\(shape), got \(ConfigReader.shown(node))")
      return nil
    }
    guard let fields = reader.mapping(node, field: label, place: " in \(label)", allowed: combinations.map(\.0))
    else { return nil }
    guard fields.order.count == 1, let key = fields.order.first,
      let combination = combinations.first(where: { $0.0 == key })?.1
    else {
      if fields.order.count > 1 { reader.report(node, "\(shape), not both") }
      if fields.order.isEmpty, node.mapping?.isEmpty == true { reader.report(node, "\(shape), got an empty mapping") }
      return nil
    }
    let field = "'\(key)' in \(label)"
    guard let listed = reader.strings(fields[key]!, field) else { return nil }
    guard !listed.isEmpty else {
      reader.report(fields[key]!, "\(field) must list at least one service")
      return nil
    }
    let items = Array(fields[key]!.sequence!)
    var valid = true
    for (service, item) in zip(listed, items) where !services.contains(service) {
      let known = services.isEmpty ? "no services are defined" : "services are: \(services.joined(separator: ", "))"
      let hint = Suggestion.closest(to: service, in: services).map { "; did you mean '\($0)'? " } ?? "; "
      reader.report(item, "unknown service '\(service)' in \(label)\(hint)\(known)")
      valid = false
    }
    return valid ? Indicator(name: name, combination: combination, services: listed) : nil
  }
}

extension PublishConfig {
  static let keys = ["min_cell", "formats", "csv_dialect"]

  mutating func read(_ node: Node, reader: inout ConfigReader) {
    let place = " in publish"
    guard let fields = reader.mapping(node, field: "'publish'", place: place, allowed: Self.keys) else { return }
    if let v = fields["min_cell"].flatMap({ reader.int($0, "'min_cell'\(place)", atLeast: 1) }) { minCell = v }
    if let node = fields["csv_dialect"],
      let v = reader.choice(node, "'csv_dialect'\(place)", CSVDialect.allCases.map { ($0.rawValue, $0) })
    {
      csvDialect = v
    }
    guard let node = fields["formats"], let items = reader.list(node, "'formats'\(place)") else { return }
    let field = "each entry of 'formats'\(place)"
    let chosen = items.map { reader.choice($0, field, TableFormat.allCases.map { ($0.rawValue, $0) }) }
    guard !chosen.contains(nil) else { return }
    let values = chosen.compactMap { $0 }
    if values.isEmpty {
      reader.report(node, "'formats'\(place) must list at least one format")
    } else if Set(values).count < values.count {
      reader.report(node, "'formats'\(place) lists a format twice")
    } else {
      formats = values
    }
  }
}
