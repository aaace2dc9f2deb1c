/// A data or run error (exit code 1): the inputs or the working area are not as the
/// run needs them; or, with `isConfiguration`, a pipeline file that names what the
/// inputs do not hold (exit code 2). Messages name files and lines, never person ids.
public struct RunError: Error, CustomStringConvertible, Sendable {
  public let message: String
  public let isConfiguration: Bool
  public init(_ message: String, isConfiguration: Bool = false) {
    self.message = message
    self.isConfiguration = isConfiguration
  }
  public var description: String { message }
}
