import Foundation
import PipelineCore
import PublishStage
import Synth
import XCTest

@testable import PipelineRunner

/// SPEC 9.1 on whole synthetic runs (100 and 400 users, two seeds, min_cell 3, 5 and
/// 10): the tables are safe by the audit, every published cell is the unsuppressed
/// figure, every count in `0 < c < min_cell` is suppressed, no zero is, and a derived
/// figure is suppressed exactly when a count it uses is. `REGPIPE_DISCLOSURE_SETS=all`
/// adds 250 and 1,000 users (about five minutes in a debug build, since the thirteen
/// tables' small cells make many programmes).
final class DisclosurePropertyTests: TemporaryFolderCase {
  func testPublishedTablesAreSafeTrueAndMinimalInTheirRules() throws {
    let all = ProcessInfo.processInfo.environment["REGPIPE_DISCLOSURE_SETS"] == "all"
    for (persons, seed) in [(100, 1), (400, 2)] + (all ? [(1_000, 1), (250, 3)] : []) {
      let data = temporary + "/data-\(persons)-\(seed)"
      _ = try synthesize(SynthOptions(out: data, persons: persons, fromYear: 2016, toYear: 2023, seed: UInt64(seed)))
      let config = try PipelineConfig.load(path: data + "/pipeline.yaml")
      var options = RunOptions()
      options.outputRoot = temporary + "/out-\(persons)-\(seed)"
      options.quiet = true
      let runner = PipelineRun(config: config, options: options)
      try runner.run()
      let classify = try runner.result(Artefacts.classifyFigures)
      let indicators = config.parameters.indicators
      func tables(_ minCell: Int) throws -> (tables: [Table], audit: DisclosureAudit) {
        try publish(
          typology: classify.typology, stays: classify.stays, repeatUse: try runner.result(Artefacts.repeatUse),
          welfare: try runner.result(Artefacts.welfareUse), transitions: try runner.result(Artefacts.transitions),
          indicators: indicators,
          minCell: minCell)
      }
      let truth = try tables(1).tables
      XCTAssertEqual(truth.reduce(0) { $0 + $1.suppressedCellCount }, 0)
      for minCell in [3, 5, 10] {
        let (published, audit) = try tables(minCell)
        let what = "\(persons) users, seed \(seed), min_cell \(minCell)"
        XCTAssertTrue(audit.isSafe, what)
        XCTAssertGreaterThan(audit.findings.count, 0, "\(what): the run tests nothing")
        let reaudit = try DisclosureAudit(
          tables: published, relations: relations(of: published, context: RelationContext(indicators: indicators)),
          minCell: minCell, lower: false)
        XCTAssertTrue(reaudit.isSafe, what)
        for (table, trueTable) in zip(published, truth) {
          for row in table.rows.indices {
            for column in table.columns.indices {
              let cell = "\(what): \(table.name) \(table.key(row: row)) \(table.columns[column].name)"
              if let text = table.text(row: row, column: column) {
                XCTAssertEqual(text, trueTable.text(row: row, column: column), cell)
              }
              guard table.columns[column].kind == .count, let value = table.rows[row][column].intValue else { continue }
              if value > 0 && value < minCell { XCTAssertTrue(table.suppressed[row][column], cell) }
              if value == 0 { XCTAssertFalse(table.suppressed[row][column], cell) }
            }
          }
          let byName = Dictionary(uniqueKeysWithValues: published.map { ($0.name, $0) })
          for derivation in table.derivations {
            let usesSuppressed = derivation.sources.contains { byName[$0.table]!.isSuppressed($0) }
            let empty = table[derivation.cell].isBlank
            XCTAssertEqual(table.isSuppressed(derivation.cell), usesSuppressed && !empty, "\(what): \(derivation.cell)")
          }
        }
      }
    }
  }
}
