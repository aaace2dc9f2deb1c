import Foundation
import XCTest

/// The repository carries its own copies of the shared method files (the SPEC, the
/// published figures, the municipality table). Where the workspace's `../shared` is
/// beside the repository, the copies must equal it; elsewhere (a fresh clone, CI) the
/// test is skipped, since nothing here may need `../shared`.
final class SharedCopiesTests: XCTestCase {
  private static let copies = [
    ("SPEC.md", "docs/SPEC.md"),
    ("data/published_figures.json", "data/published_figures.json"),
    ("data/municipalities.csv", "Sources/RegisterModel/Resources/municipalities.csv"),
  ]

  func testCopiesEqualTheSharedFiles() throws {
    let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    guard FileManager.default.fileExists(atPath: shared.appendingPathComponent("SPEC.md").path) else {
      throw XCTSkip("no ../shared beside the repository: nothing to compare the copies with")
    }
    for (original, copy) in Self.copies {
      let expected = FileManager.default.contents(atPath: shared.appendingPathComponent(original).path)
      let actual = FileManager.default.contents(atPath: packageRoot.appendingPathComponent(copy).path)
      XCTAssertNotNil(actual, "\(copy) is missing")
      XCTAssertEqual(actual, expected, "\(copy) differs from ../shared/\(original): copy it again")
    }
  }
}
