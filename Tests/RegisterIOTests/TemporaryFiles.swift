import Foundation
import RegisterIO

/// A folder of test inputs, removed when the test ends.
final class TemporaryFiles {
  let directory: String

  init() throws {
    directory = NSTemporaryDirectory() + "regpipe-io-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  /// Writes `bytes` to `name` (gzip-compressed when `gzip`) and returns its path.
  func write(_ bytes: [UInt8], to name: String, gzip: Bool = false) throws -> String {
    let path = directory + "/" + name
    if gzip {
      let writer = try GzipWriter(path: path)
      try writer.write(bytes)
      try writer.finish()
    } else {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
    return path
  }

  func write(_ text: String, to name: String, gzip: Bool = false) throws -> String {
    try write(Array(text.utf8), to: name, gzip: gzip)
  }
}
