// swift-tools-version: 6.1
import PackageDescription

/// Benchmarks for regpipe, kept out of the main package so it gains no target or
/// dependency; the modules under test come from the main package's library products
/// (`RegisterIO`, `DedupStage`, `ClassifyStage`).
///
/// `reader-bench` is a plain executable (national-scale timing scripts); the targets under
/// `Benchmarks/` are ordo-one/benchmark micro-benchmarks, run with `swift package benchmark`.
let package = Package(
  name: "regpipe-benchmarks",
  dependencies: [
    .package(name: "regpipe", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    // Seeded generator, stay-row CSV and the per-row parse loop the benchmarks share.
    .target(name: "BenchmarkInputs", dependencies: [.product(name: "RegisterIO", package: "regpipe")]),

    // Generates shelter-stay-like CSV, and reads + parses + validates such a file.
    .executableTarget(
      name: "reader-bench",
      dependencies: ["BenchmarkInputs", .product(name: "RegisterIO", package: "regpipe")]),

    // DelimitedReader over generated stay rows, gzip and plain, with id and date parsing.
    .executableTarget(
      name: "ReaderBenchmarks",
      dependencies: [
        "BenchmarkInputs", .product(name: "Benchmark", package: "benchmark"),
        .product(name: "RegisterIO", package: "regpipe"),
      ],
      path: "Benchmarks/ReaderBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),

    // dedup(stays:persons:) and classify(stays:parameters:) on generated stays.
    .executableTarget(
      name: "DedupBenchmarks",
      dependencies: [
        "BenchmarkInputs", .product(name: "Benchmark", package: "benchmark"),
        .product(name: "RegisterIO", package: "regpipe"),
        .product(name: "DedupStage", package: "regpipe"),
        .product(name: "ClassifyStage", package: "regpipe"),
      ],
      path: "Benchmarks/DedupBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
  ]
)
