/// A data or run error (exit code 1): the inputs or the working area are not as the
/// run needs them. Messages name files and lines, never person ids.
public struct RunError: Error, CustomStringConvertible, Sendable {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
