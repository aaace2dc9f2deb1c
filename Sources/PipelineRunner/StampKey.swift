import PipelineCore

/// One thing a stage read, as its stamp names it. Stored in `stamp.json` as text
/// (`program`, `parameter NAME`, `input FILE`, `stage NAME`, `synthetic`).
enum StampKey: Hashable, Comparable, Sendable {
  case program
  /// A setting, named as in the pipeline file; analysis parameters without their
  /// `parameters.` prefix, so a reason reads "parameter episode_gap_days changed".
  case parameter(String)
  /// An input file, named as the manifest names it.
  case input(String)
  /// An upstream stage's output hash.
  case stage(StageName)
  /// Whether every input lies beside synth's marker (the report says so).
  case synthetic

  /// The key of a setting named as in `effectiveSettings` or `StageSettings`.
  static func setting(_ name: String) -> StampKey {
    .parameter(name.hasPrefix("parameters.") ? String(name.dropFirst("parameters.".count)) : name)
  }

  var text: String {
    switch self {
    case .program: "program"
    case .parameter(let name): "parameter " + name
    case .input(let name): "input " + name
    case .stage(let stage): "stage " + stage.rawValue
    case .synthetic: "synthetic"
    }
  }

  init?(text: String) {
    let (kind, name) =
      text.firstIndex(of: " ").map { (String(text[..<$0]), String(text[text.index(after: $0)...])) } ?? (text, "")
    switch (kind, name) {
    case ("program", ""): self = .program
    case ("synthetic", ""): self = .synthetic
    case ("parameter", _) where !name.isEmpty: self = .parameter(name)
    case ("input", _) where !name.isEmpty: self = .input(name)
    case ("stage", _):
      guard let stage = StageName(rawValue: name) else { return nil }
      self = .stage(stage)
    default: return nil
    }
  }

  /// The order a difference is explained in: program, parameters, inputs, upstream
  /// stages, then the rest, each by name, a list's names (`indicators`) after its
  /// elements (`indicators.any`), so an added element is named rather than the list.
  static func < (a: StampKey, b: StampKey) -> Bool { (a.rank, a.text + "~") < (b.rank, b.text + "~") }

  private var rank: Int {
    switch self {
    case .program: 0
    case .parameter: 1
    case .input: 2
    case .stage: 3
    case .synthetic: 4
    }
  }

  /// Why a stage is stale when this read changed, was added or was removed.
  func reason(_ change: String) -> String {
    switch self {
    case .program: "program version changed"
    case .stage(let stage): "upstream stage \(stage.rawValue) \(change)"
    default: "\(text) \(change)"
    }
  }
}
