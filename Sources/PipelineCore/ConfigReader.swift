import RegisterModel
import Yams

/// Reads typed values out of a pipeline file's YAML nodes, collecting every problem
/// with its line instead of stopping at the first, so one run reports them all.
struct ConfigReader {
  /// The pipeline file, as messages name it.
  let path: String
  private(set) var problems: [ConfigurationProblem] = []
  /// The lines of the `columns` map of the source being read, by column.
  var columnLines: [CanonicalColumn: Int] = [:]

  /// The line a node starts on (1 when Yams gives no mark).
  static func line(of node: Node) -> Int { node.mark?.line ?? 1 }

  mutating func report(_ node: Node, _ message: String) {
    problems.append(ConfigurationProblem(line: Self.line(of: node), message: message))
  }

  mutating func report(line: Int, _ message: String) {
    problems.append(ConfigurationProblem(line: line, message: message))
  }

  /// A plain `~`, `null` or empty scalar: YAML's "nothing".
  static func isNull(_ node: Node) -> Bool {
    guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else {
      return false
    }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// How a wrong value is shown in a message: its text, or what kind of node it is.
  static func shown(_ node: Node) -> String {
    if isNull(node) { return "nothing" }
    switch node {
    case .scalar(let scalar):
      // One line, at most 80 characters: a multi-line value (a mis-indented block read as
      // one scalar) would otherwise spill the file into the message.
      let text = scalar.string
      let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
      return first.count > 80 || first.count < text.count ? "'\(first.prefix(80))…'" : "'\(text)'"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    @unknown default: return "an unsupported value"
    }
  }

  /// The mapping in `node` with its keys checked against `allowed`: unknown keys (with
  /// a did-you-mean) and repeated keys are reported. `field` names the node in messages
  /// and `place` (" in parameters", or "" at top level) names where its keys live.
  mutating func mapping(_ node: Node, field: String, place: String, allowed: [String])
    -> Fields?
  {
    guard let mapping = node.mapping else {
      report(node, "\(field) must be a mapping, got \(Self.shown(node))")
      return nil
    }
    var fields = Fields(node: node)
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalar?.string, !Self.isNull(keyNode) else {
        report(keyNode, "keys\(place) must be text, got \(Self.shown(keyNode))")
        continue
      }
      if !allowed.contains(key) {
        report(keyNode, "unknown key '\(key)'\(place)" + unknownHint(key, allowed))
      } else if let first = fields.keyLines[key] {
        report(keyNode, "duplicate key '\(key)'\(place) (first at line \(first))")
      } else {
        fields.values[key] = value
        fields.keyLines[key] = Self.line(of: keyNode)
        fields.order.append(key)
      }
    }
    return fields
  }

  /// `; did you mean 'x'?` or `; keys are: a, b, c`.
  private func unknownHint(_ key: String, _ allowed: [String]) -> String {
    let hint = Suggestion.hint(for: key, in: allowed)
    return hint.isEmpty ? "; keys are: \(allowed.joined(separator: ", "))" : hint
  }

  /// Reports `missing required key` for each of `keys` that `fields` lacks.
  mutating func require(_ keys: [String], in fields: Fields, place: String) {
    for key in keys where fields[key] == nil {
      report(fields.node, "missing required key '\(key)'\(place)")
    }
  }

  mutating func string(_ node: Node, _ field: String) -> String? {
    guard let scalar = node.scalar, !Self.isNull(node) else {
      report(node, "\(field) must be text, got \(Self.shown(node))")
      return nil
    }
    guard !scalar.string.isEmpty else {
      report(node, "\(field) must not be empty")
      return nil
    }
    return scalar.string
  }

  mutating func int(_ node: Node, _ field: String, atLeast minimum: Int) -> Int? {
    guard let text = node.scalar?.string, let value = Int(text), !Self.isNull(node) else {
      report(node, "\(field) must be an integer, got \(Self.shown(node))")
      return nil
    }
    guard value >= minimum else {
      report(node, "\(field) must be at least \(minimum), got \(value)")
      return nil
    }
    return value
  }

  /// A finite number in `range`.
  mutating func double(_ node: Node, _ field: String, in range: ClosedRange<Double>) -> Double? {
    guard let text = node.scalar?.string, let value = Double(text), value.isFinite else {
      report(node, "\(field) must be a number, got \(Self.shown(node))")
      return nil
    }
    guard range.contains(value) else {
      report(
        node,
        "\(field) must be between \(Self.plain(range.lowerBound)) and "
          + "\(Self.plain(range.upperBound)), got \(node.scalar!.string)")
      return nil
    }
    return value
  }

  /// `0` rather than `0.0` for whole bounds in messages.
  private static func plain(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }

  /// An ISO `YYYY-MM-DD` date that exists.
  mutating func date(_ node: Node, _ field: String) -> Day? {
    guard let text = node.scalar?.string, !Self.isNull(node), Self.looksISO(text) else {
      report(node, "\(field) must be a date as YYYY-MM-DD, got \(Self.shown(node))")
      return nil
    }
    guard let day = Day(iso: text) else {
      report(node, "\(field) is not a calendar date: \(text)")
      return nil
    }
    return day
  }

  private static func looksISO(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return false
    }
    return bytes.enumerated().allSatisfy { i, b in
      i == 4 || i == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }
  }

  /// One of `choices`, by name; an unknown name is reported with the choices and a
  /// did-you-mean.
  mutating func choice<T>(_ node: Node, _ field: String, _ choices: [(String, T)]) -> T? {
    let names = choices.map(\.0)
    guard let text = string(node, field) else { return nil }
    if let match = choices.first(where: { $0.0 == text }) { return match.1 }
    // Punctuation choices (delimiters) are quoted so the list stays readable.
    let shownNames = names.map { $0.allSatisfy { $0.isLetter || $0.isNumber } ? $0 : "'\($0)'" }
    report(
      node,
      "\(field) must be one of \(shownNames.joined(separator: ", ")); got '\(text)'"
        + Suggestion.hint(for: text, in: names))
    return nil
  }

  /// The items of a list.
  mutating func list(_ node: Node, _ field: String) -> [Node]? {
    guard let sequence = node.sequence else {
      report(node, "\(field) must be a list, got \(Self.shown(node))")
      return nil
    }
    return Array(sequence)
  }

  /// A list of texts, or nil when it or any item is not.
  mutating func strings(_ node: Node, _ field: String) -> [String]? {
    guard let items = list(node, field) else { return nil }
    let values = items.map { string($0, "each entry of \(field)") }
    return values.contains(nil) ? nil : values.compactMap { $0 }
  }

  /// A non-empty, strictly ascending list of positive integers (bands, bins, horizons).
  mutating func ascending(_ node: Node, _ field: String) -> [Int]? {
    guard let items = list(node, field) else { return nil }
    let values = items.map { int($0, "each entry of \(field)", atLeast: 1) }
    guard !values.contains(nil) else { return nil }
    let numbers = values.compactMap { $0 }
    guard !numbers.isEmpty, zip(numbers, numbers.dropFirst()).allSatisfy({ $0 < $1 }) else {
      let shown = "[" + numbers.map(String.init).joined(separator: ", ") + "]"
      report(node, "\(field) must be ascending positive integers, got \(shown)")
      return nil
    }
    return numbers
  }
}

/// The checked entries of one YAML mapping.
struct Fields {
  /// The mapping's node, for the line of a missing key.
  let node: Node
  var values: [String: Node] = [:]
  var keyLines: [String: Int] = [:]
  /// Keys in file order.
  var order: [String] = []

  init(node: Node) { self.node = node }

  subscript(key: String) -> Node? { values[key] }
}
