import CIsal
import CZlib

/// A streaming gzip writer (one member): zlib's deflate at a chosen level, or (`fastPath`)
/// ISA-L's igzip at its level 1 for the files regpipe writes for itself.
public final class GzipWriter {
  private let sink: FileSink
  private var stream = z_stream()
  /// ISA-L's stream and its level buffer (`init(fastPath:)`); nil for zlib.
  private var isal: (stream: UnsafeMutablePointer<isal_zstream>, buffer: UnsafeMutableRawBufferPointer)?
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

  /// Creates `path` compressed by ISA-L's igzip at level 1, for work/ files and rejects,
  /// which are rewritten every run and read only by regpipe: zlib's level 1 was half a
  /// second on one core after the load of the national profiles (BENCHMARKS.md,
  /// session 11). Files people compare with gzip's keep zlib.
  public init(fastPath path: String) throws {
    sink = try FileSink(path: path)
    let stream = UnsafeMutablePointer<isal_zstream>.allocate(capacity: 1)
    isal_deflate_init(stream)
    let buffer = UnsafeMutableRawBufferPointer.allocate(
      byteCount: Int(regpipe_isal_level1_buffer_size), alignment: MemoryLayout<UInt64>.alignment)
    stream.pointee.level = 1
    stream.pointee.level_buf = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
    stream.pointee.level_buf_size = UInt32(buffer.count)
    stream.pointee.gzip_flag = UInt16(IGZIP_GZIP)
    isal = (stream, buffer)
  }

  deinit {
    if let isal {
      isal.stream.deallocate()
      isal.buffer.deallocate()
    } else {
      deflateEnd(&stream)
    }
    pending.deallocate()
  }

  /// Only whole pending buffers reach the compressor (and the rest at `finish`): ISA-L's
  /// blocks follow its calls, and this way a file's bytes follow from its text alone,
  /// not from how the text was handed over.
  package func write(_ bytes: UnsafeRawBufferPointer) throws {
    guard var next = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    var remaining = bytes.count
    while remaining > 0 {
      let taken = min(remaining, Self.pendingCapacity - pendingCount)
      (pending + pendingCount).update(from: next, count: taken)
      pendingCount += taken
      next += taken
      remaining -= taken
      if pendingCount == Self.pendingCapacity { try deflatePending() }
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
    if let isal { return try deflate(bytes, finish: flush == Z_FINISH, with: isal.stream) }
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

  /// `deflate(_:flush:)` through ISA-L: all of `bytes` in, and with `finish` the end of
  /// the member.
  private func deflate(
    _ bytes: UnsafeRawBufferPointer, finish: Bool, with stream: UnsafeMutablePointer<isal_zstream>
  ) throws {
    stream.pointee.next_in = bytes.baseAddress.map {
      UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: UInt8.self))
    }
    stream.pointee.avail_in = UInt32(bytes.count)
    stream.pointee.end_of_stream = finish ? 1 : 0
    let outputSize = output.count
    try output.withUnsafeMutableBufferPointer { out in
      repeat {
        stream.pointee.next_out = out.baseAddress
        stream.pointee.avail_out = UInt32(outputSize)
        let status = isal_deflate(stream)
        guard status == COMP_OK else {
          throw RegisterIOError("\(sink.path): gzip compression failed (ISA-L status \(status))")
        }
        let produced = outputSize - Int(stream.pointee.avail_out)
        try sink.write(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: out[0..<produced])))
      } while stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0
        || (finish && stream.pointee.internal_state.state != ZSTATE_END)
    }
  }
}
