import ArgumentParser
import Foundation
import PipelineCore
import PipelineRunner

/// The `regpipe` command line: a thin layer over `PipelineRunner`.
/// Exit codes: 0 success, 1 data or run error, 2 usage or configuration error.
@main
struct Regpipe: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Register pipeline for research on shelter use (§ 110) in Denmark.",
    discussion: """
      Reads DST register extracts, deduplicates and classifies shelter stays, and writes
      disclosure-controlled tables. Example:

        regpipe run Pipelines/demo.yaml
      """,
    subcommands: [Run.self, Status.self, Validate.self, InspectCommand.self, Diff.self, Synthesize.self])

  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as ConfigurationError {
      Self.fail("\(error)", code: 2)
    } catch let error as RunFailure {
      Self.fail(error.message, code: error.code)
    } catch let error as CleanExit {
      Self.exit(withError: error)
    } catch let error as ExitCode {
      Self.exit(withError: error)
    } catch {
      // parseAsRoot wraps --help and --version in an internal error type: they succeed,
      // printing on stdout, and must not be taken for argument errors below.
      if Self.exitCode(for: error) == .success { Self.exit(withError: error) }
      // Argument errors are usage errors (2); anything else from a run is a data error (1).
      if Self.exitCode(for: error) == .validationFailure || isArgumentError(error) {
        FileHandle.standardError.write(Data((Self.fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      Self.fail("\(error)", code: 1)
    }
  }

  private static func isArgumentError(_ error: Error) -> Bool {
    String(reflecting: type(of: error)).contains("ArgumentParser")
  }

  static func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("regpipe: \(message)\n".utf8))
    Foundation.exit(code)
  }
}

/// An error with its exit code, thrown by commands that know which kind it is.
struct RunFailure: Error {
  let message: String
  let code: Int32
}
