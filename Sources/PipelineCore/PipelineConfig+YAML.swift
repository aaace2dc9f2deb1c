import Foundation
import RegisterModel
import Yams

extension PipelineConfig {
  /// Top-level keys of a pipeline file (SPEC 2).
  static let topLevelKeys = ["pipeline", "window", "censor_date", "sources", "parameters", "publish"]

  /// Reads and validates the pipeline file at `path`. Relative `files` patterns will
  /// resolve against the file's folder. Throws a `ConfigurationError` listing every
  /// problem found.
  package static func load(path: String) throws -> PipelineConfig {
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
  package static func parse(yaml: String, path: String, directory: String) throws -> PipelineConfig {
    if let problem = nestingProblem(yaml) { throw ConfigurationError(path: path, problems: [problem]) }
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw ConfigurationError(path: path, problems: [syntaxProblem(error)])
    }
    var reader = ConfigReader(path: path)
    let config = root.flatMap { read($0, directory: directory, reader: &reader) }
    if root == nil { reader.report(line: 1, "the pipeline file is empty") }
    guard reader.problems.isEmpty, let config else {
      throw ConfigurationError(path: path, problems: reader.problems)
    }
    return config
  }

  /// Deepest flow nesting (`[`, `{`) and block indentation a pipeline file may have.
  static let maximumFlowNesting = 64
  static let maximumIndentation = 256

  /// Yams composes nodes recursively, so a file nested some thousands of levels deep
  /// overflowed the stack: `regpipe` died with SIGSEGV instead of naming the file. No
  /// pipeline file needs more than a few levels, so deeper text is refused before Yams
  /// reads it. Brackets are counted outside comments (quotes are not tracked, so the
  /// count errs on the high side only for text no pipeline file holds).
  static func nestingProblem(_ yaml: String) -> ConfigurationProblem? {
    var line = 1
    var depth = 0
    var indent = 0
    var atLineStart = true
    var inComment = false
    var previous: UInt8 = 0x0A
    for byte in yaml.utf8 {
      defer { previous = byte }
      if byte == 0x0A {
        line += 1
        indent = 0
        atLineStart = true
        inComment = false
        continue
      }
      if inComment { continue }
      if atLineStart {
        if byte == 0x20 || byte == 0x2D {  // indentation and "- " sequence entries nest alike
          indent += 1
          if indent > maximumIndentation {
            return ConfigurationProblem(
              line: line,
              message: "nested more than \(maximumIndentation) columns deep; a pipeline file needs a few levels")
          }
          continue
        }
        atLineStart = false
      }
      switch byte {
      case 0x23 where previous == 0x20 || previous == 0x09 || previous == 0x0A: inComment = true
      case 0x5B, 0x7B:
        depth += 1
        if depth > maximumFlowNesting {
          return ConfigurationProblem(
            line: line,
            message: "brackets nested more than \(maximumFlowNesting) deep; a pipeline file needs a few levels")
        }
      case 0x5D, 0x7D: depth = max(0, depth - 1)
      default: break
      }
    }
    return nil
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
    case .reader(let problem, let offset, _, let yaml):
      // Yams' own description spans lines and quotes the file; one line with its number.
      // (`offset` counts Characters.)
      let line = offset.map { yaml.prefix($0).reduce(1) { $1.isNewline ? $0 + 1 : $0 } } ?? 0
      return ConfigurationProblem(line: line, message: "YAML syntax error: \(problem)")
    default:
      let text = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
      return ConfigurationProblem(line: 0, message: "YAML error: \(text)")
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
        node,
        "\(field) must be a safe folder name (letters, digits, '-', '_', '.'; "
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
