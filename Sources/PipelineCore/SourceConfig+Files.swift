import Foundation
import RegisterModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A source pattern that names no file (SPEC 3: the run stops before any output).
/// A configuration error (exit 2): the pipeline file names files that are not there.
package struct MissingFilesError: RegpipeError, Hashable, Sendable {
  package var kind: ErrorKind { .configuration }
  package var source: String
  package var pattern: String
  /// The pattern as looked up: relative patterns are resolved from the pipeline file's folder.
  package var resolved: String
  /// The pipeline file's folder, or nil for an absolute pattern.
  package var folder: String?

  package init(source: String, pattern: String, resolved: String? = nil, folder: String? = nil) {
    self.source = source
    self.pattern = pattern
    self.resolved = resolved ?? pattern
    self.folder = folder
  }

  package var description: String {
    let place =
      folder.map { " (looked for \(resolved): relative patterns are resolved from the pipeline file's folder, \($0))" }
      ?? ""
    return "source '\(source)': no file matches '\(pattern)'" + place
  }
}

extension SourceConfig {
  /// The files of this source: each pattern expanded with `glob(3)` against `directory`
  /// (absolute patterns as they are), sorted within the pattern, patterns in order.
  /// A pattern that matches nothing, or a plain path that does not exist, throws
  /// `MissingFilesError`.
  package func resolveFiles(relativeTo directory: String) throws -> [String] {
    var paths: [String] = []
    for pattern in files {
      let full = pattern.hasPrefix("/") ? pattern : directory + (directory.hasSuffix("/") ? "" : "/") + pattern
      let matches = Self.expand(full)
      guard !matches.isEmpty else {
        // Absolute in the message, so it says where the run looked whatever the current folder.
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardized.path }
        throw MissingFilesError(
          source: name, pattern: pattern, resolved: absolute(full),
          folder: pattern.hasPrefix("/") ? nil : absolute(directory))
      }
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
