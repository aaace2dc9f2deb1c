import RegisterIO
import XCTest

final class PersonIDTests: XCTestCase {
  private func parse(_ text: String, _ parser: PersonIDParser, encoding: TextEncoding = .utf8) -> ParsedPersonID {
    var text = text
    return text.withUTF8 { parser.parse(UnsafeRawBufferPointer($0), encoding: encoding) }
  }

  func testCPRTenDigitsKeyByTheirNumber() {
    let parser = PersonIDParser(format: .cpr)
    XCTAssertEqual(parse("0101011234", parser), .valid(101_011_234))
    XCTAssertEqual(parse(" 010101-1234 ", parser), .valid(101_011_234))
    XCTAssertEqual(parse("2512 48 9999", parser), .valid(2_512_489_999))
  }

  func testCPRNineDigitsAreRepairedWithALeadingZero() {
    let parser = PersonIDParser(format: .cpr)
    XCTAssertEqual(parse("101011234", parser), .repaired(101_011_234))
    XCTAssertEqual(parse("101011234", parser).key, parse("0101011234", parser).key)
  }

  func testCPROtherwiseInvalid() {
    let parser = PersonIDParser(format: .cpr)
    for bad in ["01010112345", "12345678", "01010I1234", "0101011234x", "", ".", "+101011234"] {
      XCTAssertEqual(parse(bad, parser), .invalid, bad)
      XCTAssertNil(parse(bad, parser).key)
    }
  }

  func testOpaqueTokensAreInternedInOrderOfFirstSight() {
    let parser = PersonIDParser(format: .opaque)
    let keys = ["P-77", "abc", "P77", " abc ", "x y", "xy", "Q"].map { parse($0, parser) }
    XCTAssertEqual(keys, [.valid(0), .valid(1), .valid(0), .valid(1), .valid(2), .valid(2), .valid(3)])
    XCTAssertEqual(parse(" - ", parser), .invalid)
    XCTAssertEqual(parser.interner.count, 4)
  }

  func testOpaqueLatin1TokensKeyByTheirUTF8Form() {
    let interner = Interner()
    let utf8 = PersonIDParser(format: .opaque, interner: interner)
    let latin1 = PersonIDParser(format: .opaque, interner: interner)
    XCTAssertEqual(parse("Søren1", utf8), .valid(0))
    let bytes: [UInt8] = [0x53, 0xF8, 0x72, 0x65, 0x6E, 0x31]
    XCTAssertEqual(bytes.withUnsafeBytes { latin1.parse($0, encoding: .latin1) }, .valid(0))
  }
}
