import Foundation
import PipelineCore

#if canImport(Glibc)
  import Glibc
#endif

/// One run at a time per output folder: an exclusive `flock` on `<folder>/.lock`, held
/// for the whole run. The kernel drops it when the process ends, however it ends, so
/// the lock of a crashed run is never in the way (the file stays, unlocked).
final class OutputLock {
  private let descriptor: Int32

  /// Takes the lock, waiting for the run that holds it when `wait` is set (after
  /// `waiting` is called once), else failing at once.
  init(folder: String, wait: Bool, waiting: () -> Void) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/.lock"
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw RunError("\(path): cannot open the output folder's lock file") }
    if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
    guard errno == EWOULDBLOCK else {
      close(descriptor)
      throw RunError("\(path): cannot lock the output folder")
    }
    guard wait else {
      close(descriptor)
      throw RunError("another regpipe run is using \(folder)/; wait for it to finish, or run with --wait")
    }
    waiting()
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else {
        close(descriptor)
        throw RunError("\(path): cannot lock the output folder")
      }
    }
  }

  deinit { close(descriptor) }
}
