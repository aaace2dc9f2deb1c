import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Progress of long work on stderr — only when stderr is a terminal and not `--quiet`,
/// so logs and pipes stay clean. Thread-safe: parallel file readers report into one line.
package final class ProgressReporter: @unchecked Sendable {
  private let enabled: Bool
  private let lock = NSLock()
  private var label = ""
  private var totalBytes = 0
  private var bytesDone = 0
  private var rows = 0
  private var started = Date()
  private var lastDrawn = Date.distantPast

  package init(quiet: Bool) {
    enabled = !quiet && isatty(STDERR_FILENO) == 1
  }

  /// Starts a task of `totalBytes` (0 when unknown).
  package func begin(_ label: String, totalBytes: Int) {
    lock.withLock {
      self.label = label
      self.totalBytes = totalBytes
      bytesDone = 0
      rows = 0
      started = Date()
    }
  }

  /// Adds work done; redraws at most five times a second.
  package func advance(bytes: Int, rows: Int) {
    guard enabled else { return }
    lock.withLock {
      bytesDone += bytes
      self.rows += rows
      let now = Date()
      guard now.timeIntervalSince(lastDrawn) >= 0.2 else { return }
      lastDrawn = now
      draw(now: now)
    }
  }

  /// Sets the rows done so far (for work that counts items rather than bytes).
  package func set(rows: Int) {
    guard enabled else { return }
    lock.withLock {
      self.rows = rows
      let now = Date()
      guard now.timeIntervalSince(lastDrawn) >= 0.2 else { return }
      lastDrawn = now
      draw(now: now)
    }
  }

  /// Clears the progress line.
  package func end() {
    guard enabled else { return }
    lock.withLock { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }

  private func draw(now: Date) {
    let seconds = max(now.timeIntervalSince(started), 0.001)
    let rate = Double(bytesDone) / seconds
    var line = "\r\u{1B}[K\(label): \(rows) rows, \(bytesDone >> 20) MB"
    if totalBytes > 0 {
      line += " of \(totalBytes >> 20) MB, \(Int(rate) >> 20) MB/s"
      if rate > 0 { line += ", ETA \(Int(Double(max(totalBytes - bytesDone, 0)) / rate))s" }
    }
    FileHandle.standardError.write(Data(line.utf8))
  }
}
