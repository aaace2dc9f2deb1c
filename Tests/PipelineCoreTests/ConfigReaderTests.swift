import RegisterModel
import XCTest
import Yams

@testable import PipelineCore

final class ConfigReaderTests: XCTestCase {
  private func node(_ yaml: String) throws -> Node { try XCTUnwrap(Yams.compose(yaml: yaml)) }

  func testNullAndShownValues() throws {
    XCTAssertTrue(ConfigReader.isNull(try node("~")))
    XCTAssertTrue(try node("key:").mapping?["key"].map(ConfigReader.isNull) ?? false)
    XCTAssertFalse(ConfigReader.isNull(try node("'null'")))
    XCTAssertEqual(ConfigReader.shown(try node("abc")), "'abc'")
    XCTAssertEqual(ConfigReader.shown(try node("[1]")), "a list")
    XCTAssertEqual(ConfigReader.shown(try node("{a: 1}")), "a mapping")
    XCTAssertEqual(ConfigReader.shown(try node("null")), "nothing")
  }

  func testTypedReadsReportAtTheNodesLine() throws {
    let root = try node("a: 1\nb: x\nc: 2020-02-30\nd: [3, 2]\ne: ''\n")
    var reader = ConfigReader(path: "p.yaml")
    let fields = try XCTUnwrap(reader.mapping(root, field: "'t'", place: " in t", allowed: ["a", "b", "c", "d", "e"]))
    XCTAssertEqual(reader.int(fields["a"]!, "'a'", atLeast: 0), 1)
    XCTAssertNil(reader.int(fields["b"]!, "'b'", atLeast: 0))
    XCTAssertNil(reader.date(fields["c"]!, "'c'"))
    XCTAssertNil(reader.ascending(fields["d"]!, "'d'"))
    XCTAssertNil(reader.string(fields["e"]!, "'e'"))
    reader.require(["a", "f"], in: fields, place: " in t")
    XCTAssertEqual(
      reader.problems.map(\.description),
      [
        "2: 'b' must be an integer, got 'x'",
        "3: 'c' is not a calendar date: 2020-02-30",
        "4: 'd' must be ascending positive integers, got [3, 2]",
        "5: 'e' must not be empty",
        "1: missing required key 'f' in t",
      ])
  }
}
