#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered POSIX file writer that reports failed writes (a full disk) by file name.
public final class FileSink {
  package let path: String
  private var fd: Int32
  private var buffer: [UInt8] = []
  private let capacity: Int

  /// Whether `fd` is this sink's to close (not standard output).
  private let ownsDescriptor: Bool

  public init(path: String, capacity: Int = 1 << 18) throws {
    self.path = path
    self.capacity = capacity
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw RegisterIOError.system(path, "create the file") }
    ownsDescriptor = true
    buffer.reserveCapacity(capacity)
  }

  /// Standard output, left open when the sink goes.
  package init(standardOutputWithCapacity capacity: Int = 1 << 16) {
    (path, self.capacity, fd, ownsDescriptor) = ("standard output", capacity, STDOUT_FILENO, false)
    buffer.reserveCapacity(capacity)
  }

  deinit { if fd >= 0, ownsDescriptor { Glibc.close(fd) } }

  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    if buffer.count + bytes.count > capacity { try flush() }
    if bytes.count >= capacity {
      try writeAll(bytes)
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  package func write(_ text: String) throws {
    var text = text
    try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
  }

  package func flush() throws {
    guard !buffer.isEmpty else { return }
    try buffer.withUnsafeBytes { try writeAll($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs to disk and closes; a result is complete only after this returns.
  public func close() throws {
    try flush()
    guard fd >= 0 else { return }
    let descriptor = fd
    fd = -1
    if fsync(descriptor) != 0 {
      let code = errno
      _ = Glibc.close(descriptor)
      throw RegisterIOError.system(path, "write the file", errno: code)
    }
    guard Glibc.close(descriptor) == 0 else { throw RegisterIOError.system(path, "write the file") }
  }

  private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        throw RegisterIOError.system(path, "write the file")
      }
      offset += n
    }
  }
}
