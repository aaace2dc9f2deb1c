#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A source pattern that names no file (SPEC 3: the run stops before any output).
public struct MissingFilesError: Error, Hashable, Sendable, CustomStringConvertible {
  public var source: String
  public var pattern: String

  public init(source: String, pattern: String) {
    self.source = source
    self.pattern = pattern
  }

  public var description: String {
    "source '\(source)': no file matches '\(pattern)'"
  }
}

extension SourceConfig {
  /// The files of this source: each pattern expanded with `glob(3)` against `directory`
  /// (absolute patterns as they are), sorted within the pattern, patterns in order.
  /// A pattern that matches nothing, or a plain path that does not exist, throws
  /// `MissingFilesError`.
  public func resolveFiles(relativeTo directory: String) throws -> [String] {
    var paths: [String] = []
    for pattern in files {
      let full = pattern.hasPrefix("/") ? pattern : directory + (directory.hasSuffix("/") ? "" : "/") + pattern
      let matches = Self.expand(full)
      guard !matches.isEmpty else { throw MissingFilesError(source: name, pattern: pattern) }
      paths += matches
    }
    return paths
  }

  /// Existing paths matching `pattern`, sorted by their bytes (not the locale).
  private static func expand(_ pattern: String) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    // GLOB_NOCHECK is not set: a pattern without matches yields nothing, even a plain path.
    guard glob(pattern, 0, nil, &result) == 0 else { return [] }
    let found = (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }
    return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }
}
