import Foundation
import PipelineCore
import RegisterIO

/// What a stage read and wrote, stored as `stamp.json` inside its folder under
/// `work/`. A stage is up to date when what it would read now equals `reads` and its
/// files are still there with the recorded sizes.
struct StageStamp: Codable, Equatable {
  /// Bumped when the layout of stage folders changes.
  static let currentFormat = 1

  var format = StageStamp.currentFormat
  var stage: String
  /// Named inputs and their fingerprints: `program`, `parameter NAME`, `input FILE`,
  /// `stage NAME` (the upstream stage's output hash).
  var reads: [String: String]
  /// The stage's files with their sizes and SHA-256.
  var outputs: [String: OutputFile]
  /// One hash over `outputs`: what downstream stages record as their read.
  var outputHash: String

  struct OutputFile: Codable, Equatable {
    var bytes: Int
    var sha256: String
  }

  static let fileName = "stamp.json"

  static func read(from folder: String) -> StageStamp? {
    guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return nil }
    return try? JSONDecoder().decode(StageStamp.self, from: data)
  }

  func write(to folder: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let text = String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    try AtomicFile.write(text, to: folder + "/" + StageStamp.fileName)
  }

  /// Why a stage with this stamp is stale given what it would read now; nil when it is
  /// up to date. The first difference in a fixed order explains it.
  func staleness(against current: [String: String], folder: String) -> String? {
    if format != StageStamp.currentFormat { return "stage folder format changed" }
    for key in (Set(reads.keys).union(current.keys)).sorted(by: StageStamp.explanationOrder) {
      switch (reads[key], current[key]) {
      case (let old?, let new?) where old != new: return StageStamp.describe(key, "changed")
      case (nil, _?): return StageStamp.describe(key, "added")
      case (_?, nil): return StageStamp.describe(key, "removed")
      default: continue
      }
    }
    for (name, file) in outputs.sorted(by: { $0.key < $1.key }) {
      let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)
      guard let size = attributes?[.size] as? Int, size == file.bytes else {
        return "result \(name) is missing or was modified"
      }
    }
    return nil
  }

  /// `program` first, then parameters, inputs and upstream stages, each alphabetically.
  private static func explanationOrder(_ a: String, _ b: String) -> Bool {
    func rank(_ key: String) -> Int {
      ["program", "parameter", "input", "stage"].firstIndex { key.hasPrefix($0) } ?? 4
    }
    return (rank(a), a) < (rank(b), b)
  }

  private static func describe(_ key: String, _ change: String) -> String {
    switch key {
    case "program": return "program version changed"
    case _ where key.hasPrefix("stage "): return "upstream \(key) \(change)"
    default: return "\(key) \(change)"
    }
  }
}
