import Dispatch
import Foundation
import TestSupport
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

// Helpers of the Reliability* tests. Every name starts with `Reliability` so nothing
// clashes with the other files of this target.

/// A value shared between threads under a lock.
final class ReliabilityLocked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value
  init(_ value: Value) { stored = value }
  var value: Value { lock.withLock { stored } }
  func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}

/// Runs the built `regpipe` and inspects what it leaves behind.
enum ReliabilityHarness {

  /// The built `regpipe` (found as the other end-to-end tests find it).
  static var binary: String { Regpipe.binary.path }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var seconds: Double
  }

  /// Runs `regpipe arguments` in `directory` and waits (at most `timeout` seconds: a run
  /// that takes longer is killed and fails the test).
  static func run(
    _ arguments: [String], in directory: String, timeout: Double = 120, shellPrefix: String? = nil,
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> Result {
    let process = Process()
    if let shellPrefix {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      let quoted = ([binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
      process.arguments = ["-c", shellPrefix + " exec " + quoted.joined(separator: " ")]
    } else {
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = arguments
    }
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let started = Date()
    try process.run()
    let outData = ReliabilityLocked(Data())
    let errData = ReliabilityLocked(Data())
    let group = DispatchGroup()
    for (pipe, sink) in [(out, outData), (err, errData)] {
      group.enter()
      DispatchQueue.global().async {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        sink.update { $0 = data }
        group.leave()
      }
    }
    if group.wait(timeout: .now() + timeout) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      XCTFail("regpipe \(arguments.joined(separator: " ")) did not finish within \(timeout) s", file: file, line: line)
    }
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData.value, as: UTF8.self),
      stderr: String(decoding: errData.value, as: UTF8.self), seconds: Date().timeIntervalSince(started))
  }

  /// A fresh temporary folder, removed when the test ends.
  static func temporaryFolder(_ test: XCTestCase, _ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "regpipe-\(name)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
  }

  /// Every file under `folder` (relative path → bytes); empty when there is no folder.
  static func snapshot(_ folder: String) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return result }
    while let name = walker.nextObject() as? String {
      var isFolder: ObjCBool = false
      let path = folder + "/" + name
      if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
        result[name] = FileManager.default.contents(atPath: path) ?? Data()
      }
    }
    return result
  }

  static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

  /// gzip-compresses `text` into `path` with the system's gzip (independent of the reader under test).
  static func gzip(_ bytes: Data, to path: String) throws {
    let plain = path + ".plain"
    try bytes.write(to: URL(fileURLWithPath: plain))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -n -c '\(plain)' > '\(path)' && rm '\(plain)'"]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw FuzzFailure("gzip failed for \(path)") }
  }

  /// The text of a plain or gzip file, uncompressed with the system's gzip: UTF-8, or
  /// Latin-1 where the bytes are not UTF-8.
  static func text(of path: String) throws -> String {
    let data = try self.data(of: path)
    return String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) ?? ""
  }

  /// Lines split at LF bytes (a CRLF is one Character, so `split(separator: "\n")`
  /// would not split it), each without its CR.
  static func lines(_ text: String) -> [String] {
    text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var scalars = String.UnicodeScalarView(line)
      if scalars.last == "\r" { scalars.removeLast() }
      return String(scalars)
    }
  }

  static func data(of path: String) throws -> Data {
    guard path.hasSuffix(".gz") else { return try Data(contentsOf: URL(fileURLWithPath: path)) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -dc '\(path)'"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
  }

  /// Person ids (10- and 9-digit forms, and `DDMMYY-SSSS`) found in `text`.
  static func leakedIDs(_ ids: Set<String>, in text: String) -> [String] {
    var found: Set<String> = []
    var run: [UInt8] = []
    func flush() {
      // Every 9- and 10-digit window of a digit run: ids hide inside longer numbers too.
      if run.count >= 9 {
        for length in [9, 10] where run.count >= length {
          for start in 0...(run.count - length) {
            let window = String(decoding: run[start..<(start + length)], as: UTF8.self)
            if ids.contains(window) { found.insert(window) }
            if length == 9, ids.contains("0" + window) { found.insert("0" + window) }
          }
        }
      }
      run.removeAll()
    }
    let bytes = Array(text.utf8)
    for (index, byte) in bytes.enumerated() {
      if byte >= 0x30 && byte <= 0x39 {
        run.append(byte)
      } else if byte == UInt8(ascii: "-"), run.count == 6, index + 4 < bytes.count + 1 {
        continue  // DDMMYY-SSSS reads as one run
      } else {
        flush()
      }
    }
    flush()
    return found.sorted()
  }
}
