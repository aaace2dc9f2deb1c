import Foundation
import PipelineCore
import XCTest

final class HashingTests: XCTestCase {
  func testKnownDigests() {
    XCTAssertEqual(
      Hashing.sha256(string: "abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    XCTAssertEqual(
      Hashing.sha256(bytes: [UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  func testFileDigestStreamsAcrossChunks() throws {
    let path = NSTemporaryDirectory() + "regpipe-hash-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: path) }
    // Three chunks and a bit, so the streaming loop runs more than once.
    let bytes = (0..<(3 * 1_048_576 + 17)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    XCTAssertEqual(try Hashing.sha256(fileAt: path), Hashing.sha256(bytes: bytes))
    XCTAssertThrowsError(try Hashing.sha256(fileAt: path + ".absent")) {
      XCTAssertEqual(String(describing: $0), "cannot read '\(path).absent'")
    }
  }

  func testStableHasherIsDeterministicAndUnambiguous() {
    func digest(_ fields: [(String, String)]) -> String {
      var hasher = StableHasher()
      for (name, value) in fields { hasher.add(name, value) }
      return hasher.finalize()
    }
    let fields = [("parameter episode_gap_days", "30"), ("input file a.csv", "ba78")]
    XCTAssertEqual(digest(fields), digest(fields))
    XCTAssertEqual(digest([("a", "b")]), Hashing.sha256(string: "1:a1:b"))
    XCTAssertNotEqual(digest([("ab", "c")]), digest([("a", "bc")]))
    XCTAssertNotEqual(digest(fields), digest(fields.reversed()))
  }
}
