import CShims

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a result under a temporary name and renames it into place, so a reader sees
/// the previous complete file or the new complete one, never a partial one.
package enum AtomicFile {
  /// The temporary name used beside `path` while it is written.
  package static func temporaryPath(for path: String) -> String {
    let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
      .joined(separator: "/")
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let prefix = directory.isEmpty ? "" : directory + "/"
    return "\(prefix).\(name).\(getpid()).tmp"
  }

  /// Runs `body` with a temporary path, then renames it to `path`; on error the
  /// temporary file is removed and `path` is left as it was.
  package static func write<T>(to path: String, _ body: (String) throws -> T) throws -> T {
    let temporary = temporaryPath(for: path)
    do {
      let result = try body(temporary)
      try rename(temporary, to: path)
      return result
    } catch let error as RegisterIOError {
      unlink(temporary)
      // Name the file being written, not its temporary name (a full disk reads
      // "work/load/stays.csv.gz: cannot write the file: No space left on device").
      guard error.message.hasPrefix(temporary) else { throw error }
      throw RegisterIOError(path + error.message.dropFirst(temporary.count))
    } catch {
      unlink(temporary)
      throw error
    }
  }

  /// Writes `text` atomically to `path`.
  package static func write(_ text: String, to path: String) throws {
    try write(to: path) { temporary in
      let sink = try FileSink(path: temporary)
      try sink.write(text)
      try sink.close()
    }
  }

  package static func rename(_ from: String, to: String) throws {
    guard Glibc.rename(from, to) == 0 else { throw RegisterIOError.system(to, "rename \(from) to it") }
  }
}

/// Replaces whole folders of results in one step.
package enum AtomicDirectory {
  /// Puts the complete folder `staged` at `path`. Where `path` exists, the two are
  /// exchanged atomically (renameat2) and the previous folder is removed afterwards,
  /// so a reader sees the old set or the new set, never a mix. Where the file system
  /// cannot exchange, the old folder is moved aside first: a crash in that moment
  /// leaves no folder at `path`, which the runner reads as "stale, rerun".
  package static func replace(_ path: String, with staged: String) throws {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      try AtomicFile.rename(staged, to: path)
      return
    }
    if regpipe_exchange_paths(staged, path) == 0 {
      try removeTree(staged)
      return
    }
    let aside = path + ".old"
    try removeTree(aside)
    try AtomicFile.rename(path, to: aside)
    try AtomicFile.rename(staged, to: path)
    try removeTree(aside)
  }

  /// Removes a file or folder and everything under it; nothing there is not an error.
  package static func removeTree(_ path: String) throws {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      guard let dir = opendir(path) else { throw RegisterIOError.system(path, "read the folder") }
      var names: [String] = []
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
        }
        if name != "." && name != ".." { names.append(name) }
      }
      closedir(dir)
      for name in names { try removeTree(path + "/" + name) }
      guard rmdir(path) == 0 else { throw RegisterIOError.system(path, "remove the folder") }
    } else {
      guard unlink(path) == 0 else { throw RegisterIOError.system(path, "remove the file") }
    }
  }

  /// Creates a folder and its parents; an existing folder is fine.
  package static func create(_ path: String) throws {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw RegisterIOError.system(prefix, "create the folder")
      }
      prefix += "/"
    }
  }
}
