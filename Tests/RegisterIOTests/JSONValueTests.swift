import RegisterIO
import XCTest

final class JSONValueTests: XCTestCase {
  func testNestedDocumentKeepsInsertionOrderAndIndents() {
    let document = JSONValue.object([
      "zeta": .int(-3),
      "alpha": .array([.decimal(0.25, decimals: 4), .null, .bool(true), .bool(false)]),
      "empty": .object([]),
      "none": .array([]),
      "nested": .object(["share": .decimal(1.0 / 3.0, decimals: 4), "mean": .decimal(2.25, decimals: 1)]),
    ])
    XCTAssertEqual(
      document.rendered(),
      """
      {
        "zeta": -3,
        "alpha": [
          0.2500,
          null,
          true,
          false
        ],
        "empty": {},
        "none": [],
        "nested": {
          "share": 0.3333,
          "mean": 2.3
        }
      }

      """)
  }

  func testStringEscapes() {
    XCTAssertEqual(
      JSONValue.string("a\"b\\c\n\r\t\u{08}\u{0C}\u{01}\u{1F}/æø").rendered(),
      "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f/æø\"\n")
  }

  func testDecimalsAreExactWithoutExponent() {
    XCTAssertEqual(JSONValue.decimal(1e-7, decimals: 4).rendered(), "0.0000\n")
    XCTAssertEqual(JSONValue.decimal(1.5e20, decimals: 1).rendered(), "150000000000000000000.0\n")
    XCTAssertEqual(JSONValue.decimal(.nan, decimals: 1).rendered(), "null\n")
    XCTAssertEqual(JSONValue.int(Int.min).rendered(), "-9223372036854775808\n")
  }

  func testRenderingIsByteIdenticalAcrossRuns() {
    let build = { JSONValue.object(["b": .string("x"), "a": .decimal(0.1 + 0.2, decimals: 4)]).rendered() }
    XCTAssertEqual(build(), build())
    XCTAssertEqual(build(), "{\n  \"b\": \"x\",\n  \"a\": 0.3000\n}\n")
  }
}
