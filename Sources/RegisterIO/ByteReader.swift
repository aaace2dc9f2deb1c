import CIsal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams the bytes of a file: inflated when it starts with the gzip magic (all
/// members of a multi-member file, as `cat a.gz b.gz` makes), as they are otherwise.
/// The inflater is ISA-L's igzip, which checks each member's header, CRC-32 and length
/// as zlib does at over twice its speed (BENCHMARKS.md, "Towards the gzip floor").
public final class ByteReader {
  package let path: String
  /// The file's size on disk, for progress.
  package let fileSize: Int
  package let isGzip: Bool
  /// Compressed bytes consumed so far (of the file on disk).
  package private(set) var bytesConsumed = 0

  private var fd: Int32
  private var input: UnsafeMutableRawBufferPointer
  private var inputStart = 0
  private var inputEnd = 0
  private var fileEnded = false
  private let state: UnsafeMutablePointer<inflate_state>
  private var memberOpen = false
  private var streamEnded = false

  public init(path: String, bufferSize: Int = 1 << 18) throws {
    self.path = path
    fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw RegisterIOError.system(path, "open the file") }
    var info = stat()
    fstat(fd, &info)
    fileSize = Int(info.st_size)
    input = .allocate(byteCount: bufferSize, alignment: 16)
    try Self.fill(fd: fd, path: path, input: input, start: &inputStart, end: &inputEnd, ended: &fileEnded)
    isGzip = inputEnd - inputStart >= 2 && input[0] == 0x1f && input[1] == 0x8b
    state = .allocate(capacity: 1)
  }

  deinit {
    state.deallocate()
    input.deallocate()
    if fd >= 0 { close(fd) }
  }

  /// Fills `buffer` with the next bytes; returns 0 at the end of the data.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    isGzip ? try inflateInto(buffer) : try readPlain(into: buffer)
  }

  private func readPlain(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    if inputStart == inputEnd {
      if fileEnded { return 0 }
      try refill()
      if inputStart == inputEnd { return 0 }
    }
    let count = min(buffer.count, inputEnd - inputStart)
    buffer.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: count)
    inputStart += count
    bytesConsumed += count
    return count
  }

  private func inflateInto(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    if streamEnded { return 0 }
    var produced = 0
    while produced < buffer.count {
      if inputStart == inputEnd && !fileEnded { try refill() }
      if !memberOpen {
        if inputStart == inputEnd {
          streamEnded = true
          return produced
        }
        // Zero bytes after the last member are padding (tape blocks), not data.
        if input[inputStart] == 0 {
          try skipZeroPadding()
          continue
        }
        // ISAL_GZIP: each member's header is parsed and its trailer checked, so
        // anything after a member must be gzip too.
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP)
        memberOpen = true
      }
      let availableIn = inputEnd - inputStart
      state.pointee.next_in = (input.baseAddress! + inputStart).assumingMemoryBound(to: UInt8.self)
      state.pointee.avail_in = UInt32(availableIn)
      state.pointee.next_out = (buffer.baseAddress! + produced).assumingMemoryBound(to: UInt8.self)
      state.pointee.avail_out = UInt32(buffer.count - produced)
      let status = isal_inflate(state)
      let consumed = availableIn - Int(state.pointee.avail_in)
      let made = buffer.count - produced - Int(state.pointee.avail_out)
      inputStart += consumed
      bytesConsumed += consumed
      produced += made
      guard status >= 0 else {
        throw RegisterIOError(
          "\(path): corrupt gzip stream at byte offset \(bytesConsumed) (\(Self.describe(status)))")
      }
      if state.pointee.block_state == ISAL_BLOCK_FINISH {
        // igzip hands back the bytes it read ahead, so the next member starts at inputStart.
        memberOpen = false
      } else if consumed == 0 && made == 0 {
        // No progress: igzip holds every byte it was given and wants more, so either the
        // file has ended inside the member or the member is damaged.
        guard inputStart == inputEnd && fileEnded else {
          throw RegisterIOError(
            "\(path): corrupt gzip stream at byte offset \(bytesConsumed) (the decompressor stopped)")
        }
        throw RegisterIOError(
          "\(path): truncated gzip stream: the file ends at byte offset \(bytesConsumed) inside a compressed member"
        )
      }
    }
    return produced
  }

  /// The reason for an igzip error status, in zlib's words where zlib has them.
  private static func describe(_ status: Int32) -> String {
    switch status {
    case ISAL_INVALID_BLOCK: "invalid block type"
    case ISAL_INVALID_SYMBOL: "invalid code"
    case ISAL_INVALID_LOOKBACK: "invalid distance too far back"
    case ISAL_INVALID_WRAPPER: "incorrect header check"
    case ISAL_UNSUPPORTED_METHOD: "unknown compression method"
    case ISAL_INCORRECT_CHECKSUM: "incorrect data check"
    default: "igzip status \(status)"
    }
  }

  /// Consumes zero padding up to the end of the file, across as many buffers as it
  /// spans (judging only the buffered part made the result depend on where a buffer
  /// happened to end); anything else after the zeros is a corrupt stream.
  private func skipZeroPadding() throws {
    while true {
      while inputStart < inputEnd {
        guard input[inputStart] == 0 else {
          throw RegisterIOError(
            "\(path): corrupt gzip stream at byte offset \(bytesConsumed) (data after the zero padding that follows the last member)"
          )
        }
        inputStart += 1
        bytesConsumed += 1
      }
      if fileEnded { return }
      try refill()
    }
  }

  private func refill() throws {
    try Self.fill(fd: fd, path: path, input: input, start: &inputStart, end: &inputEnd, ended: &fileEnded)
  }

  private static func fill(
    fd: Int32, path: String, input: UnsafeMutableRawBufferPointer, start: inout Int,
    end: inout Int, ended: inout Bool
  ) throws {
    start = 0
    end = 0
    while end < input.count {
      let n = Glibc.read(fd, input.baseAddress! + end, input.count - end)
      if n < 0 {
        if errno == EINTR { continue }
        throw RegisterIOError.system(path, "read the file")
      }
      if n == 0 {
        ended = true
        break
      }
      end += n
    }
  }
}
