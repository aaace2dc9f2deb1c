import Foundation
import RegisterModel
import Yams

extension PipelineConfig {
  /// Top-level keys of a pipeline file (SPEC 2).
  static let topLevelKeys = ["pipeline", "window", "censor_date", "sources", "parameters", "publish"]

  /// Reads and validates the pipeline file at `path`. Relative `files` patterns will
  /// resolve against the file's folder. Throws a `ConfigurationError` listing every
  /// problem found.
  public static func load(path: String) throws -> PipelineConfig {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigurationError(
        path: path, problems: [ConfigurationProblem(line: 0, message: "cannot read the pipeline file")])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigurationError(
        path: path, problems: [ConfigurationProblem(line: 0, message: "the pipeline file is not UTF-8 text")])
    }
    return try parse(yaml: text, path: path, directory: folder(of: path))
  }

  /// Validates pipeline-file text; `path` only labels messages, `directory` becomes
  /// `PipelineConfig.directory`.
  public static func parse(yaml: String, path: String, directory: String) throws -> PipelineConfig {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw ConfigurationError(path: path, problems: [syntaxProblem(error)])
    }
    var reader = ConfigReader()
    let config = root.flatMap { read($0, directory: directory, reader: &reader) }
    if root == nil { reader.report(line: 1, "the pipeline file is empty") }
    guard reader.problems.isEmpty, let config else {
      throw ConfigurationError(path: path, problems: reader.problems)
    }
    return config
  }

  /// The folder of a file path: `Pipelines` for `Pipelines/nightly.yaml`, `.` for a bare name.
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  private static func syntaxProblem(_ error: YamlError) -> ConfigurationProblem {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return ConfigurationProblem(line: mark.line, message: "YAML syntax error: \(problem)")
    default:
      return ConfigurationProblem(line: 0, message: "YAML error: \(error)")
    }
  }

  private static func read(_ root: Node, directory: String, reader: inout ConfigReader) -> PipelineConfig? {
    guard
      let top = reader.mapping(
        root, field: "the pipeline file", place: "", allowed: topLevelKeys)
    else { return nil }
    reader.require(["pipeline", "window", "censor_date", "sources"], in: top, place: "")

    let name = top["pipeline"].flatMap { readName($0, field: "'pipeline'", reader: &reader) }
    let window = top["window"].flatMap { readWindow($0, reader: &reader) }
    let censorDate = top["censor_date"].flatMap { reader.date($0, "'censor_date'") }
    var services: [String] = []
    let sources = top["sources"].flatMap { SourceConfig.readAll($0, services: &services, reader: &reader) }
    var parameters = window.flatMap { window in
      censorDate.map { AnalysisParameters(window: window, censorDate: $0) }
    }
    // An empty `parameters:` or `publish:` (everything commented out) means the defaults.
    if let node = top["parameters"], !ConfigReader.isNull(node) {
      AnalysisParameters.read(node, into: &parameters, services: services, reader: &reader)
    }
    var publish = PublishConfig()
    if let node = top["publish"], !ConfigReader.isNull(node) { publish.read(node, reader: &reader) }

    guard let name, let sources, let parameters else { return nil }
    return PipelineConfig(
      name: name, directory: directory, sources: sources, parameters: parameters, publish: publish)
  }

  /// A name that is safe as a folder name: letters, digits, `-`, `_`, `.`, not starting with `.`.
  static func readName(_ node: Node, field: String, reader: inout ConfigReader) -> String? {
    guard let text = reader.string(node, field) else { return nil }
    let safe = text.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
    }
    guard safe, !text.hasPrefix(".") else {
      reader.report(
        node, "\(field) must be a safe folder name (letters, digits, '-', '_', '.'; "
          + "not starting with '.'), got '\(text)'")
      return nil
    }
    return text
  }

  private static func readWindow(_ node: Node, reader: inout ConfigReader) -> Window? {
    guard let fields = reader.mapping(node, field: "'window'", place: " in window", allowed: ["from", "to"])
    else { return nil }
    reader.require(["from", "to"], in: fields, place: " in window")
    let from = fields["from"].flatMap { reader.date($0, "'from' in window") }
    let to = fields["to"].flatMap { reader.date($0, "'to' in window") }
    guard let from, let to else { return nil }
    guard from <= to else {
      reader.report(node, "window: from \(from) is after to \(to)")
      return nil
    }
    return Window(from: from, to: to)
  }
}
