import LoadStage
import RegisterModel

/// SPEC 3's plausibility checks on the data, run before any table is written (the check
/// that a stays source maps an `end` is the pipeline file's, in PipelineCore).
enum Plausibility {
  /// A calendar year strictly inside the span of a stays source's years with no stay, or
  /// with fewer than a tenth of the mean of its neighbouring years (stays counted in
  /// every year they touch): most often a yearly file missing from the folder, or cut short.
  static func yearWarnings(_ sources: [(name: String, years: [Int: Int])]) -> [String] {
    var warnings: [String] = []
    for source in sources {
      guard let first = source.years.keys.min(), let last = source.years.keys.max(), last - first >= 2
      else { continue }
      for year in (first + 1)..<last {
        let count = source.years[year] ?? 0
        let neighbours = Double((source.years[year - 1] ?? 0) + (source.years[year + 1] ?? 0)) / 2
        if count == 0 {
          warnings.append(
            "stays source '\(source.name)' has no stay in \(year), inside \(first)–\(last): "
              + "is a yearly file missing?")
        } else if Double(count) < neighbours / 10 {
          warnings.append(
            "stays source '\(source.name)' has \(count) stays in \(year), under a tenth of the "
              + "\(Int(neighbours.rounded())) of its neighbouring years: is a yearly file missing or cut short?")
        }
      }
    }
    return warnings
  }

  /// The window must hold at least one night of a stay: otherwise every table is zeros.
  static func windowError(typologyPersons: Int, window: Window, years: [Int: Int]) -> PlausibilityError? {
    guard typologyPersons == 0 else { return nil }
    let span = years.keys.min().map { "the stays run from \($0) to \(years.keys.max()!)" } ?? "there are no stays"
    return PlausibilityError(
      kind: .configuration,
      "the window \(window.from)…\(window.to) holds no night of any stay (\(span)): every table would be zeros; "
        + "check 'window' in the pipeline file")
  }
}

/// A run that would give implausible tables (SPEC 3): stopped before any table is
/// written; of kind `.configuration` when the pipeline file needs a change.
package struct PlausibilityError: RegpipeError, Sendable {
  package let kind: ErrorKind
  package let description: String

  init(kind: ErrorKind, _ description: String) {
    self.kind = kind
    self.description = description
  }
}

extension PipelineRun {
  /// The checks of `Plausibility` on this run's load and classify results: throws on an
  /// error (and with `--strict` on any warning), else returns the warnings.
  func plausibilityWarnings() throws -> [String] {
    let load = try result(Artefacts.loadMeta)
    let stays = zip(config.sources, load.sources).filter { $0.0.kind == .stays }.map { ($0.1.name, $0.1.staysByYear) }
    let allYears = stays.reduce(into: [Int: Int]()) { total, source in total.merge(source.1, uniquingKeysWith: +) }
    let persons = try result(Artefacts.classifyFigures).typology.groups.reduce(0) { $0 + $1.persons }
    if let error = Plausibility.windowError(typologyPersons: persons, window: config.parameters.window, years: allYears)
    {
      throw error
    }
    let warnings = Plausibility.yearWarnings(stays.map { (name: $0.0, years: $0.1) })
    if options.strict, !warnings.isEmpty {
      throw PlausibilityError(
        kind: .data, "--strict: no tables written, because " + warnings.joined(separator: "; "))
    }
    return warnings
  }
}
