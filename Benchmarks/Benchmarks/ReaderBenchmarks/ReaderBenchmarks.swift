import Benchmark
import BenchmarkInputs
import RegisterIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// DelimitedReader micro-benchmarks: one iteration reads every row of a generated
/// shelter-stay file (`PNR;BOFORM;INDDTO;UDDTO;UDSKRIVNING`, SAS dates) and parses the
/// person id and both dates, as the load stage does per row. The gzip and plain variants
/// read the same rows, so their difference is the cost of inflating.
///
/// Malloc counts are the point: reading is meant to allocate per buffer, not per row, so a
/// count that grows with the row count is a regression even when the wall clock hides it.
let benchmarks: @Sendable () -> Void = {
  let rows = 200_000
  let files = StayFiles()

  // The files are written before and removed after each benchmark, in the process that
  // runs it (the plugin also starts processes that only list benchmarks).
  let configuration = Benchmark.Configuration(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    warmupIterations: 1,
    maxDuration: .seconds(5),
    maxIterations: 30,
    thresholds: regressionThresholds(),
    setup: { try files.write(rows: rows) },
    teardown: { files.remove() })

  Benchmark("Reader: gzip CSV, 200k stay rows, parse id + dates", configuration: configuration) { benchmark in
    blackHole(try readAndParse(path: files.gzipPath, expectedRows: rows))
  }

  Benchmark("Reader: plain CSV, 200k stay rows, parse id + dates", configuration: configuration) { benchmark in
    blackHole(try readAndParse(path: files.plainPath, expectedRows: rows))
  }
}

/// Reads every row through `StayParse` (the work the load stage does per row at least).
/// Returns a checksum so nothing is optimised away.
func readAndParse(path: String, expectedRows: Int) throws -> Int64 {
  let result = try StayParse.read(path: path)
  precondition(result.rows == expectedRows, "read \(result.rows) rows, expected \(expectedRows)")
  return result.checksum
}

/// The generated stay rows as `stays.csv.gz` (GzipWriter, default level) and `stays.csv`,
/// in a folder of this process under `$TMPDIR`.
struct StayFiles: Sendable {
  let folder: String
  var gzipPath: String { folder + "/stays.csv.gz" }
  var plainPath: String { folder + "/stays.csv" }

  init() {
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    folder = base + "/regpipe-readerbench-\(getpid())"
  }

  func write(rows: Int) throws {
    if mkdir(folder, 0o700) != 0 && errno != EEXIST { fatalError("cannot create \(folder)") }
    let bytes = StayRows.csv(rows: rows, seed: 0x5EED_0001)
    let gzip = try GzipWriter(path: gzipPath)
    try gzip.write(bytes)
    try gzip.finish()
    let plain = try FileSink(path: plainPath)
    try bytes.withUnsafeBytes { try plain.write($0) }
    try plain.close()
  }

  func remove() {
    unlink(gzipPath)
    unlink(plainPath)
    rmdir(folder)
  }
}

/// What `swift package benchmark baseline check` calls a regression. The library's
/// default (5 % on p25–p75 of every metric) fails on the wall-clock noise of shared
/// machines (runs differed by up to 70 %), so time only flags a slowdown beyond 75 % at
/// the median; mallocs flag 1 000 more at the median (counts move by a handful between
/// runs; one allocation per row or stay adds 100 000+).
func regressionThresholds() -> [BenchmarkMetric: BenchmarkThresholds] {
  [
    .wallClock: .init(relative: [.p50: 75.0]),
    .throughput: .init(relative: [.p50: 75.0]),
    .mallocCountTotal: .init(absolute: [.p50: 1_000, .p90: 1_000]),
    .peakMemoryResident: .init(relative: [.p50: 25.0]),
  ]
}
