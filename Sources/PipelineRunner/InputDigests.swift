import Foundation
import PipelineCore
import RegisterIO

/// SHA-256 of input files, remembered by (path, size, modification time) in
/// `work/input-digests.json`, so a nightly run does not hash unchanged gigabytes again
/// (as make trusts timestamps; the digest still catches a changed file).
struct InputDigests {
  struct Entry: Codable, Equatable {
    var bytes: Int
    var modified: Double
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
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    if let entry = entries[file], entry.bytes == bytes, entry.modified == modified { return entry }
    let entry = Entry(bytes: bytes, modified: modified, sha256: try Hashing.sha256(fileAt: file))
    entries[file] = entry
    changed = true
    return entry
  }

  func save() throws {
    try Artefact.writeJSON(entries, to: path)
  }
}

extension PipelineRun {
  /// Every input file of every source, in source order, with size and digest. `name` is
  /// the path relative to the pipeline file's folder (as the pipeline's `files` patterns
  /// say it; absolute patterns stay absolute): what stamps, the manifest and the report
  /// record, so they do not depend on the current directory or on how the pipeline's path
  /// was spelled. `path` is the path to open.
  func inputFiles() throws -> [(source: String, path: String, name: String, entry: InputDigests.Entry)] {
    var digests = InputDigests(path: paths.work + "/input-digests.json")
    var result: [(String, String, String, InputDigests.Entry)] = []
    for source in config.sources {
      for file in try source.resolveFiles(relativeTo: config.directory) {
        result.append((source.name, file, inputName(file), try digests.digest(of: file)))
      }
    }
    if writesAllowed && digests.changed {
      try AtomicDirectory.create(paths.work)
      try digests.save()
    }
    return result
  }

  /// `file` relative to the pipeline file's folder when it lies under it as resolved
  /// (`resolveFiles` joins the folder and the pattern), else as it is.
  func inputName(_ file: String) -> String {
    let folder = config.directory.hasSuffix("/") ? config.directory : config.directory + "/"
    return file.hasPrefix(folder) && !folder.isEmpty ? String(file.dropFirst(folder.count)) : file
  }
}
