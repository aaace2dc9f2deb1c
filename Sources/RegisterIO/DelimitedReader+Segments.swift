#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whole records of a delimited file, cut from its stream so that several threads can
/// parse one large file: the bytes (with the scanner's sentinel and padding after them), the
/// physical line they start on and what a reader of them needs of the file's header.
/// The reader made from a segment owns its bytes; `discard()` frees an unread one.
package struct RecordSegment: @unchecked Sendable {
  let bytes: UnsafeMutablePointer<UInt8>
  let count: Int
  let firstLine: Int
  let path: String
  let encoding: TextEncoding
  let delimiter: UInt8?
  let header: [String]
  let headerLine: Int

  /// Frees the bytes of a segment no reader was made from.
  package func discard() { bytes.deallocate() }
}

extension DelimitedReader {
  /// Cuts the next `RecordSegment` of at least `minimumBytes` (or the rest of the file)
  /// after the records read so far; nil at the end. Once it has been called, read the
  /// file only through segments. A segment ends after a line feed that ends a record:
  /// the last one in the bytes when they hold no quote, else where the scanner finds the
  /// last complete record, so a quoted line break never splits a record.
  package func nextSegment(minimumBytes: Int) throws -> RecordSegment? {
    let s = state
    s.pointee.compact()
    while s.pointee.capacity < minimumBytes { s.pointee.growBuffer() }
    while true {
      if s.pointee.end < s.pointee.capacity && !s.pointee.sourceEnded { try refill() }
      let start = s.pointee.position
      let available = s.pointee.end - start
      if available == 0 { return nil }
      let cut = s.pointee.sourceEnded ? s.pointee.end : s.pointee.lastRecordEnd()
      guard let cut, cut > start else {
        // Not one whole record in the buffer: refill grows it (up to the record limit).
        try refill()
        continue
      }
      let count = cut - start
      let bytes = ScanState.allocateBuffer(capacity: count)
      bytes.update(from: s.pointee.buffer + start, count: count)
      bytes[count] = ByteCode.lineFeed
      let segment = RecordSegment(
        bytes: bytes, count: count, firstLine: s.pointee.nextLine, path: path, encoding: encoding,
        delimiter: delimiter, header: header, headerLine: headerLine)
      s.pointee.nextLine += ScanState.countLineFeeds(s.pointee.buffer + start, count)
      s.pointee.position = cut
      return segment
    }
  }

  /// A reader of one segment's records, with the file's header, delimiter and encoding;
  /// its lines are the file's. It takes over the segment's bytes.
  package convenience init(segment: RecordSegment) {
    self.init(
      path: segment.path, encoding: segment.encoding,
      state: ScanState(adopting: segment.bytes, count: segment.count, firstLine: segment.firstLine))
    delimiter = segment.delimiter
    header = segment.header
    headerLine = segment.headerLine
    state.pointee.separator = delimiter ?? ByteCode.lineFeed
    state.pointee.headerCount = header.count
  }
}

extension ScanState {
  /// A state over `count` bytes already read (a segment), at its first record.
  init(adopting bytes: UnsafeMutablePointer<UInt8>, count: Int, firstLine: Int) {
    self.init(buffer: bytes, capacity: count)
    end = count
    sourceEnded = true
    nextLine = firstLine
  }

  /// Where the last record that is complete in the buffer ends, or nil when none is.
  mutating func lastRecordEnd() -> Int? {
    let unread = end - position
    guard memchr(buffer + position, Int32(ByteCode.quote), unread) != nil else {
      // The last line feed, searched from the end (memrchr is not in Glibc's module).
      var p = end - 1
      while p >= position, buffer[p] != ByteCode.lineFeed { p -= 1 }
      return p >= position ? p + 1 : nil
    }
    // Quotes: scan records as `next()` does, then rewind; the caller moves on.
    let (savedPosition, savedLine, savedNextLine, savedStart) = (position, line, nextLine, recordStart)
    defer { (position, line, nextLine, recordStart) = (savedPosition, savedLine, savedNextLine, savedStart) }
    var last: Int?
    while scanRecord() == .record { last = position }
    return last
  }
}
