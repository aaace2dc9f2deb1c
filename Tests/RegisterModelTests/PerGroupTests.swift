import Foundation
import RegisterModel
import XCTest

/// `PerGroup`: indexed by group, summed to the `total` group, and written as the plain
/// array (short, episodic, long) that figures files held before it existed.
final class PerGroupTests: XCTestCase {
  func testIndexedByGroupAndSummed() {
    var counts = PerGroup<Int>.zero
    counts[.long] += 4
    counts[.short] += 1
    counts[.long] += 1
    XCTAssertEqual(counts.values, [1, 0, 5])
    XCTAssertEqual(counts.total, 6)
    XCTAssertEqual(PerGroup { $0 == .episodic ? 2 : 0 }, [0, 2, 0])
  }

  func testWrittenAndReadAsAnArray() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let text = String(decoding: try encoder.encode(GroupCounts(label: "x", perGroup: [3, 2, 0])), as: UTF8.self)
    XCTAssertEqual(text, #"{"label":"x","perGroup":[3,2,0]}"#)
    XCTAssertEqual(try JSONDecoder().decode(PerGroup<Int>.self, from: Data("[7,0,1]".utf8)), [7, 0, 1])
  }

  func testAFiguresFileWithAnotherNumberOfGroupsDoesNotDecode() {
    XCTAssertThrowsError(
      try JSONDecoder().decode(GroupCounts.self, from: Data(#"{"label":"x","perGroup":[3,2]}"#.utf8))
    ) {
      guard case DecodingError.dataCorrupted(let context) = $0 else { return XCTFail("\($0)") }
      XCTAssertEqual(context.debugDescription, "2 values where one per user group (3) was expected")
      XCTAssertEqual(context.codingPath.map(\.stringValue), ["perGroup"])
    }
  }
}
