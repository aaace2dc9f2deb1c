import Foundation
import RegisterIO
import XCTest

final class JSONValueEncodingTests: XCTestCase {
  private struct Figures: Codable, Equatable {
    var users: Int
    var label: String
    var flags: [Bool]
    var byYear: [String: UInt8]
    var note: String?
    var nested: Nested
    var sets: [[Int]]
  }

  private struct Nested: Codable, Equatable {
    var zeta = -1
    var alpha: Int64 = 7
  }

  func testCodableValueIsRenderedWithSortedKeysAndReadsBack() throws {
    let figures = Figures(
      users: 42, label: "boform \"§ 110\"", flags: [true, false], byYear: ["2023": 3, "2017": 250], note: nil,
      nested: Nested(), sets: [[], [1, 2]])
    let text = try JSONValue(encoding: figures).rendered()
    XCTAssertEqual(
      text,
      """
      {
        "byYear": {
          "2017": 250,
          "2023": 3
        },
        "flags": [
          true,
          false
        ],
        "label": "boform \\"§ 110\\"",
        "nested": {
          "alpha": 7,
          "zeta": -1
        },
        "sets": [
          [],
          [
            1,
            2
          ]
        ],
        "users": 42
      }

      """)
    XCTAssertEqual(try JSONDecoder().decode(Figures.self, from: Data(text.utf8)), figures)
  }

  func testTopLevelPrimitivesAndNil() throws {
    XCTAssertEqual(try JSONValue(encoding: 5), .int(5))
    XCTAssertEqual(try JSONValue(encoding: "a/b"), .string("a/b"))
    XCTAssertEqual(try JSONValue(encoding: [Int?.none, 3]), .array([.null, .int(3)]))
  }

  func testFloatingPointAndOversizedIntegersAreRefused() {
    XCTAssertThrowsError(try JSONValue(encoding: ["share": 0.25])) { error in
      guard case EncodingError.invalidValue(_, let context) = error else { return XCTFail("\(error)") }
      XCTAssertEqual(context.codingPath.map(\.stringValue), ["share"])
      XCTAssertEqual(context.debugDescription, "floating-point values need JSONValue.decimal")
    }
    XCTAssertThrowsError(try JSONValue(encoding: [UInt64.max])) { error in
      guard case EncodingError.invalidValue(_, let context) = error else { return XCTFail("\(error)") }
      // The value stays out of the message: an error text must never carry a figure or an id.
      XCTAssertEqual(context.debugDescription, "an integer beyond Int does not fit a JSON integer")
    }
  }
}
