#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams the records of delimited text (RFC 4180, SPEC 2) from a plain or gzip file.
///
/// The hot path allocates nothing per row: records are scanned in place in one reused
/// buffer and fields are exposed as byte ranges that stay valid until the next call to
/// `next()`. Convert a field to `String` only when it is needed (`string(_:)`).
public final class DelimitedReader {
  public let path: String
  public let encoding: TextEncoding
  /// The field delimiter; nil when `.auto` found no candidate in the header (one column).
  public internal(set) var delimiter: UInt8?
  /// The column names of the header, trimmed, unquoted and converted to UTF-8.
  public internal(set) var header: [String] = []
  /// The physical line (1-based) where the header starts.
  public internal(set) var headerLine = 0
  /// The physical line (1-based) where the current record starts, for "file:line" messages.
  public private(set) var line = 0
  /// The number of fields of the current record; compare with `header.count`.
  public private(set) var fieldCount = 0

  /// Records longer than this are taken for an unclosed quote rather than read whole.
  static let maximumRecordBytes = 64 << 20

  let source: ByteReader
  /// Input bytes, with one extra byte after `end` holding a line feed as a scan sentinel.
  var buffer: UnsafeMutablePointer<UInt8>
  var capacity: Int
  var end = 0
  var position = 0
  var sourceEnded = false
  /// The physical line at `position`.
  var nextLine = 1
  /// Where the current record starts in `buffer`.
  var recordStart = 0
  /// The byte that ends a field: the delimiter, or a line feed for one column.
  var separator = ByteCode.lineFeed
  var starts: UnsafeMutablePointer<Int>
  var ends: UnsafeMutablePointer<Int>
  var fieldCapacity = 64
  /// Fields of the current record whose raw range (from the opening quote) needs unquoting.
  var quotedFields: [Int] = []

  /// Opens `path` and reads its header. `delimiter: .auto` decides from the header line.
  public init(
    path: String, delimiter: Delimiter = .auto, encoding: TextEncoding = .utf8,
    bufferSize: Int = 1 << 20
  ) throws {
    self.path = path
    self.encoding = encoding
    source = try ByteReader(path: path)
    capacity = max(bufferSize, 16)
    buffer = .allocate(capacity: capacity + 1)
    buffer[0] = ByteCode.lineFeed
    starts = .allocate(capacity: fieldCapacity)
    ends = .allocate(capacity: fieldCapacity)
    quotedFields.reserveCapacity(fieldCapacity)
    try readHeader(delimiter: delimiter)
  }

  deinit {
    buffer.deallocate()
    starts.deallocate()
    ends.deallocate()
  }

  /// Compressed (on-disk) bytes read so far, and the file's size, for progress.
  public var bytesConsumed: Int { source.bytesConsumed }
  public var fileSize: Int { source.fileSize }

  /// True when the current record has as many fields as the header; the load stage
  /// rejects the others.
  public var fieldCountMatchesHeader: Bool { fieldCount == header.count }

  /// Moves to the next record; false at the end of the file. Blank lines are skipped.
  /// Throws on invalid UTF-8 (`utf8` sources) or a quote left open at the end of the file.
  public func next() throws -> Bool {
    try advance(unquote: true)
  }

  /// The raw bytes of field `index` of the current record (unquoted, unescaped, unquoted
  /// fields trimmed), in the source's encoding; valid until the next call to `next()`.
  @inline(__always)
  public func field(_ index: Int) -> UnsafeRawBufferPointer {
    precondition(index >= 0 && index < fieldCount, "field index out of range")
    return UnsafeRawBufferPointer(start: buffer + starts[index], count: ends[index] - starts[index])
  }

  /// Field `index` as UTF-8 text (converted from Windows-1252 for `latin1` sources).
  public func string(_ index: Int) -> String {
    TextDecoding.string(field(index), encoding: encoding)
  }

  /// True when field `index` is missing: empty or SAS's `.`.
  public func isMissing(_ index: Int) -> Bool { FieldValue.isMissing(field(index)) }

  // MARK: - Records

  func advance(unquote: Bool) throws -> Bool {
    while true {
      var lineFeeds = 0
      var sawQuote = false
      var endedWithLineFeed = false
      if position == end {
        if sourceEnded { return false }
        try refill()
        continue
      }
      guard
        let after = try scanRecord(
          lineFeeds: &lineFeeds, sawQuote: &sawQuote, endedWithLineFeed: &endedWithLineFeed)
      else {
        try refill()
        continue
      }
      recordStart = position
      position = after
      line = nextLine
      nextLine += lineFeeds + (endedWithLineFeed ? 1 : 0)
      if fieldCount == 1, !sawQuote, starts[0] == ends[0] { continue }
      if encoding == .utf8 { try validateUTF8(from: recordStart, to: after) }
      if unquote {
        for index in quotedFields { unquoteField(index) }
      }
      return true
    }
  }

  /// Scans the record at `position` and records its field ranges; returns the offset after
  /// it, or nil when the buffer ends inside it and more input follows.
  @inline(__always)
  private func scanRecord(
    lineFeeds: inout Int, sawQuote: inout Bool, endedWithLineFeed: inout Bool
  ) throws -> Int? {
    let base = buffer
    let end = self.end
    let final = sourceEnded
    let separator = self.separator
    var starts = self.starts
    var ends = self.ends
    var p = position
    var count = 0
    quotedFields.removeAll(keepingCapacity: true)
    while true {
      while base[p] == ByteCode.space || base[p] == ByteCode.tab { p += 1 }
      if count == fieldCapacity {
        growFields()
        starts = self.starts
        ends = self.ends
      }
      let fieldStart: Int
      var fieldEnd: Int
      if base[p] == ByteCode.quote, p < end {
        sawQuote = true
        let open = p
        var escaped = false
        p += 1
        while true {
          guard let found = memchr(base + p, Int32(ByteCode.quote), end - p) else {
            if !final { return nil }
            throw RegisterIOError(
              "\(path):\(nextLine): a quoted field is not closed before the end of the file")
          }
          let closing = UnsafeMutableRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
          lineFeeds += Self.countLineFeeds(base + p, closing - p)
          p = closing + 1
          if p == end, !final { return nil }
          if p < end, base[p] == ByteCode.quote {
            escaped = true
            p += 1
            continue
          }
          break
        }
        let closing = p - 1
        // Text after the closing quote (not RFC 4180) is kept, as spreadsheets do.
        while base[p] != separator && base[p] != ByteCode.lineFeed { p += 1 }
        if p == end, !final { return nil }
        fieldEnd = trimmedEnd(base, from: closing + 1, to: p, atLineEnd: base[p] == ByteCode.lineFeed)
        if escaped || fieldEnd > closing + 1 {
          fieldStart = open
          quotedFields.append(count)
        } else {
          fieldStart = open + 1
          fieldEnd = closing
        }
      } else {
        fieldStart = p
        while base[p] != separator && base[p] != ByteCode.lineFeed { p += 1 }
        if p == end, !final { return nil }
        fieldEnd = trimmedEnd(base, from: fieldStart, to: p, atLineEnd: base[p] == ByteCode.lineFeed)
      }
      starts[count] = fieldStart
      ends[count] = fieldEnd
      count += 1
      if p == end {
        fieldCount = count
        return p
      }
      if base[p] == ByteCode.lineFeed {
        endedWithLineFeed = true
        fieldCount = count
        return p + 1
      }
      p += 1
    }
  }

  /// The end of a field ending before `to`, without trailing blanks, and without the CR
  /// of a CRLF when the field ends the line.
  @inline(__always)
  private func trimmedEnd(_ base: UnsafeMutablePointer<UInt8>, from: Int, to: Int, atLineEnd: Bool) -> Int {
    var e = to
    if atLineEnd, e > from, base[e - 1] == ByteCode.carriageReturn { e -= 1 }
    while e > from, base[e - 1] == ByteCode.space || base[e - 1] == ByteCode.tab { e -= 1 }
    return e
  }

  private static func countLineFeeds(_ start: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    var n = 0
    for i in 0..<count where start[i] == ByteCode.lineFeed { n += 1 }
    return n
  }

  /// Rewrites a field's raw range in place: drops the quotes, halves doubled quotes.
  private func unquoteField(_ index: Int) {
    var read = starts[index] + 1
    var write = starts[index]
    let stop = ends[index]
    var inside = true
    while read < stop {
      let byte = buffer[read]
      if inside, byte == ByteCode.quote {
        if read + 1 < stop, buffer[read + 1] == ByteCode.quote {
          buffer[write] = ByteCode.quote
          write += 1
          read += 2
        } else {
          inside = false
          read += 1
        }
        continue
      }
      buffer[write] = byte
      write += 1
      read += 1
    }
    ends[index] = write
  }

  private func validateUTF8(from start: Int, to stop: Int) throws {
    guard let bad = UTF8Validation.firstInvalidByte(buffer + start, count: stop - start) else { return }
    let badLine = line + Self.countLineFeeds(buffer + start, bad)
    throw RegisterIOError(
      "\(path):\(badLine): invalid UTF-8; if the file is Latin-1 (Windows-1252), set encoding: latin1 for this source"
    )
  }

  // MARK: - Buffer

  /// Keeps the unread bytes, grows the buffer when one record fills it, and reads more.
  func refill() throws {
    if position > 0 {
      let remaining = end - position
      if remaining > 0 { memmove(buffer, buffer + position, remaining) }
      end = remaining
      position = 0
    }
    if end == capacity {
      guard capacity < Self.maximumRecordBytes else {
        throw RegisterIOError(
          "\(path):\(nextLine): a record is longer than \(Self.maximumRecordBytes >> 20) MiB; is a quote not closed?")
      }
      let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + 1)
      larger.update(from: buffer, count: end)
      buffer.deallocate()
      buffer = larger
      capacity *= 2
    }
    let n = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer + end, count: capacity - end))
    if n == 0 { sourceEnded = true }
    end += n
    buffer[end] = ByteCode.lineFeed
  }

  private func growFields() {
    let larger = fieldCapacity * 2
    let newStarts = UnsafeMutablePointer<Int>.allocate(capacity: larger)
    let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: larger)
    newStarts.update(from: starts, count: fieldCapacity)
    newEnds.update(from: ends, count: fieldCapacity)
    starts.deallocate()
    ends.deallocate()
    starts = newStarts
    ends = newEnds
    fieldCapacity = larger
  }
}

/// ASCII bytes the readers and parsers look for.
enum ByteCode {
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")
  static let quote = UInt8(ascii: "\"")
}
