import RegisterIO
import XCTest

final class InternerTests: XCTestCase {
  private func key(_ text: String, _ interner: Interner) -> Int64 {
    var text = text
    return text.withUTF8 { interner.key(for: UnsafeRawBufferPointer($0)) }
  }

  func testKeysSurviveTableGrowth() {
    let interner = Interner()
    for i in 0..<5000 { XCTAssertEqual(key("id\(i)", interner), Int64(i)) }
    XCTAssertEqual(key("id4321", interner), 4321)
    XCTAssertEqual(key("id0", interner), 0)
    XCTAssertEqual(key("", interner), 5000)
    XCTAssertEqual(interner.count, 5001)
  }
}
