import Foundation

/// Reads a `ByteReader` ahead on its own thread, so inflating a large gzip file overlaps
/// with parsing it: a national register is one big file, and on one thread its read
/// costs inflate + parse; overlapped, about the larger of the two.
///
/// The inner reader is used by the read-ahead thread only. Chunks (a few MiB in all)
/// go from that thread to the caller in order; an error of the inner reader is thrown
/// by `read(into:)` where it happened in the stream, as the inner reader would.
final class PrefetchingReader: @unchecked Sendable {
  /// Compressed size at or above which `DelimitedReader` reads a gzip file ahead.
  static let minimumFileSize = 8 << 20
  static let chunkSize = 1 << 20
  static let chunkCount = 4

  private let inner: ByteReader
  private let condition = NSCondition()
  // Guarded by `condition`:
  private var free: [UnsafeMutableRawBufferPointer] = []
  /// Filled chunks in stream order: bytes, count, the inner reader's bytesConsumed after it.
  private var filled: [(chunk: UnsafeMutableRawBufferPointer, count: Int, consumed: Int)] = []
  private var failure: Error?
  private var ended = false
  private var cancelled = false
  private var running = true
  // The caller's side:
  private var current: UnsafeMutableRawBufferPointer?
  private var currentCount = 0
  private var currentOffset = 0
  private var allChunks: [UnsafeMutableRawBufferPointer] = []
  /// Compressed bytes consumed by the inflater for the chunks handed out so far.
  private(set) var bytesConsumed = 0

  init(_ inner: ByteReader) {
    self.inner = inner
    for _ in 0..<Self.chunkCount {
      allChunks.append(.allocate(byteCount: Self.chunkSize, alignment: 64))
    }
    free = allChunks
    let thread = Thread { [self] in produce() }
    thread.name = "regpipe-inflate"
    thread.start()
  }

  /// Stops the read-ahead thread and waits for it; the owner calls this when done (the
  /// thread holds the reader until it returns).
  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    while running { condition.wait() }
    condition.unlock()
  }

  deinit {
    for chunk in allChunks { chunk.deallocate() }
  }

  private func produce() {
    while true {
      condition.lock()
      while free.isEmpty && !cancelled { condition.wait() }
      if cancelled {
        running = false
        condition.broadcast()
        condition.unlock()
        return
      }
      let chunk = free.removeLast()
      condition.unlock()

      var count = 0
      var error: Error?
      do {
        // Fill the chunk as far as the stream goes, as one caller's read would.
        while count < chunk.count {
          let n = try inner.read(into: UnsafeMutableRawBufferPointer(rebasing: chunk[count...]))
          if n == 0 { break }
          count += n
        }
      } catch let thrown {
        error = thrown
      }

      condition.lock()
      if count > 0 { filled.append((chunk, count, inner.bytesConsumed)) } else { free.append(chunk) }
      let done = error != nil || count < chunk.count
      if let error { failure = error }
      if done {
        ended = true
        running = false
      }
      condition.broadcast()
      condition.unlock()
      if done { return }
    }
  }

  /// Fills `buffer` with the next bytes; 0 at the end of the data.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    if current == nil || currentOffset == currentCount {
      guard try nextChunk() else { return 0 }
    }
    let n = min(buffer.count, currentCount - currentOffset)
    buffer.baseAddress!.copyMemory(from: current!.baseAddress! + currentOffset, byteCount: n)
    currentOffset += n
    return n
  }

  /// Gives the used chunk back and waits for the next; false at the end of the data.
  private func nextChunk() throws -> Bool {
    condition.lock()
    defer { condition.unlock() }
    if let used = current {
      free.append(used)
      current = nil
      condition.broadcast()
    }
    while filled.isEmpty && !ended { condition.wait() }
    if filled.isEmpty {
      if let failure { throw failure }
      return false
    }
    let next = filled.removeFirst()
    current = next.chunk
    currentCount = next.count
    currentOffset = 0
    bytesConsumed = next.consumed
    return true
  }
}
