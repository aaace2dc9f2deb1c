/// What a user must change to get past an error, which decides the exit code.
package enum ErrorKind: Sendable, Hashable {
  /// The inputs, the work area or the run (exit code 1).
  case data
  /// The pipeline file or the command line (exit code 2).
  case configuration

  package var exitCode: Int32 { self == .configuration ? 2 : 1 }
}

/// An error regpipe reports to its user: each module throws its own typed errors, and
/// the command line turns any of them into its description and `kind.exitCode` in one
/// place. Descriptions name files and lines, never a person id.
package protocol RegpipeError: Error, CustomStringConvertible {
  var kind: ErrorKind { get }
}
