import Foundation
import PipelineCore
import RegisterIO

/// A stage's folder of results under `work/`, written beside it under a staging name and
/// swapped in whole, so an interrupted stage leaves the previous complete result.
struct StageFolder {
  let path: String
  var staging: String {
    let url = URL(fileURLWithPath: path)
    return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).staging").path
  }

  /// Runs `write` into a fresh staging folder, stamps it with `reads` and the written
  /// files, and swaps it in. Returns the new stamp.
  func commit(stage: String, reads: [StampKey: String], _ write: (String) throws -> Void) throws -> StageStamp {
    try AtomicDirectory.removeTree(staging)
    try AtomicDirectory.create(staging)
    do {
      try write(staging)
      var outputs: [String: StageStamp.OutputFile] = [:]
      for name in try FileManager.default.subpathsOfDirectory(atPath: staging).sorted() {
        let file = staging + "/" + name
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else {
          continue
        }
        let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        outputs[name] = .init(bytes: size, sha256: try Hashing.sha256(fileAt: file))
      }
      let outputHash = Hashing.sha256(
        string: outputs.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.sha256)\n" }.joined())
      let stamp = StageStamp(stage: stage, reads: reads, outputs: outputs, outputHash: outputHash)
      try stamp.write(to: staging)
      try AtomicDirectory.replace(path, with: staging)
      return stamp
    } catch {
      try? AtomicDirectory.removeTree(staging)
      throw error
    }
  }
}
