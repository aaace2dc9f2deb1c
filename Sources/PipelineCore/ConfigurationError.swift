import RegisterModel

/// One problem found in a pipeline file, at the line it concerns.
package struct ConfigurationProblem: Hashable, Sendable, CustomStringConvertible {
  /// 1-based line in the pipeline file; 0 for the file as a whole (unreadable, not UTF-8).
  package var line: Int
  package var message: String

  /// Line breaks in `message` (a value quoted from the file) are shown as `\n`, so each
  /// problem stays one `<path>:<line>: …` line of the error.
  package init(line: Int, message: String) {
    self.line = line
    self.message =
      message.contains(where: \.isNewline)
      ? message.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "\\n")
      : message
  }

  package var description: String { "\(line): \(message)" }
}

/// Every problem of a pipeline file at once, so an analyst can fix them in one go.
/// Its description has one `<path>:<line>: <message>` line per problem, sorted by line
/// (`<path>: <message>` for line 0).
package struct ConfigurationError: RegpipeError, Hashable, Sendable {
  package var kind: ErrorKind { .configuration }
  /// The pipeline file as given to `load(path:)`.
  package var path: String
  /// Sorted by line, then in the order they were found.
  package var problems: [ConfigurationProblem]

  package init(path: String, problems: [ConfigurationProblem]) {
    self.path = path
    self.problems = problems.enumerated()
      .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
      .map(\.element)
  }

  package var description: String {
    problems.map { $0.line > 0 ? "\(path):\($0.line): \($0.message)" : "\(path): \($0.message)" }
      .joined(separator: "\n")
  }
}
