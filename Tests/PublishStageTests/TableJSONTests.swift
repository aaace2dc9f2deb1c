import Foundation
import XCTest

@testable import PublishStage

final class TableJSONTests: XCTestCase {
  func testExactBytes() {
    XCTAssertEqual(
      smallTable().json(pipeline: "demo", minCell: 5),
      """
      {
        "table": "small",
        "pipeline": "demo",
        "columns": ["region", "persons", "share", "mean", "complete", "suppressed"],
        "rows": [
          {"region": "Region \\"Nord\\", DK", "persons": 12, "share": 0.3333, "mean": 2.3, "complete": true, "suppressed": []},
          {"region": "total", "persons": null, "share": null, "mean": null, "complete": false, "suppressed": ["persons", "mean"]}
        ],
        "min_cell": 5,
        "suppressed_cells": 2,
        "notes": [
          {"region": "total", "column": "share", "reason": "no_denominator"}
        ]
      }

      """)
  }

  /// `notes` tells a null that is not reported from one without a denominator; a
  /// suppressed null is in the row's `suppressed` instead.
  func testNotesSayWhyAValueIsNull() throws {
    let text = bandTable().json(pipeline: "demo", minCell: 5)
    let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let notes = try XCTUnwrap(object["notes"] as? [[String: String]])
    XCTAssertEqual(
      notes,
      [
        ["bin": "2-4", "column": "share", "reason": "not_reported"],
        ["bin": "total", "column": "share", "reason": "no_denominator"],
      ])
    let full = Table(name: "t", columns: [Column("a", .count)], rows: [[.int(7)]])
    XCTAssertTrue(full.json(pipeline: "d", minCell: 5).contains("\"notes\": []"))
  }

  func testItParsesAsJSON() throws {
    let text = smallTable().json(pipeline: "a\tb", minCell: 5)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    XCTAssertEqual(object?["pipeline"] as? String, "a\tb")
    XCTAssertEqual((object?["rows"] as? [[String: Any]])?.count, 2)
  }
}
