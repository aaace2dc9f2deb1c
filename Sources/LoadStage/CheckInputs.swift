import PipelineCore
import RegisterIO

/// Checks, without loading, that every source's files exist and have the configured
/// columns (`regpipe validate`). Returns the files checked; throws one error listing
/// every problem found.
public func checkInputs(config: PipelineConfig) throws -> [String] {
  var checked: [String] = []
  var problems: [String] = []
  for source in config.sources {
    let files: [String]
    do {
      files = try source.resolveFiles(relativeTo: config.directory)
    } catch {
      problems.append("\(error)")
      continue
    }
    for path in files {
      do {
        let reader = try DelimitedReader(path: path, delimiter: source.delimiter, encoding: source.encoding)
        _ = try ColumnMap(source: source, header: reader.header, path: path)
        checked.append(path)
      } catch {
        problems.append("\(error)")
      }
    }
  }
  guard problems.isEmpty else { throw RunErrorMessage(problems.joined(separator: "\n")) }
  return checked
}
