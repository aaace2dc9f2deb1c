import Crypto
import Foundation
import RegisterModel

/// SHA-256 digests as lowercase hex, for input files, outputs and stage stamps (SPEC 10).
package enum Hashing {
  /// Bytes read per step when hashing a file, so large registers are never held whole.
  static let chunkSize = 1 << 20

  package static func sha256(bytes: some DataProtocol) -> String {
    hex(SHA256.hash(data: bytes))
  }

  package static func sha256(string: String) -> String {
    sha256(bytes: Array(string.utf8))
  }

  /// The digest of a file's bytes, streamed in 1 MiB chunks.
  package static func sha256(fileAt path: String) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw UnreadableFileError(path: path) }
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
      hasher.update(data: chunk)
    }
    return hex(hasher.finalize())
  }

  static func hex(_ digest: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in digest {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// A file that cannot be opened for hashing.
package struct UnreadableFileError: RegpipeError, Hashable, Sendable {
  package var kind: ErrorKind { .data }
  package var path: String
  package var description: String { "cannot read '\(path)'" }
}

/// Combines named fields into one SHA-256 digest, e.g. a stage's input hash from
/// "parameter episode_gap_days = 30" and "input file boform110.csv.gz = <sha>". Each
/// name and value is length-prefixed, so no two different field lists hash alike; the
/// order of `add` calls matters and callers fix it.
package struct StableHasher: Sendable {
  private var hasher = SHA256()

  package init() {}

  package mutating func add(_ name: String, _ value: String) {
    for part in [name, value] {
      hasher.update(data: Array("\(part.utf8.count):".utf8))
      hasher.update(data: Array(part.utf8))
    }
  }

  /// The digest of every field added so far, as lowercase hex.
  package func finalize() -> String { Hashing.hex(hasher.finalize()) }
}
