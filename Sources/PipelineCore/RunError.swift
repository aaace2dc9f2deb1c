import RegisterModel

/// A data or run error: the inputs or the working area are not as the run needs them;
/// or, of kind `.configuration`, a pipeline file that names what the inputs do not
/// hold. Messages name files and lines, never person ids.
package struct RunError: RegpipeError, Sendable {
  package let message: String
  package let kind: ErrorKind

  package init(_ message: String, kind: ErrorKind = .data) {
    self.message = message
    self.kind = kind
  }

  /// A stage result under `work/` that is not what its stage writes: `problem` (which
  /// names the file and line) and how to repair it.
  package static func unreadableResult(_ problem: String, stage: String = "the stage that wrote it") -> RunError {
    RunError("\(problem); rerun \(stage) with --force")
  }

  package var description: String { message }
}
