#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a result under a temporary name and renames it into place, so a reader sees
/// the previous complete file or the new complete one, never a partial one.
public enum AtomicFile {
  /// The temporary name used beside `path` while it is written.
  public static func temporaryPath(for path: String) -> String {
    let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
      .joined(separator: "/")
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let prefix = directory.isEmpty ? "" : directory + "/"
    return "\(prefix).\(name).\(getpid()).tmp"
  }

  /// Runs `body` with a temporary path, then renames it to `path`; on error the
  /// temporary file is removed and `path` is left as it was.
  public static func write<T>(to path: String, _ body: (String) throws -> T) throws -> T {
    let temporary = temporaryPath(for: path)
    do {
      let result = try body(temporary)
      try rename(temporary, to: path)
      return result
    } catch {
      unlink(temporary)
      throw error
    }
  }

  /// Writes `text` atomically to `path`.
  public static func write(_ text: String, to path: String) throws {
    try write(to: path) { temporary in
      let sink = try FileSink(path: temporary)
      try sink.write(text)
      try sink.close()
    }
  }

  public static func rename(_ from: String, to: String) throws {
    guard Glibc.rename(from, to) == 0 else { throw RegisterIOError.system(to, "rename \(from) to it") }
  }
}
