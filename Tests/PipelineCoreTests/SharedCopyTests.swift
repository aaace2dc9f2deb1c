import Foundation
import XCTest

/// The repository carries its own copies of the shared method specification and data
/// files; where the shared folder is beside the checkout, they must be equal to it.
final class SharedCopyTests: XCTestCase {
  private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  func testCopiesEqualTheSharedFiles() throws {
    let shared = Self.root.appendingPathComponent("../shared").standardized
    guard FileManager.default.fileExists(atPath: shared.path) else { throw XCTSkip("no ../shared beside the checkout") }
    for (copy, original) in [
      ("docs/SPEC.md", "SPEC.md"), ("data/published_figures.json", "data/published_figures.json"),
      ("Sources/WelfareUseStage/Resources/municipalities.csv", "data/municipalities.csv"),
    ] {
      XCTAssertEqual(
        try Data(contentsOf: Self.root.appendingPathComponent(copy)),
        try Data(contentsOf: shared.appendingPathComponent(original)), "\(copy) differs from ../shared/\(original)")
    }
  }

  func testTheCopiesAreThere() {
    for copy in ["docs/SPEC.md", "data/published_figures.json", "Sources/WelfareUseStage/Resources/municipalities.csv"]
    {
      XCTAssertTrue(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(copy).path), copy)
    }
  }
}
