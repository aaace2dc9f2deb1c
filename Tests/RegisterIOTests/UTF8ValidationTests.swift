import XCTest

@testable import RegisterIO

final class UTF8ValidationTests: XCTestCase {
  private func firstInvalid(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte($0.baseAddress!, count: $0.count) }
  }

  func testValidTextPasses() {
    XCTAssertNil(firstInvalid(Array("Ærø og Åbenrå, 10 € – 😀 and more ASCII".utf8)))
  }

  func testInvalidSequencesAreFoundWhereTheyStart() {
    XCTAssertEqual(firstInvalid(Array("abcdefghij".utf8) + [0xE6, 0x41]), 10)  // Latin-1 æ
    XCTAssertEqual(firstInvalid([0x41, 0xC0, 0xAF]), 1)  // overlong "/"
    XCTAssertEqual(firstInvalid([0xED, 0xA0, 0x80]), 0)  // surrogate
    XCTAssertEqual(firstInvalid([0xF4, 0x90, 0x80, 0x80]), 0)  // above U+10FFFF
    XCTAssertEqual(firstInvalid([0x41, 0xE2, 0x82]), 1)  // cut short
    XCTAssertEqual(firstInvalid([0x80]), 0)  // stray continuation
  }
}
