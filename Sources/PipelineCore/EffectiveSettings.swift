import RegisterIO
import RegisterModel

/// The pipeline's stages in run order (SPEC 4–9).
package enum StageName: String, CaseIterable, Sendable {
  case load, dedup, classify
  case repeatUse = "repeat_use"
  case welfareUse = "welfare_use"
  case transitions
  case publish
}

/// One effective setting: its name as in the pipeline file (dotted for nested keys,
/// `sources.<name>.<key>` for a source) and its rendered value.
package struct Setting: Hashable, Sendable {
  package var name: String
  package var value: String

  init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}

extension PipelineConfig {
  /// Every setting with defaults filled in, in a fixed order: the pipeline name, window
  /// and censor date, each source in file order, the parameters, then publish.
  package var effectiveSettings: [Setting] {
    let p = parameters
    var settings = [
      Setting("pipeline", Render.text(name)),
      Setting("window.from", p.window.from.description),
      Setting("window.to", p.window.to.description),
      Setting("censor_date", p.censorDate.description),
      Setting("sources", Render.list(sources.map { Render.text($0.name) })),
    ]
    for source in sources {
      settings += source.settings.map { Setting("sources.\(source.name).\($0.name)", $0.value) }
    }
    let typology = p.typology
    settings += [
      Setting("parameters.id_format", p.idFormat.rawValue),
      Setting("parameters.episode_gap_days", String(p.episodeGapDays)),
      Setting("parameters.typology.method", typology.method.rawValue),
      Setting("parameters.typology.episodic_min_episodes", String(typology.episodicMinEpisodes)),
      Setting("parameters.typology.long_min_nights", String(typology.longMinNights)),
      Setting("parameters.duration_bands", Render.list(p.durationBands.map(String.init))),
      Setting("parameters.repeat_bins", Render.list(p.repeatBins.map(String.init))),
      Setting("parameters.lookback_years", String(p.lookbackYears)),
      Setting("parameters.return_horizons", Render.list(p.returnHorizons.map(String.init))),
      Setting(
        "parameters.transition_horizons", Render.list(p.transitionHorizons.map(String.init))),
      Setting("parameters.planned_exit_codes", Render.list(p.plannedExitCodes.map(Render.text))),
      Setting("parameters.max_reject_share", String(p.maxRejectShare)),
    ]
    settings += p.indicators.map { Setting("parameters.indicators.\($0.name)", $0.settingText) }
    settings += [
      Setting("publish.min_cell", String(publish.minCell)),
      Setting("publish.formats", Render.list(publish.formats.map(\.rawValue))),
      Setting("publish.csv_dialect", publish.csvDialect.rawValue),
    ]
    return settings
  }

  /// The effective configuration as `name = value` lines, one per setting: what the
  /// manifest's configuration hash covers, and what analysts read to see the values used.
  package var canonicalDescription: String {
    effectiveSettings.map { "\($0.name) = \($0.value)\n" }.joined()
  }

  /// SHA-256 of `canonicalDescription`.
  package var configurationHash: String { Hashing.sha256(string: canonicalDescription) }
}

/// Value rendering for settings: free text quoted as a JSON string, so names, patterns
/// and headers can never run into each other; lists in brackets.
package enum Render {
  package static func text(_ value: String) -> String { JSONValue.quoted(value) }
  package static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
