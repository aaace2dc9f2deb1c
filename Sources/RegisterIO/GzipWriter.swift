import CZlib

/// A streaming gzip writer (one member) over zlib's deflate.
public final class GzipWriter {
  private let sink: FileSink
  private var stream = z_stream()
  private var output = [UInt8](repeating: 0, count: 1 << 17)
  private var finished = false

  /// Creates `path`; level 1 (fast) to 9 (small), 6 is gzip's default.
  public init(path: String, level: Int32 = 6) throws {
    sink = try FileSink(path: path)
    // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
    let status = deflateInit2_(
      &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
      Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else { throw RegisterIOError("\(path): cannot start gzip compression") }
  }

  deinit { deflateEnd(&stream) }

  package func write(_ bytes: UnsafeRawBufferPointer) throws {
    guard bytes.count > 0 else { return }
    stream.next_in = UnsafeMutablePointer(mutating: bytes.bindMemory(to: Bytef.self).baseAddress)
    stream.avail_in = uInt(bytes.count)
    try deflateAll(flush: Z_NO_FLUSH)
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
    stream.next_in = nil
    stream.avail_in = 0
    try deflateAll(flush: Z_FINISH)
    try sink.close()
  }

  private func deflateAll(flush: Int32) throws {
    let outputSize = output.count
    try output.withUnsafeMutableBufferPointer { out in
      repeat {
        stream.next_out = out.baseAddress
        stream.avail_out = uInt(outputSize)
        let status = deflate(&stream, flush)
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
