import Foundation
import XCTest

/// `inspect` on a rejects file masks the person id within the rejected row and shows
/// the rest, so the bad value can be seen without `zcat`.
final class InspectRejectsTests: EndToEndCase {
  func testTheBadValueShowsAndTheIdDoesNot() throws {
    let output = folder("out")
    try run("Fixtures/edge/pipeline.yaml", output: output, [], status: 0)
    let result = try Regpipe.run(["inspect", output + "/edge/work/rejects/boform_a.csv.gz"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines[1], "columns (6): file, line, reason, person_id_field, delimiter, row")
    let rejected = "unparsable start  1                ;          ••••••••••;Hjørnet;31FEB2020;10MAR2020;1"
    XCTAssertTrue(lines.contains { $0.hasSuffix(rejected) }, result.stdout)
  }
}
