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
  /// What the stage read, each with its fingerprint (a setting's value, a file's
  /// digest, an upstream stage's output hash).
  var reads: [StampKey: String]
  /// The stage's files with their sizes and SHA-256.
  var outputs: [String: OutputFile]
  /// One hash over `outputs`: what downstream stages record as their read.
  var outputHash: String

  init(stage: String, reads: [StampKey: String], outputs: [String: OutputFile], outputHash: String) {
    self.stage = stage
    self.reads = reads
    self.outputs = outputs
    self.outputHash = outputHash
  }

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
    try Artefact.writeJSON(self, to: folder + "/" + StageStamp.fileName)
  }

  /// Why a stage with this stamp is stale given what it would read now; nil when it is
  /// up to date. The first difference in `StampKey` order explains it.
  func staleness(against current: [StampKey: String], folder: String) -> String? {
    if format != StageStamp.currentFormat { return "stage folder format changed" }
    for key in Set(reads.keys).union(current.keys).sorted() {
      switch (reads[key], current[key]) {
      case (let old?, let new?) where old != new: return key.reason("changed")
      case (nil, _?): return key.reason("added")
      case (_?, nil): return key.reason("removed")
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
}

extension StageStamp {
  private enum CodingKeys: String, CodingKey { case format, stage, reads, outputs, outputHash }

  /// `reads` as an object keyed by `StampKey.text`, so `stamp.json` reads as before.
  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    format = try container.decode(Int.self, forKey: .format)
    stage = try container.decode(String.self, forKey: .stage)
    var reads: [StampKey: String] = [:]
    for (text, value) in try container.decode([String: String].self, forKey: .reads) {
      guard let key = StampKey(text: text) else {
        throw DecodingError.dataCorruptedError(forKey: .reads, in: container, debugDescription: "unknown read \(text)")
      }
      reads[key] = value
    }
    self.reads = reads
    outputs = try container.decode([String: OutputFile].self, forKey: .outputs)
    outputHash = try container.decode(String.self, forKey: .outputHash)
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(format, forKey: .format)
    try container.encode(stage, forKey: .stage)
    try container.encode(Dictionary(uniqueKeysWithValues: reads.map { ($0.key.text, $0.value) }), forKey: .reads)
    try container.encode(outputs, forKey: .outputs)
    try container.encode(outputHash, forKey: .outputHash)
  }
}
