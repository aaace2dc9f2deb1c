// swift-tools-version: 6.1
import PackageDescription

/// Benchmarks for regpipe, kept out of the main package so it gains no target or
/// dependency. The main package exports no `RegisterIO` library product, so the modules
/// under test are compiled here from the same sources (symbolic links into `../Sources`).
let package = Package(
  name: "regpipe-benchmarks",
  platforms: [.macOS(.v13)],
  targets: [
    .systemLibrary(name: "CZlib", pkgConfig: "zlib"),
    .target(name: "CShims"),
    .target(name: "RegisterModel"),
    .target(name: "RegisterIO", dependencies: ["CZlib", "CShims", "RegisterModel"]),
    // Generates shelter-stay-like CSV, and reads + parses + validates such a file.
    .executableTarget(name: "reader-bench", dependencies: ["RegisterIO", "RegisterModel"]),
  ]
)
