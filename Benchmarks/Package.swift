// swift-tools-version: 6.1
import PackageDescription

/// Benchmarks for regpipe, kept out of the main package so it gains no target or
/// dependency; the modules under test come from the main package's `RegisterIO` product.
let package = Package(
  name: "regpipe-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "regpipe", path: "..")],
  targets: [
    // Generates shelter-stay-like CSV, and reads + parses + validates such a file.
    .executableTarget(
      name: "reader-bench", dependencies: [.product(name: "RegisterIO", package: "regpipe")]),
  ]
)
