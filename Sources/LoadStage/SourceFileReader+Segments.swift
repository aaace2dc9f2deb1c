import Foundation
import RegisterIO

/// When a large delimited file is cut into segments for several parser threads, and
/// how large they are; tests make both small.
package struct Segmenting: Sendable {
  /// Files at least this large on disk are cut into segments.
  package var minimumFileSize = 16 << 20
  /// Bytes per segment: large enough that handing one over costs nothing against
  /// parsing it, small enough that a few in flight use little memory.
  package var segmentBytes = 4 << 20

  package init() {}
}

/// One large delimited file parsed on several threads. A national service register is
/// one gzip stream and most of the run: read on one thread, it leaves the other core
/// idle once the smaller files are done (BENCHMARKS.md, "Towards the gzip floor").
extension SourceFileReader {
  /// Whether `reader`'s rows are parsed in segments: with more than one thread to give,
  /// a large file, and a keying that keeps no state across rows (a stays file's opaque
  /// ids are numbered in order of appearance).
  func readsInSegments(_ reader: DelimitedReader) -> Bool {
    if case .opaqueLocal = keying { return false }
    return segmentWorkers > 1 && reader.fileSize >= segmenting.minimumFileSize
  }

  /// Cuts the rest of `reader` into segments of whole records on this thread, parses
  /// them on `segmentWorkers` threads and adds their batches to `batch` in stream order,
  /// so counts, records, rejects and the first error are those of a one-thread read.
  func parseSegments(
    of reader: DelimitedReader, _ columns: ColumnMap, _ formats: DateColumns, into batch: inout FileBatch
  ) throws {
    let work = SegmentWork(capacity: 2 * segmentWorkers)
    let name = file.name
    for _ in 0..<segmentWorkers {
      let thread = Thread { [self] in
        work.run { segment in
          var part = FileBatch(report: FileReport(path: name, bytes: 0))
          try parseRows(DelimitedReader(segment: segment), columns, formats, into: &part)
          return part
        }
      }
      thread.name = "regpipe-parse"
      thread.start()
    }
    var cutError: Error?
    var reportedBytes = reader.bytesConsumed
    do {
      while let segment = try reader.nextSegment(minimumBytes: segmenting.segmentBytes) {
        progress?(reader.bytesConsumed - reportedBytes, 0)
        reportedBytes = reader.bytesConsumed
        guard work.submit(segment) else { break }
      }
    } catch {
      cutError = error
    }
    for part in try work.finish() { batch.append(part) }
    if let cutError { throw cutError }
  }
}

/// Segments waiting for a parser thread and the parsed batches, by segment number.
private final class SegmentWork: @unchecked Sendable {
  private let condition = NSCondition()
  private let capacity: Int
  // Guarded by `condition`:
  private var waiting: [(number: Int, segment: RecordSegment)] = []
  private var results: [Result<FileBatch, Error>?] = []
  private var closed = false
  private var failed = false
  private var running = 0

  init(capacity: Int) { self.capacity = capacity }

  /// Queues the next segment, waiting while `capacity` are queued; false (and the
  /// segment freed) once a segment has failed, since later rows cannot matter.
  func submit(_ segment: RecordSegment) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while waiting.count >= capacity && !failed { condition.wait() }
    guard !failed else {
      segment.discard()
      return false
    }
    waiting.append((results.count, segment))
    results.append(nil)
    condition.broadcast()
    return true
  }

  /// A parser thread's loop: takes segments in order until the work is finished.
  func run(_ parse: (RecordSegment) throws -> FileBatch) {
    condition.lock()
    running += 1
    while true {
      while waiting.isEmpty && !closed { condition.wait() }
      guard !waiting.isEmpty else { break }
      let (number, segment) = waiting.removeFirst()
      condition.broadcast()
      condition.unlock()
      let result = Result { try parse(segment) }
      condition.lock()
      results[number] = result
      if case .failure = result {
        failed = true
        for (_, unread) in waiting { unread.discard() }
        waiting.removeAll()
      }
      condition.broadcast()
    }
    running -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Waits for the parser threads; the batches in segment order, or the first error.
  func finish() throws -> [FileBatch] {
    condition.lock()
    closed = true
    condition.broadcast()
    // Every queued segment is parsed, or dropped after a failure (its result stays nil).
    while running > 0 || (!failed && results.contains { $0 == nil }) { condition.wait() }
    let parsed = results
    condition.unlock()
    var batches: [FileBatch] = []
    for result in parsed {
      guard let result else { break }  // dropped after an earlier failure
      batches.append(try result.get())
    }
    return batches
  }
}
