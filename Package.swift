// swift-tools-version: 6.1
import PackageDescription

/// regpipe: one library module per concern (the shared model, register I/O, the
/// pipeline core, one module per stage, the runner) and a thin executable.
let package = Package(
  name: "regpipe",
  products: [
    .executable(name: "regpipe", targets: ["regpipe"]),
    // For the benchmarks package under Benchmarks/, which reads with RegisterIO alone.
    .library(name: "RegisterIO", targets: ["RegisterIO", "RegisterModel"]),
    // For the micro-benchmarks under Benchmarks/ (products add no dependency).
    .library(name: "DedupStage", targets: ["DedupStage"]),
    .library(name: "ClassifyStage", targets: ["ClassifyStage"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
  ],
  targets: [
    // zlib from the system (Debian: libz-dev).
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib", providers: [.apt(["libz-dev"]), .brew(["zlib"])]),

    // Intel ISA-L's igzip, the inflater of every gzip input: over twice zlib's speed on
    // register text (docs/BENCHMARKS.md); zlib stays the writer (Debian: libisal-dev).
    .systemLibrary(name: "CIsal", pkgConfig: "libisal", providers: [.apt(["libisal-dev"])]),

    // COIN-OR Clp, the LP solver of the disclosure audit (Debian: coinor-libclp-dev).
    .systemLibrary(name: "CClp", pkgConfig: "clp", providers: [.apt(["coinor-libclp-dev"])]),

    // libxlsxwriter, the writer of the tables workbook (Debian: libxlsxwriter-dev).
    .systemLibrary(
      name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]),

    // minizip's unzip, which reads the workbook back for diff and audit (Debian: libminizip-dev).
    .systemLibrary(name: "CMinizip", pkgConfig: "minizip", providers: [.apt(["libminizip-dev"])]),

    // ReadStat, the SAS dataset reader and writer (Debian: libreadstat-dev; no pkg-config file).
    .systemLibrary(name: "CReadStat", providers: [.apt(["libreadstat-dev"])]),

    // Small C helpers Swift's Glibc module does not expose (renameat2, mallopt).
    .target(name: "CShims"),

    // Canonical records, day numbers, parameters and the aggregate figures stages hand on.
    .target(name: "RegisterModel", resources: [.embedInCode("Resources/municipalities.csv")]),
    // gzip, delimited text, encodings, dates, person ids, atomic files.
    .target(name: "RegisterIO", dependencies: ["CIsal", "CZlib", "CShims", "CReadStat", "RegisterModel"]),
    // Pipeline files, hashing, stage stamps and run records.
    .target(
      name: "PipelineCore",
      dependencies: [
        "RegisterModel", "RegisterIO", .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),

    // The stages, each a pure function of its inputs.
    .target(name: "LoadStage", dependencies: ["RegisterModel", "RegisterIO", "PipelineCore"]),
    .target(name: "DedupStage", dependencies: ["RegisterModel"]),
    .target(name: "ClassifyStage", dependencies: ["RegisterModel"]),
    .target(name: "RepeatUseStage", dependencies: ["RegisterModel"]),
    .target(name: "WelfareUseStage", dependencies: ["RegisterModel"]),
    .target(name: "TransitionsStage", dependencies: ["RegisterModel"]),
    .target(
      name: "PublishStage",
      dependencies: [
        "RegisterModel", "RegisterIO", "CClp", "CXlsxWriter", "CMinizip",
      ]),

    // Synthetic DST-style registers.
    .target(name: "Synth", dependencies: ["RegisterModel", "RegisterIO", "PipelineCore"]),

    // Wires the stages together: artefacts, up-to-date checks, manifest.
    .target(
      name: "PipelineRunner",
      dependencies: [
        "RegisterModel", "RegisterIO", "PipelineCore", "LoadStage", "DedupStage",
        "ClassifyStage", "RepeatUseStage", "WelfareUseStage", "TransitionsStage", "PublishStage",
      ]),

    .executableTarget(
      name: "regpipe",
      dependencies: [
        "PipelineRunner", "PipelineCore", "LoadStage", "PublishStage", "RegisterIO", "RegisterModel", "Synth",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Seeded generator and fuzz runner shared by the test targets.
    .target(name: "TestSupport", path: "Tests/TestSupport"),

    .testTarget(name: "RegisterModelTests", dependencies: ["RegisterModel"]),
    .testTarget(name: "RegisterIOTests", dependencies: ["RegisterIO", "RegisterModel", "TestSupport"]),
    .testTarget(
      name: "PipelineCoreTests",
      dependencies: ["PipelineCore", "RegisterIO", "RegisterModel", .product(name: "Yams", package: "Yams")]),
    .testTarget(name: "LoadStageTests", dependencies: ["LoadStage", "PipelineCore", "RegisterIO", "RegisterModel"]),
    .testTarget(name: "DedupStageTests", dependencies: ["DedupStage", "RegisterModel", "TestSupport"]),
    .testTarget(name: "ClassifyStageTests", dependencies: ["ClassifyStage", "RegisterModel", "TestSupport"]),
    .testTarget(name: "RepeatUseStageTests", dependencies: ["RepeatUseStage", "RegisterModel", "TestSupport"]),
    .testTarget(name: "WelfareUseStageTests", dependencies: ["WelfareUseStage", "RegisterModel", "TestSupport"]),
    .testTarget(name: "TransitionsStageTests", dependencies: ["TransitionsStage", "RegisterModel", "TestSupport"]),
    .testTarget(name: "PublishStageTests", dependencies: ["PublishStage", "RegisterIO", "RegisterModel"]),
    .testTarget(name: "SynthTests", dependencies: ["Synth", "RegisterIO", "RegisterModel"]),
    .testTarget(
      name: "PipelineRunnerTests",
      dependencies: ["PipelineRunner", "PipelineCore", "PublishStage", "RegisterIO", "RegisterModel", "Synth"]),
    // Runs the built `regpipe` binary on the fixtures.
    .testTarget(name: "EndToEndTests", dependencies: ["regpipe", "PipelineCore", "TestSupport"]),
  ]
)
