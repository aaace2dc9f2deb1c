import Dispatch
import Foundation
import TestSupport
import XCTest

/// Byte-level mutations of a valid input.
enum Mutate {
  static let interesting: [UInt8] = [0, 0xFF, 0x1F, 0x8B, 0x0A, 0x0D, 0x22, 0x3B, 0x2C, 0x09, 0x80, 0xC3]

  /// One to `rounds` random mutations of `input`.
  static func bytes(_ input: [UInt8], _ random: inout SplitMix64, rounds: Int = 3) -> [UInt8] {
    var data = input
    for _ in 0..<(1 + random.below(rounds)) {
      switch random.below(8) {
      case 0 where !data.isEmpty:  // truncate
        data.removeSubrange(random.below(data.count)...)
      case 1 where !data.isEmpty:  // flip one to three bits
        for _ in 0..<(1 + random.below(3)) {
          data[random.below(data.count)] ^= 1 << UInt8(random.below(8))
        }
      case 2:  // insert random bytes
        let at = random.below(data.count + 1)
        data.insert(contentsOf: (0..<(1 + random.below(16))).map { _ in random.byte() }, at: at)
      case 3 where !data.isEmpty:  // delete a range
        let at = random.below(data.count)
        data.removeSubrange(at..<min(data.count, at + 1 + random.below(32)))
      case 4 where !data.isEmpty:  // an interesting byte
        data[random.below(data.count)] = random.pick(interesting)
      case 5 where !data.isEmpty:  // duplicate a chunk
        let at = random.below(data.count)
        let chunk = Array(data[at..<min(data.count, at + 1 + random.below(64))])
        data.insert(contentsOf: chunk, at: random.below(data.count + 1))
      case 6:  // append garbage or zeros
        let zeros = random.chance(0.5)
        data += (0..<(1 + random.below(32))).map { _ in zeros ? 0 : random.byte() }
      default:  // overwrite a random byte
        if !data.isEmpty { data[random.below(data.count)] = random.byte() }
      }
    }
    return data
  }
}

extension String {
  /// True when the message starts by naming `path` (`path: …` or `path:line: …`).
  func startsNaming(_ path: String) -> Bool { hasPrefix(path + ":") }
}

/// Writes a fuzz input with plain POSIX calls (Foundation's atomic writes sync to disk,
/// which would make thousands of cases slow).
func fuzzWrite(_ bytes: [UInt8], to path: String) throws {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard fd >= 0 else { throw FuzzFailure("cannot create \(path)") }
  defer { close(fd) }
  var offset = 0
  while offset < bytes.count {
    let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
    guard n > 0 else { throw FuzzFailure("cannot write \(path)") }
    offset += n
  }
}
