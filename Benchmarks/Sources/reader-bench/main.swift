import BenchmarkInputs
import RegisterIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// reader-bench generate ROWS          writes shelter-stay-like CSV (`;`, SAS dates) to stdout
/// reader-bench parse FILE             reads, splits, parses ids and dates; prints rows/sec
/// reader-bench inflate FILE           only streams the bytes through ByteReader
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
  fail("usage: reader-bench generate ROWS | parse FILE | inflate FILE", status: 2)
}

/// Writes all of `bytes` to a file descriptor (stdio's globals are not concurrency-safe).
func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) {
  var offset = 0
  while offset < bytes.count {
    let n = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
    if n <= 0 { exit(1) }
    offset += n
  }
}

func fail(_ message: String, status: Int32) -> Never {
  var text = message + "\n"
  text.withUTF8 { writeAll(2, UnsafeRawBufferPointer($0)) }
  exit(status)
}

func seconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Streams the rows to stdout in 1 MiB writes (the file can be gigabytes).
func generate(rows: Int) {
  var generator = StayRows(seed: 0x9E37_79B9_7F4A_7C15)
  var out = StayRows.header
  out.reserveCapacity(1 << 20)
  for _ in 0..<rows {
    generator.appendRow(to: &out)
    if out.count > (1 << 20) - 100 {
      out.withUnsafeBytes { writeAll(1, $0) }
      out.removeAll(keepingCapacity: true)
    }
  }
  out.withUnsafeBytes { writeAll(1, $0) }
}

func parse(path: String) throws {
  let began = seconds()
  let result = try StayParse.read(path: path)
  let elapsed = seconds() - began
  print(
    "rows \(result.rows) rejected \(result.rejected) checksum \(result.checksum) seconds \(elapsed) rows/sec \(Int(Double(result.rows) / elapsed))"
  )
}

func inflate(path: String) throws {
  let began = seconds()
  let source = try ByteReader(path: path)
  let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
  defer { buffer.deallocate() }
  var total = 0
  while case let n = try source.read(into: buffer), n > 0 { total += n }
  print("bytes \(total) seconds \(seconds() - began)")
}

do {
  switch arguments[1] {
  case "generate": generate(rows: Int(arguments[2]) ?? 0)
  case "parse": try parse(path: arguments[2])
  case "inflate": try inflate(path: arguments[2])
  default:
    fail("unknown mode \(arguments[1])", status: 2)
  }
} catch {
  fail("\(error)", status: 1)
}
