import ArgumentParser
import Foundation
import PipelineRunner
import RegisterIO
import RegisterModel

/// The `regpipe` command line: a thin layer over `PipelineRunner`.
/// Exit codes: 0 success, 1 data or run error, 2 usage or configuration error.
@main
struct Regpipe: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Register pipeline for research on shelter use (§ 110) in Denmark.",
    discussion: """
      Reads DST register extracts, deduplicates and classifies shelter stays, and writes disclosure-controlled tables. Example:

        regpipe run Pipelines/demo.yaml

      Exit codes:
        0  success (audit: the tables are safe; diff: no differences)
        1  data or run error (audit: unsafe; diff: differences)
        2  usage or configuration error (a pipeline file to fix, unreadable tables)
      """,
    version: "regpipe \(ProgramVersion.current) (SPEC v\(ProgramVersion.spec))",
    subcommands: [Run.self, Status.self, Validate.self, InspectCommand.self, Diff.self, Audit.self, Synthesize.self])

  static func main() {
    Allocator.keepFreedMemory()
    var command: ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      // --help and --version end cleanly; any other parse error is a usage error (2).
      if exitCode(for: error) == .success { Self.exit(withError: error) }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Foundation.exit(2)
    }
    do {
      try command.run()
    } catch let error as any RegpipeError {
      fail("\(error)", code: error.kind.exitCode)
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch {
      if exitCode(for: error) == .success { Self.exit(withError: error) }
      fail("\(error)", code: 1)
    }
  }

  static func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("regpipe: \(message)\n".utf8))
    Foundation.exit(code)
  }
}
