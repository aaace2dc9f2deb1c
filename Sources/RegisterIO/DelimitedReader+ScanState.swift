#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The outcome of scanning at the read position.
enum ScanResult {
  case record, needsInput, endOfFile, unclosedQuote
}

/// The mutable state of a `DelimitedReader`: the input buffer and the current record's
/// field ranges, which are offsets into the buffer.
@usableFromInline
struct ScanState {
  /// Input bytes, with a line feed after `end` as a scan sentinel and room for a word
  /// read that starts at the sentinel (`padding` bytes in all after `capacity`).
  @usableFromInline var buffer: UnsafeMutablePointer<UInt8>
  var capacity: Int
  var end = 0
  var position = 0
  var sourceEnded = false
  /// The physical line at `position`, and the one where the current record starts.
  var nextLine = 1
  var line = 0
  var recordStart = 0
  /// The byte that ends a field: the delimiter, or a line feed for one column.
  var separator = ByteCode.lineFeed
  @usableFromInline var starts: UnsafeMutablePointer<Int>
  @usableFromInline var ends: UnsafeMutablePointer<Int>
  var fieldCapacity = 64
  @usableFromInline var fieldCount = 0
  @usableFromInline var headerCount = 0
  /// The current record is a blank line: one empty, unquoted field.
  var isBlank = false
  /// Fields of the current record whose raw range (from the opening quote) needs unquoting.
  var quotedFields: [Int] = []

  /// Bytes allocated after `capacity`: the sentinel and the rest of a word read from it.
  static let padding = 8

  init(capacity: Int) {
    self.init(buffer: Self.allocateBuffer(capacity: capacity), capacity: capacity)
    buffer[0] = ByteCode.lineFeed
  }

  /// A buffer of `capacity` bytes and the padding, the padding zeroed.
  static func allocateBuffer(capacity: Int) -> UnsafeMutablePointer<UInt8> {
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + padding)
    (buffer + capacity).initialize(repeating: 0, count: padding)
    return buffer
  }

  /// A state over `buffer` (`capacity` + `padding` bytes), which it owns from now on.
  init(buffer: UnsafeMutablePointer<UInt8>, capacity: Int) {
    self.capacity = capacity
    self.buffer = buffer
    starts = .allocate(capacity: fieldCapacity)
    ends = .allocate(capacity: fieldCapacity)
    quotedFields.reserveCapacity(fieldCapacity)
  }

  func deallocate() {
    buffer.deallocate()
    starts.deallocate()
    ends.deallocate()
  }

  /// Scans the record at `position`; on success records its field ranges and moves on.
  mutating func scanRecord() -> ScanResult {
    if position == end { return sourceEnded ? .endOfFile : .needsInput }
    let base = buffer
    let end = self.end
    let final = sourceEnded
    let separator = self.separator
    var p = position
    var count = 0
    var lineFeeds = 0
    var sawQuote = false
    if !quotedFields.isEmpty { quotedFields.removeAll(keepingCapacity: true) }
    while true {
      // Leading blanks are trimmed, but a tab that is the delimiter ends an empty field.
      while (base[p] == ByteCode.space || base[p] == ByteCode.tab) && base[p] != separator { p += 1 }
      if count == fieldCapacity { growFields() }
      let fieldStart: Int
      var fieldEnd: Int
      if base[p] == ByteCode.quote, p < end {
        sawQuote = true
        let open = p
        var escaped = false
        p += 1
        while true {
          guard let found = memchr(base + p, Int32(ByteCode.quote), end - p) else {
            return final ? .unclosedQuote : .needsInput
          }
          let closing = found.assumingMemoryBound(to: UInt8.self) - base
          lineFeeds += Self.countLineFeeds(base + p, closing - p)
          p = closing + 1
          if p == end, !final { return .needsInput }
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
        if p == end, !final { return .needsInput }
        fieldEnd = Self.trimmedEnd(base, from: closing + 1, to: p, atLineEnd: base[p] == ByteCode.lineFeed)
        if escaped || fieldEnd > closing + 1 {
          fieldStart = open
          quotedFields.append(count)
        } else {
          fieldStart = open + 1
          fieldEnd = closing
        }
      } else {
        fieldStart = p
        p = Self.fieldEnd(base, from: p, separator: separator)
        if p == end, !final { return .needsInput }
        fieldEnd = Self.trimmedEnd(base, from: fieldStart, to: p, atLineEnd: base[p] == ByteCode.lineFeed)
      }
      starts[count] = fieldStart
      ends[count] = fieldEnd
      count += 1
      if p == end || base[p] == ByteCode.lineFeed {
        let endedWithLineFeed = p < end
        recordStart = position
        position = endedWithLineFeed ? p + 1 : p
        line = nextLine
        nextLine += lineFeeds + (endedWithLineFeed ? 1 : 0)
        fieldCount = count
        isBlank = count == 1 && !sawQuote && fieldStart == fieldEnd
        return .record
      }
      p += 1
    }
  }

  /// The first separator or line feed at or after `start`. Fields are short, so eight
  /// bytes are tested at a time: the byte loop this replaced was 60 % of the scanner's
  /// samples (BENCHMARKS.md, session 9). The sentinel line feed at `end` bounds the search,
  /// and the padding after it makes the last word read safe.
  @inline(__always)
  static func fieldEnd(_ base: UnsafeMutablePointer<UInt8>, from start: Int, separator: UInt8) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let separators = UInt64(separator) &* ones
    let lineFeeds = UInt64(ByteCode.lineFeed) &* ones
    let raw = UnsafeRawPointer(base)
    var p = start
    while true {
      let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
      let found = zeroBytes(word ^ separators) | zeroBytes(word ^ lineFeeds)
      if found != 0 { return p &+ found.trailingZeroBitCount >> 3 }
      p &+= 8
    }
  }

  /// The high bit of each zero byte of `x` (little-endian), exact up to the lowest zero
  /// byte; bytes above it may be marked too, which `fieldEnd` never looks at.
  @inline(__always)
  static func zeroBytes(_ x: UInt64) -> UInt64 {
    (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
  }

  /// The end of a field ending before `to`, without trailing blanks, and without the CR
  /// of a CRLF when the field ends the line.
  @inline(__always)
  private static func trimmedEnd(_ base: UnsafeMutablePointer<UInt8>, from: Int, to: Int, atLineEnd: Bool) -> Int {
    var e = to
    if atLineEnd, e > from, base[e - 1] == ByteCode.carriageReturn { e -= 1 }
    while e > from, base[e - 1] == ByteCode.space || base[e - 1] == ByteCode.tab { e -= 1 }
    return e
  }

  /// The line feeds among `count` bytes, eight bytes at a time: the segment cutter counts
  /// every byte of a large file on one thread.
  static func countLineFeeds(_ start: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    let lineFeeds = UInt64(ByteCode.lineFeed) &* 0x0101_0101_0101_0101
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let raw = UnsafeRawPointer(start)
    var n = 0
    var i = 0
    while i &+ 8 <= count {
      // Exact per byte: the high bit is set where a byte of x is zero, with no borrows.
      let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ lineFeeds
      n &+= (~(((x & low7) &+ low7) | x | low7)).nonzeroBitCount
      i &+= 8
    }
    while i < count {
      if start[i] == ByteCode.lineFeed { n &+= 1 }
      i &+= 1
    }
    return n
  }

  /// The line of the first invalid UTF-8 byte of the current record, or nil.
  func invalidUTF8Line() -> Int? {
    guard let bad = UTF8Validation.firstInvalidByte(buffer + recordStart, count: position - recordStart)
    else { return nil }
    return line + Self.countLineFeeds(buffer + recordStart, bad)
  }

  /// Rewrites the raw ranges of quoted fields in place: drops the quotes, halves doubled
  /// quotes.
  mutating func unquoteFields() {
    for index in quotedFields {
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
  }

  /// Moves the unread bytes to the front of the buffer.
  mutating func compact() {
    guard position > 0 else { return }
    let remaining = end - position
    if remaining > 0 { memmove(buffer, buffer + position, remaining) }
    end = remaining
    position = 0
    buffer[end] = ByteCode.lineFeed
  }

  mutating func growBuffer() {
    let larger = Self.allocateBuffer(capacity: capacity * 2)
    larger.update(from: buffer, count: end + 1)
    buffer.deallocate()
    buffer = larger
    capacity *= 2
  }

  private mutating func growFields() {
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
