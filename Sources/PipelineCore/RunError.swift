/// A data or run error (exit code 1): the inputs or the working area are not as the
/// run needs them; or, with `isConfiguration`, a pipeline file that names what the
/// inputs do not hold (exit code 2). Messages name files and lines, never person ids.
package struct RunError: Error, CustomStringConvertible, Sendable {
  package let message: String
  package let isConfiguration: Bool

  package init(_ message: String, isConfiguration: Bool = false) {
    self.message = message
    self.isConfiguration = isConfiguration
  }

  /// A stage result under `work/` that is not what its stage writes: `problem` (which
  /// names the file and line) and how to repair it.
  package static func unreadableResult(_ problem: String, stage: String = "the stage that wrote it") -> RunError {
    RunError("\(problem); rerun \(stage) with --force")
  }

  package var description: String { message }
}
