import RegisterModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input or output failure, worded for a researcher: it names the file and, where
/// there is one, the byte offset or line. It never holds field values.
public struct RegisterIOError: RegpipeError, CustomStringConvertible, Equatable, Sendable {
  public let message: String
  package var kind: ErrorKind { .data }

  public init(_ message: String) { self.message = message }

  public var description: String { message }

  static func system(_ path: String, _ action: String, errno code: Int32 = errno) -> RegisterIOError {
    RegisterIOError("\(path): cannot \(action): \(String(cString: strerror(code)))")
  }
}
