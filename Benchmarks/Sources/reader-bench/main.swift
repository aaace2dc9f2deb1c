import RegisterIO
import RegisterModel

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

/// SplitMix64: a fixed seed makes every generated file the same.
struct SplitMix {
  var state: UInt64 = 0x9E37_79B9_7F4A_7C15
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

func generate(rows: Int) {
  let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
  var random = SplitMix()
  var out: [UInt8] = []
  out.reserveCapacity(1 << 20)
  func appendNumber(_ value: Int, width: Int) {
    var digits = [UInt8](repeating: 0x30, count: width)
    var v = value
    for i in stride(from: width - 1, through: 0, by: -1) {
      digits[i] = UInt8(0x30 + v % 10)
      v /= 10
    }
    out.append(contentsOf: digits)
  }
  func appendDate(_ day: Day) {
    let (y, m, d) = day.civil
    appendNumber(d, width: 2)
    out.append(contentsOf: months[m - 1].utf8)
    appendNumber(y, width: 4)
  }
  out.append(contentsOf: "PNR;BOFORM;INDDTO;UDDTO;UDSKRIVNING\n".utf8)
  let first = Day(year: 2010, month: 1, day: 1)!
  for _ in 0..<rows {
    // A CPR-shaped number: birth date DDMMYY and a 4-digit sequence.
    appendNumber(random.below(28) + 1, width: 2)
    appendNumber(random.below(12) + 1, width: 2)
    appendNumber(random.below(100), width: 2)
    appendNumber(random.below(10000), width: 4)
    out.append(UInt8(ascii: ";"))
    appendNumber(random.below(90) + 10, width: 6)
    out.append(UInt8(ascii: ";"))
    let start = first + random.below(14 * 365)
    appendDate(start)
    out.append(UInt8(ascii: ";"))
    if random.below(20) != 0 { appendDate(start + random.below(400)) }
    out.append(UInt8(ascii: ";"))
    appendNumber(random.below(9) + 1, width: 1)
    out.append(UInt8(ascii: "\n"))
    if out.count > (1 << 20) - 100 {
      out.withUnsafeBytes { writeAll(1, $0) }
      out.removeAll(keepingCapacity: true)
    }
  }
  out.withUnsafeBytes { writeAll(1, $0) }
}

/// What a load stage does per stay row: split, parse the id and both dates, check shape.
func parse(path: String) throws {
  let began = seconds()
  let reader = try DelimitedReader(path: path)
  let id = try reader.requireColumn("PNR")
  let start = try reader.requireColumn("INDDTO")
  let end = try reader.requireColumn("UDDTO")
  var rows = 0
  var rejected = 0
  var checksum: Int64 = 0
  while try reader.next() {
    rows += 1
    guard reader.fieldCountMatchesHeader, let key = PersonIDParser.parseCPR(reader.field(id)).key,
      let first = DateFormat.sas.parse(reader.field(start))
    else {
      rejected += 1
      continue
    }
    var last = first
    if !reader.isMissing(end) {
      guard let day = DateFormat.sas.parse(reader.field(end)) else {
        rejected += 1
        continue
      }
      last = day
    }
    checksum &+= key &+ Int64(first.rawValue) &+ Int64(last.rawValue)
  }
  let elapsed = seconds() - began
  print(
    "rows \(rows) rejected \(rejected) checksum \(checksum) seconds \(elapsed) rows/sec \(Int(Double(rows) / elapsed))"
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
