import Foundation
import XCTest

@testable import Synth

/// The defects counted in `synth_counts.json` are exactly those the files contain,
/// recounted here from the bytes.
final class SynthDefectTests: XCTestCase {
  func testInjectedDefectsMatchTheFiles() throws {
    let folder = NSTemporaryDirectory() + "synth-defects-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let options = SynthOptions(
      out: folder, persons: 800, fromYear: 2018, toYear: 2022, seed: 11, population: 1600, defectRate: 0.1)
    let summary = try synthesize(options)

    let (found, rows) = try StayFileRecount.recount((2018...2022).map { folder + "/boform110_\($0).csv.gz" })

    XCTAssertEqual(found, summary.defects)
    XCTAssertEqual(rows, summary.files.prefix(5).map(\.rows).reduce(0, +))
    for (kind, count) in summary.defects.byKind { XCTAssertGreaterThan(count, 0, kind) }

    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: folder + "/synth_counts.json")))
    let counts = try XCTUnwrap((json as? [String: Any])?["defects"] as? [String: Int])
    XCTAssertEqual(counts.count, 6)
    for (kind, count) in found.byKind { XCTAssertEqual(counts[kind], count, kind) }
  }
}
