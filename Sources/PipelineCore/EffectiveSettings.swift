import RegisterIO
import RegisterModel

/// The pipeline's stages in run order (SPEC 4–9).
public enum StageName: String, CaseIterable, Sendable {
  case load, dedup, classify
  case repeatUse = "repeat_use"
  case welfareUse = "welfare_use"
  case transitions
  case publish
}

/// One effective setting: its name as in the pipeline file (dotted for nested keys,
/// `sources.<name>.<key>` for a source) and its rendered value.
public struct Setting: Hashable, Sendable {
  public var name: String
  public var value: String
  /// The stages that read this setting directly.
  public var readBy: Set<StageName>

  init(_ name: String, _ value: String, _ readBy: Set<StageName>) {
    self.name = name
    self.value = value
    self.readBy = readBy
  }
}

extension PipelineConfig {
  /// Every setting with defaults filled in, in a fixed order: the pipeline name, window
  /// and censor date, each source in file order, the parameters, then publish.
  public var effectiveSettings: [Setting] {
    let p = parameters
    var settings = [
      Setting("pipeline", Render.text(name), [.publish]),
      Setting("window.from", p.window.from.description, [.classify, .repeatUse, .welfareUse, .transitions]),
      Setting("window.to", p.window.to.description, [.classify, .repeatUse, .welfareUse, .transitions]),
      Setting("censor_date", p.censorDate.description, [.load, .classify, .repeatUse, .welfareUse, .transitions]),
      Setting("sources", Render.list(sources.map { Render.text($0.name) }), [.load]),
    ]
    for source in sources { settings += source.settings }
    let typology = p.typology
    settings += [
      Setting("parameters.id_format", p.idFormat.rawValue, [.load]),
      Setting("parameters.episode_gap_days", String(p.episodeGapDays), [.classify]),
      Setting("parameters.typology.method", typology.method.rawValue, [.classify]),
      Setting("parameters.typology.episodic_min_episodes", String(typology.episodicMinEpisodes), [.classify]),
      Setting("parameters.typology.long_min_nights", String(typology.longMinNights), [.classify]),
      Setting("parameters.duration_bands", Render.list(p.durationBands.map(String.init)), [.classify]),
      Setting("parameters.repeat_bins", Render.list(p.repeatBins.map(String.init)), [.repeatUse]),
      Setting("parameters.lookback_years", String(p.lookbackYears), [.repeatUse]),
      Setting("parameters.return_horizons", Render.list(p.returnHorizons.map(String.init)), [.repeatUse]),
      Setting(
        "parameters.transition_horizons", Render.list(p.transitionHorizons.map(String.init)), [.transitions]),
      Setting("parameters.planned_exit_codes", Render.list(p.plannedExitCodes.map(Render.text)), [.classify]),
      Setting("parameters.max_reject_share", String(p.maxRejectShare), [.load]),
    ]
    settings += p.indicators.map { indicator in
      Setting(
        "parameters.indicators.\(indicator.name)",
        "\(indicator.combination.rawValue) \(Render.list(indicator.services.map(Render.text)))", [.welfareUse])
    }
    settings += [
      Setting("publish.min_cell", String(publish.minCell), [.publish]),
      Setting("publish.formats", Render.list(publish.formats.map(\.rawValue)), [.publish]),
      Setting("publish.csv_dialect", publish.csvDialect.rawValue, [.publish]),
    ]
    return settings
  }

  /// The effective configuration as `name = value` lines, one per setting: what the
  /// manifest's configuration hash covers, and what analysts read to see the values used.
  public var canonicalDescription: String {
    effectiveSettings.map { "\($0.name) = \($0.value)\n" }.joined()
  }

  /// SHA-256 of `canonicalDescription`.
  public var configurationHash: String { Hashing.sha256(string: canonicalDescription) }

  /// The settings `stage` reads directly, as (name, rendered value), in canonical order;
  /// what it gets from earlier stages is covered by their outputs' hashes.
  public func parameterReads(for stage: StageName) -> [(String, String)] {
    effectiveSettings.filter { $0.readBy.contains(stage) }.map { ($0.name, $0.value) }
  }
}

extension SourceConfig {
  /// This source's settings, all read by load.
  var settings: [Setting] {
    let prefix = "sources.\(name)."
    // A SAS dataset without a stated encoding is decoded from its own; the lines of a
    // text-only source read as before SAS input existed.
    let mayReadSAS = format == .sas7bdat || (format == .auto && files.contains { format.readsSAS($0) })
    var values: [(String, String)] = [("kind", kind.rawValue), ("files", Render.list(files.map(Render.text)))]
    if format != .auto { values.append(("format", format.rawValue)) }
    values += [
      ("delimiter", delimiter.rendered),
      ("encoding", statedEncoding?.rawValue ?? (mayReadSAS ? "utf8 (SAS datasets: their own)" : encoding.rawValue)),
      ("date_format", dateFormat.rawValue),
      ("extract_date", extractDate?.description ?? "none"),
    ]
    values += CanonicalColumn.allCases.compactMap { column in
      columns[column].map { ("columns.\(column.rawValue)", Render.text($0)) }
    }
    if let service { values.append(("service", Render.text(service))) }
    if let codes { values.append(("codes", Render.list(codes.map(Render.text)))) }
    return values.map { Setting(prefix + $0.0, $0.1, [.load]) }
  }
}

extension Delimiter {
  /// `auto`, or the delimiter quoted as in a pipeline file (`";"`, `"\t"`).
  var rendered: String {
    switch self {
    case .auto: "auto"
    case .byte(let byte): Render.text(String(UnicodeScalar(byte)))
    }
  }
}

/// Value rendering for settings: free text quoted as a JSON string, so names, patterns
/// and headers can never run into each other; lists in brackets.
enum Render {
  static func text(_ value: String) -> String { JSONValue.quoted(value) }
  static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
