import Foundation
import XCTest

/// The package's root folder (fixtures and pipelines are found from here), and the
/// working directory of every command the tests run.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// What one `regpipe` command did.
struct CommandResult {
  var status: Int32
  var stdout: String
  var stderr: String

  var lines: [String] {
    stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastIfEmpty
  }
}

extension Array where Element == String {
  fileprivate var dropLastIfEmpty: [String] { last == "" ? Array(dropLast()) : self }
}

enum Regpipe {
  /// The built `regpipe` executable: `REGPIPE_BINARY` when set, else the one in the build
  /// products folder that holds the test bundle (as swift-argument-parser's example tests
  /// find theirs), else `.build/debug/regpipe` under the package.
  static let binary: URL = {
    var candidates: [URL] = []
    if let path = ProcessInfo.processInfo.environment["REGPIPE_BINARY"] {
      candidates.append(URL(fileURLWithPath: path))
    }
    #if os(macOS)
      for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("regpipe"))
      }
    #endif
    // On Linux the test bundle is an executable in the products folder.
    candidates.append(Bundle.main.bundleURL.appendingPathComponent("regpipe"))
    if let executable = Bundle.main.executableURL {
      candidates.append(executable.deletingLastPathComponent().appendingPathComponent("regpipe"))
    }
    let arguments = ProcessInfo.processInfo.arguments
    if let first = arguments.first {
      candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("regpipe"))
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/regpipe"))
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue {
        return candidate
      }
    }
    fatalError("regpipe executable not found; looked at \(candidates.map(\.path))")
  }()

  /// Runs `regpipe ARGUMENTS` in the package root and waits for it. Output goes through
  /// files, so neither stream can fill a pipe and block the process.
  @discardableResult
  static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> CommandResult {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("regpipe-e2e-io-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return CommandResult(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}

/// A fresh temporary folder per test, removed afterwards.
class EndToEndCase: XCTestCase {
  private(set) var temporary: URL!

  override func setUpWithError() throws {
    temporary = FileManager.default.temporaryDirectory
      .appendingPathComponent("regpipe-e2e-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    if let temporary { try? FileManager.default.removeItem(at: temporary) }
  }

  /// A folder under the test's temporary folder (not created).
  func folder(_ name: String) -> String { temporary.appendingPathComponent(name).path }

  /// `regpipe run PIPELINE --output OUTPUT -q EXTRA…`, expecting `status`.
  @discardableResult
  func run(
    _ pipeline: String, output: String, _ extra: [String] = [], status: Int32 = 0,
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> CommandResult {
    let result = try Regpipe.run(["run", pipeline, "--output", output, "-q"] + extra)
    XCTAssertEqual(
      result.status, status, "stdout:\n\(result.stdout)\nstderr:\n\(result.stderr)", file: file, line: line)
    return result
  }

  /// The stage lines of a run's output (without the `tables:` and `report:` lines).
  func stageLines(_ result: CommandResult) -> [String] {
    result.lines.filter { !$0.hasPrefix("tables: ") && !$0.hasPrefix("report: ") }
  }

  /// Copies a fixture pipeline into the temporary folder with its `files` made absolute, so
  /// the copy reads the same data, after applying `edits` (each `(old, new)` must match).
  func pipelineCopy(
    of pipeline: String, named name: String, _ edits: [(String, String)] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> String {
    let source = packageRoot.appendingPathComponent(pipeline)
    var text = try String(contentsOf: source, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "files: [\"", with: "files: [\"\(source.deletingLastPathComponent().path)/")
    for (old, new) in edits {
      XCTAssertTrue(text.contains(old), "\(pipeline) has no '\(old)'", file: file, line: line)
      text = text.replacingOccurrences(of: old, with: new)
    }
    let path = temporary.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Writes `text` as a pipeline file in the temporary folder.
  func writePipeline(_ text: String, named name: String) throws -> String {
    let path = temporary.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  /// Every regular file under `folder`, as paths relative to it, sorted.
  func files(under folder: String) throws -> [String] {
    (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &isFolder) && !isFolder.boolValue
    }.sorted()
  }
}

/// Stage lines of a run in which every stage ran for `reason`.
func allRan(_ reason: String) -> [String] {
  ["load", "dedup", "classify", "repeat_use", "welfare_use", "transitions", "publish"].map { "\($0): ran (\(reason))" }
}

/// Stage lines of a run in which every stage was up to date.
let allSkipped = ["load", "dedup", "classify", "repeat_use", "welfare_use", "transitions", "publish"].map {
  "\($0): skipped (up to date)"
}
