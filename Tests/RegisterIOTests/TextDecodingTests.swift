import RegisterIO
import XCTest

final class TextDecodingTests: XCTestCase {
  private func latin1(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBytes { TextDecoding.string($0, encoding: .latin1) }
  }

  func testWindows1252Letters() {
    XCTAssertEqual(latin1([0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5]), "æøåÆØÅ")
    XCTAssertEqual(latin1([0x80, 0x8A, 0x9F, 0x93, 0x94]), "€Š\u{178}\u{201C}\u{201D}")
    XCTAssertEqual(latin1([0x81, 0x41]), "\u{81}A")
    XCTAssertEqual(latin1(Array("plain".utf8)), "plain")
  }
}
