/// Streams the records of delimited text (RFC 4180, SPEC 2) from a plain or gzip file.
///
/// The hot path allocates nothing per row: records are scanned in place in one reused
/// buffer and fields are exposed as byte ranges that stay valid until the next call to
/// `next()`. Convert a field to `String` only when it is needed (`string(_:)`).
public final class DelimitedReader {
  package let path: String
  package let encoding: TextEncoding
  /// The field delimiter; nil when `.auto` found no candidate in the header (one column).
  package internal(set) var delimiter: UInt8?
  /// The column names of the header, trimmed, unquoted and converted to UTF-8.
  package internal(set) var header: [String] = []
  /// The physical line (1-based) where the header starts.
  package internal(set) var headerLine = 0

  /// Records longer than this are taken for an unclosed quote rather than read whole.
  @usableFromInline static let maximumRecordBytes = 64 << 20

  /// The file, or nil for a reader of one segment of it (`init(segment:)`).
  let source: ByteReader?
  /// Reads `source` ahead on another thread (large gzip files), else nil.
  let prefetch: PrefetchingReader?
  /// The scanner's state, behind a pointer: the hot path then pays no dynamic
  /// exclusivity checks, which class properties would cost on every access.
  @usableFromInline let state: UnsafeMutablePointer<ScanState>

  /// Opens `path` and reads its header. `delimiter: .auto` decides from the header line.
  public init(
    path: String, delimiter: Delimiter = .auto, encoding: TextEncoding = .utf8,
    bufferSize: Int = 1 << 20
  ) throws {
    self.path = path
    self.encoding = encoding
    let source = try ByteReader(path: path)
    self.source = source
    prefetch =
      source.isGzip && source.fileSize >= PrefetchingReader.minimumFileSize ? PrefetchingReader(source) : nil
    state = .allocate(capacity: 1)
    state.initialize(to: ScanState(capacity: max(bufferSize, 16)))
    try readHeader(delimiter: delimiter)
    state.pointee.headerCount = header.count
  }

  /// A reader over bytes already in `state` (a segment: `init(segment:)`).
  init(path: String, encoding: TextEncoding, state scanState: ScanState) {
    self.path = path
    self.encoding = encoding
    source = nil
    prefetch = nil
    state = .allocate(capacity: 1)
    state.initialize(to: scanState)
  }

  deinit {
    prefetch?.cancel()
    state.pointee.deallocate()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  /// Compressed (on-disk) bytes read so far, and the file's size, for progress; 0 for a
  /// segment's reader.
  package var bytesConsumed: Int { prefetch?.bytesConsumed ?? source?.bytesConsumed ?? 0 }
  package var fileSize: Int { source?.fileSize ?? 0 }

  /// The physical line (1-based) where the current record starts, for "file:line" messages.
  package var line: Int { state.pointee.line }

  /// The number of fields of the current record; compare with `header.count`.
  @inlinable package var fieldCount: Int { state.pointee.fieldCount }

  /// True when the current record has as many fields as the header; the load stage
  /// rejects the others.
  @inlinable public var fieldCountMatchesHeader: Bool {
    state.pointee.fieldCount == state.pointee.headerCount
  }

  /// Moves to the next record; false at the end of the file. Blank lines are skipped.
  /// Throws on invalid UTF-8 (`utf8` sources) or a quote left open at the end of the file.
  public func next() throws -> Bool {
    try advance(unquote: true)
  }

  /// The raw bytes of field `index` of the current record (unquoted, unescaped, unquoted
  /// fields trimmed), in the source's encoding; valid until the next call to `next()`.
  @inlinable
  public func field(_ index: Int) -> UnsafeRawBufferPointer {
    let s = state
    precondition(index >= 0 && index < s.pointee.fieldCount, "field index out of range")
    let start = s.pointee.starts[index]
    return UnsafeRawBufferPointer(start: s.pointee.buffer + start, count: s.pointee.ends[index] - start)
  }

  /// Field `index` as UTF-8 text (converted from Windows-1252 for `latin1` sources).
  package func string(_ index: Int) -> String {
    TextDecoding.string(field(index), encoding: encoding)
  }

  /// True when field `index` is missing: empty or SAS's `.`.
  @inlinable
  public func isMissing(_ index: Int) -> Bool { FieldValue.isMissing(field(index)) }

  // MARK: - Records

  /// The raw bytes of the current record, for delimiter detection.
  var recordBytes: (start: UnsafeMutablePointer<UInt8>, count: Int) {
    (state.pointee.buffer + state.pointee.recordStart, state.pointee.position - state.pointee.recordStart)
  }

  func advance(unquote: Bool) throws -> Bool {
    let s = state
    while true {
      switch s.pointee.scanRecord() {
      case .record:
        if s.pointee.isBlank { continue }
        if encoding == .utf8, let badLine = s.pointee.invalidUTF8Line() {
          throw RegisterIOError(
            "\(path):\(badLine): invalid UTF-8; if the file is Latin-1 (Windows-1252), set encoding: latin1 for this source"
          )
        }
        if unquote { s.pointee.unquoteFields() }
        return true
      case .needsInput:
        try refill()
      case .endOfFile:
        return false
      case .unclosedQuote:
        throw RegisterIOError(
          "\(path):\(s.pointee.nextLine): a quoted field is not closed before the end of the file")
      }
    }
  }

  /// Keeps the unread bytes, grows the buffer when one record fills it, and reads more.
  func refill() throws {
    let s = state
    s.pointee.compact()
    if s.pointee.end == s.pointee.capacity {
      guard s.pointee.capacity < Self.maximumRecordBytes else {
        throw RegisterIOError(
          "\(path):\(s.pointee.nextLine): a record is longer than \(Self.maximumRecordBytes >> 20) MiB; is a quote not closed?"
        )
      }
      s.pointee.growBuffer()
    }
    // Fill the free space whole: a plain file yields one read-buffer (256 KiB) per call,
    // and each refill rescans the unfinished record from its start, so taking one chunk
    // per refill made a long record quadratic (a 50 MB line took 37 s in a debug build).
    var n = 0
    repeat {
      let free = UnsafeMutableRawBufferPointer(
        start: s.pointee.buffer + s.pointee.end, count: s.pointee.capacity - s.pointee.end)
      n = try prefetch?.read(into: free) ?? source?.read(into: free) ?? 0
      s.pointee.end += n
    } while n > 0 && s.pointee.end < s.pointee.capacity
    if n == 0 { s.pointee.sourceEnded = true }
    s.pointee.buffer[s.pointee.end] = ByteCode.lineFeed
  }
}

/// ASCII bytes the readers and parsers look for.
@usableFromInline enum ByteCode {
  @inlinable static var lineFeed: UInt8 { UInt8(ascii: "\n") }
  @inlinable static var carriageReturn: UInt8 { UInt8(ascii: "\r") }
  @inlinable static var space: UInt8 { UInt8(ascii: " ") }
  @inlinable static var tab: UInt8 { UInt8(ascii: "\t") }
  @inlinable static var quote: UInt8 { UInt8(ascii: "\"") }
}
