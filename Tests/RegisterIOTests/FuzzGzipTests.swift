import Foundation
import RegisterIO
import TestSupport
import XCTest

/// `ByteReader` on mutated gzip files (truncations, bit flips, insertions, deletions,
/// garbage after the end). Every input must either read to a result the mutation allows
/// or throw an error that names the file; nothing may crash or hang.
///
/// Oracle for a successful read: the bytes are the original text, or the text of the
/// first members when the file was cut exactly after one, or — when the mutation broke
/// the gzip magic — the file's own bytes read as plain text. Anything else means corrupt
/// data got through.
final class FuzzGzipTests: XCTestCase {
  /// Three members, as `cat a.gz b.gz c.gz` makes, of register-like text.
  static let members: [[UInt8]] = (0..<3).map { member in
    var text = "PNR;BOFORM;INDDTO;UDDTO\n"
    var random = SplitMix64(seed: UInt64(member) + 11)
    for _ in 0..<(40 + member * 60) {
      text += "\(1_000_000_000 + random.below(999_999_999));\(random.below(300));"
      text += "\(1 + random.below(28))MAR20\(10 + random.below(14));\n"
    }
    return Array(text.utf8)
  }

  static let fixture: (bytes: [UInt8], memberEnds: [Int]) = {
    let folder = NSTemporaryDirectory() + "regpipe-fuzz-gzip-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var bytes: [UInt8] = []
    var ends: [Int] = []
    for (index, member) in members.enumerated() {
      let path = folder + "/\(index).gz"
      let writer = try! GzipWriter(path: path, level: 6)
      try! writer.write(member)
      try! writer.finish()
      bytes += [UInt8](FileManager.default.contents(atPath: path)!)
      ends.append(bytes.count)
    }
    return (bytes, ends)
  }()

  /// What reading `path` gave: its bytes, or the error.
  static func read(_ path: String, bufferSize: Int, chunk: Int, limit: Int) throws -> Result<[UInt8], RegisterIOError> {
    var output: [UInt8] = []
    do {
      let reader = try ByteReader(path: path, bufferSize: bufferSize)
      var buffer = [UInt8](repeating: 0, count: chunk)
      var reads = 0
      while true {
        let n = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
        if n == 0 { break }
        output += buffer[0..<n]
        reads += 1
        // Three members inflate to well under 100 kB: more output than that is a loop.
        if output.count > 1 << 20 || reads > 1 << 20 {
          throw FuzzFailure("the reader produced more than 1 MiB from a \(limit)-byte file")
        }
      }
      if reader.isGzip && reader.bytesConsumed > limit {
        throw FuzzFailure("bytesConsumed \(reader.bytesConsumed) is beyond the file's \(limit) bytes")
      }
      return .success(output)
    } catch let error as RegisterIOError {
      return .failure(error)
    }
  }

  static func outcome(_ result: Result<[UInt8], RegisterIOError>) -> String {
    switch result {
    case .success: return "read"
    case .failure(let error): return error.message.contains("truncated") ? "truncated" : "corrupt"
    }
  }

  static func check(_ input: [UInt8], path: String, bufferSize: Int, chunk: Int) throws -> String {
    try fuzzWrite(input, to: path)
    let result = try read(path, bufferSize: bufferSize, chunk: chunk, limit: input.count)
    // The outcome must not depend on how the file happens to be cut into buffers.
    let reference = try read(path, bufferSize: 1 << 18, chunk: 1 << 16, limit: input.count)
    guard outcome(result) == outcome(reference), (try? result.get()) == (try? reference.get()) else {
      throw FuzzFailure(
        "buffer size \(bufferSize), chunk \(chunk) gave \(outcome(result)), the default buffer \(outcome(reference))"
          + " (\((try? result.get())?.count ?? -1) vs \((try? reference.get())?.count ?? -1) bytes)")
    }
    let output: [UInt8]
    switch result {
    case .failure(let error):
      guard !error.message.isEmpty, error.message.startsNaming(path) else {
        throw FuzzFailure("error does not name the file: \(error.message)")
      }
      let offsetWords = ["truncated gzip stream", "corrupt gzip stream"]
      if input.count >= 2, input[0] == 0x1F, input[1] == 0x8B,
        !offsetWords.contains(where: error.message.contains),
        !error.message.contains("cannot start gzip")
      {
        throw FuzzFailure("a gzip error without a byte offset: \(error.message)")
      }
      return outcome(result)
    case .success(let bytes):
      output = bytes
    }
    if input.count < 2 || input[0] != 0x1F || input[1] != 0x8B {
      guard output == input else { throw FuzzFailure("a plain file was not read as it is") }
      return "plain"
    }
    let full = members.joined()
    if output == Array(full) { return "intact" }
    var prefix: [UInt8] = []
    for (member, end) in zip(members, fixture.memberEnds) {
      prefix += member
      if output == prefix, input.count >= end, input.count <= end + 64 {
        return "member prefix"
      }
    }
    throw FuzzFailure("read \(output.count) bytes that are neither the data nor a whole-member prefix")
  }

  func testMutatedGzipEitherReadsCorrectlyOrNamesTheFile() throws {
    let folder = NSTemporaryDirectory() + "regpipe-fuzz-gzip-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let original = Self.fixture.bytes
    let path = folder + "/extract.csv.gz"
    let summary = Fuzz.run(
      "gzip", cases: 3000,
      generate: { random in
        // Half the cases aim at the structure: cut anywhere, or flip one bit anywhere.
        var data = original
        switch random.below(4) {
        case 0: data.removeSubrange(random.below(data.count)...)
        case 1: data[random.below(data.count)] ^= 1 << UInt8(random.below(8))
        default: data = Mutate.bytes(data, &random)
        }
        // Buffer and chunk sizes ride along in two leading bytes, so a saved input replays exactly.
        return [UInt8(random.below(256)), UInt8(random.below(256))] + data
      },
      check: { input in
        let bufferSize = 2 + Int(input[0]) * 8
        let chunk = 1 + Int(input[1]) * 3
        return try Self.check(Array(input.dropFirst(2)), path: path, bufferSize: bufferSize, chunk: chunk)
      })
    // The corpus must exercise every outcome, or the oracle proves little.
    for outcome in ["intact", "truncated", "corrupt"] {
      XCTAssertGreaterThan(summary.notes[outcome] ?? 0, 0, "no case ended \(outcome)")
    }
  }

  /// Inputs that once broke the reader (`Fixtures/broken/regressions/gzip/`), replayed.
  func testGzipRegressions() throws {
    let folder = NSTemporaryDirectory() + "regpipe-fuzz-gzip-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (name, bytes) in Fuzz.regressions("gzip") where bytes.count >= 2 {
      XCTAssertNoThrow(
        try Self.check(
          Array(bytes.dropFirst(2)), path: folder + "/x.gz", bufferSize: 2 + Int(bytes[0]) * 8,
          chunk: 1 + Int(bytes[1]) * 3), name)
    }
  }
}
