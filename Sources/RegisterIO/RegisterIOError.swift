import RegisterModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input or output failure, worded for a researcher: it names the file and, where
/// there is one, the byte offset or line. It never holds field values.
package struct RegisterIOError: RegpipeError, CustomStringConvertible, Equatable, Sendable {
  package let message: String
  package var kind: ErrorKind { .data }

  package init(_ message: String) { self.message = message }

  package var description: String { message }

  static func system(_ path: String, _ action: String, errno code: Int32 = errno) -> RegisterIOError {
    RegisterIOError("\(path): cannot \(action): \(String(cString: strerror(code)))")
  }
}
