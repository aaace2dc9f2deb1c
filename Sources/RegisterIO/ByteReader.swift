import CZlib

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams the bytes of a file: inflated when it starts with the gzip magic (all
/// members of a multi-member file, as `cat a.gz b.gz` makes), as they are otherwise.
public final class ByteReader {
  public let path: String
  /// The file's size on disk, for progress.
  public let fileSize: Int
  public let isGzip: Bool
  /// Compressed bytes consumed so far (of the file on disk).
  public private(set) var bytesConsumed = 0

  private var fd: Int32
  private var input: UnsafeMutableRawBufferPointer
  private var inputStart = 0
  private var inputEnd = 0
  private var fileEnded = false
  private var stream = z_stream()
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
    if isGzip {
      // windowBits 15 + 16: gzip only, so anything after a member must be gzip too.
      let status = inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
      guard status == Z_OK else { throw RegisterIOError("\(path): cannot start gzip decompression") }
    }
  }

  deinit {
    if isGzip { inflateEnd(&stream) }
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
      if inputStart == inputEnd {
        if !fileEnded { try refill() }
        if inputStart == inputEnd {
          if memberOpen {
            throw RegisterIOError(
              "\(path): truncated gzip stream: the file ends at byte offset \(bytesConsumed) inside a compressed member"
            )
          }
          streamEnded = true
          return produced
        }
      }
      if !memberOpen {
        // Zero bytes after the last member are padding (tape blocks), not data.
        if input[inputStart] == 0 {
          try skipZeroPadding()
          continue
        }
        memberOpen = true
      }
      let availableIn = inputEnd - inputStart
      stream.next_in = (input.baseAddress! + inputStart).assumingMemoryBound(to: Bytef.self)
      stream.avail_in = uInt(availableIn)
      stream.next_out = (buffer.baseAddress! + produced).assumingMemoryBound(to: Bytef.self)
      stream.avail_out = uInt(buffer.count - produced)
      let status = inflate(&stream, Z_NO_FLUSH)
      let consumed = availableIn - Int(stream.avail_in)
      inputStart += consumed
      bytesConsumed += consumed
      produced = buffer.count - Int(stream.avail_out)
      switch status {
      case Z_OK, Z_BUF_ERROR:
        continue
      case Z_STREAM_END:
        memberOpen = false
        inflateReset(&stream)
      default:
        let detail = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        throw RegisterIOError(
          "\(path): corrupt gzip stream at byte offset \(bytesConsumed) (\(detail))")
      }
    }
    return produced
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
