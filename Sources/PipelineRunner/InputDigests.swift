import Foundation
import LoadStage
import PipelineCore
import RegisterIO

/// SHA-256 of input files, remembered by (path, size, modification time) in
/// `work/input-digests.json`, so a nightly run does not hash unchanged gigabytes again
/// (as make trusts timestamps; the digest still catches a changed file).
struct InputDigests {
  struct Entry: Codable, Equatable {
    var bytes: Int
    /// The modification time in whole microseconds since 1970: an integer compares
    /// exactly, run after run.
    var modifiedMicroseconds: Int
    var sha256: String
  }

  let path: String
  private var entries: [String: Entry]
  /// Whether an entry was added or replaced since the file was read.
  private(set) var changed = false

  init(path: String) {
    self.path = path
    entries = (try? Artefact.readJSON([String: Entry].self, from: path)) ?? [:]
  }

  /// The file's size and digest, hashing it only when size or time changed.
  mutating func digest(of file: String) throws -> Entry {
    let attributes = try FileManager.default.attributesOfItem(atPath: file)
    let bytes = attributes[.size] as? Int ?? 0
    let seconds = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    let modified = Int((seconds * 1_000_000).rounded())
    if let entry = entries[file], entry.bytes == bytes, entry.modifiedMicroseconds == modified { return entry }
    let entry = Entry(bytes: bytes, modifiedMicroseconds: modified, sha256: try Hashing.sha256(fileAt: file))
    entries[file] = entry
    changed = true
    return entry
  }

  func save() throws {
    try Artefact.writeJSON(entries, to: path)
  }
}

/// The run's input files, globbed and digested once per run: what load reads and the
/// manifest and report record, so they describe the same files.
struct InputSnapshot {
  struct File {
    var source: String
    var file: InputFile
    var entry: InputDigests.Entry
  }

  /// Every input file of every source, in source order (a file two sources read is
  /// listed for each).
  let files: [File]
  /// Each source's files, in source order: what load opens.
  let bySource: [[InputFile]]
  /// Whether every input lies beside a `synth_counts.json`: the marker `regpipe synth`
  /// writes with its registers, so the report can say the data is invented.
  let isSynthetic: Bool

  /// Globs every source's patterns and digests each file (`InputDigests` skips unchanged
  /// ones); `save` keeps new digests in `work/input-digests.json` (not for `status`,
  /// which writes nothing).
  init(config: PipelineConfig, work: String, save: Bool) throws {
    var digests = InputDigests(path: work + "/input-digests.json")
    var files: [File] = []
    var bySource: [[InputFile]] = []
    for source in config.sources {
      let inputs = try source.resolveFiles(relativeTo: config.directory).map {
        InputFile(path: $0, name: Self.name(of: $0, under: config.directory))
      }
      bySource.append(inputs)
      for input in inputs {
        files.append(File(source: source.name, file: input, entry: try digests.digest(of: input.path)))
      }
    }
    if save && digests.changed {
      try AtomicDirectory.create(work)
      try digests.save()
    }
    self.files = files
    self.bySource = bySource
    let folders = Set(files.map { ($0.file.path as NSString).deletingLastPathComponent })
    isSynthetic =
      !folders.isEmpty && folders.allSatisfy { FileManager.default.fileExists(atPath: $0 + "/synth_counts.json") }
  }

  /// `file` relative to the pipeline file's folder when it lies under it as resolved
  /// (`resolveFiles` joins the folder and the pattern), else as it is: how stamps, the
  /// manifest and the report name it, whatever the current directory.
  private static func name(of file: String, under directory: String) -> String {
    let folder = directory.hasSuffix("/") ? directory : directory + "/"
    return file.hasPrefix(folder) && !folder.isEmpty ? String(file.dropFirst(folder.count)) : file
  }
}
