import PipelineCore
import PublishStage
import RegisterIO
import RegisterModel
import Synth
import XCTest

/// The command line exits with `kind.exitCode` for every module's errors: 2 where the
/// pipeline file or the command must change, 1 where the data, the work area or the run failed.
final class ErrorKindTests: XCTestCase {
  func testEachModulesErrorsCarryTheirExitCode() {
    let errors: [(any RegpipeError, Int32)] = [
      (ConfigurationError(path: "p.yaml", problems: [ConfigurationProblem(line: 3, message: "bad")]), 2),
      (MissingFilesError(source: "bef", pattern: "bef*.csv.gz"), 2),
      (RunError("x.csv.gz: column 'PNR' for person_id not found", kind: .configuration), 2),
      (RunError("work/load/stays.csv.gz:3: wrong number of fields"), 1),
      (RegisterIOError("x.csv.gz: truncated gzip stream"), 1),
      (PublishError("typology: 3 values where 4 were expected"), 1),
      (SynthError("cannot create the folder out"), 1),
    ]
    for (error, code) in errors {
      XCTAssertEqual(error.kind.exitCode, code, "\(error)")
    }
  }

  func testAnUnreadableTablesFolderIsTheAuditCommandsArgumentToFix() throws {
    XCTAssertThrowsError(try DisclosureAudit.audit(folder: "/nonexistent/tables", minCell: 5, indicators: nil)) {
      XCTAssertEqual(($0 as? any RegpipeError)?.kind, .configuration, "\($0)")
    }
  }
}
