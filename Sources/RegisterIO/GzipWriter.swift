import CZlib

/// A streaming gzip writer (one member) over zlib's deflate.
public final class GzipWriter {
  private let sink: FileSink
  private var stream = z_stream()
  private var output = [UInt8](repeating: 0, count: 1 << 17)
  private var finished = false
  /// Bytes gathered for the next deflate call: writers hand over one CSV row at a time,
  /// and a deflate call (with its CRC-32) per row of 30 bytes cost more than compressing.
  private let pending = UnsafeMutablePointer<UInt8>.allocate(capacity: pendingCapacity)
  private var pendingCount = 0
  private static let pendingCapacity = 1 << 16

  /// Creates `path`; level 1 (fast) to 9 (small), 6 is gzip's default.
  public init(path: String, level: Int32 = 6) throws {
    sink = try FileSink(path: path)
    // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
    let status = deflateInit2_(
      &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
      Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else { throw RegisterIOError("\(path): cannot start gzip compression") }
  }

  deinit {
    deflateEnd(&stream)
    pending.deallocate()
  }

  package func write(_ bytes: UnsafeRawBufferPointer) throws {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    if pendingCount + bytes.count > Self.pendingCapacity { try deflatePending() }
    if bytes.count >= Self.pendingCapacity {
      try deflate(bytes, flush: Z_NO_FLUSH)
    } else {
      (pending + pendingCount).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
      pendingCount += bytes.count
    }
  }

  package func write(_ text: String) throws {
    var text = text
    try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
  }

  public func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try write($0) }
  }

  /// Ends the gzip member and closes the file.
  public func finish() throws {
    guard !finished else { return }
    finished = true
    try deflatePending()
    try deflate(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH)
    try sink.close()
  }

  private func deflatePending() throws {
    guard pendingCount > 0 else { return }
    try deflate(UnsafeRawBufferPointer(start: pending, count: pendingCount), flush: Z_NO_FLUSH)
    pendingCount = 0
  }

  private func deflate(_ bytes: UnsafeRawBufferPointer, flush: Int32) throws {
    stream.next_in = bytes.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self)) }
    stream.avail_in = uInt(bytes.count)
    let outputSize = output.count
    try output.withUnsafeMutableBufferPointer { out in
      repeat {
        stream.next_out = out.baseAddress
        stream.avail_out = uInt(outputSize)
        let status = CZlib.deflate(&stream, flush)
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
          throw RegisterIOError("\(sink.path): gzip compression failed (zlib status \(status))")
        }
        let produced = outputSize - Int(stream.avail_out)
        try sink.write(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: out[0..<produced])))
        if flush == Z_FINISH, status == Z_STREAM_END { break }
      } while stream.avail_out == 0 || (flush == Z_FINISH)
    }
  }
}
