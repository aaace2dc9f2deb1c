import PipelineCore
import RegisterIO

/// Checks, without loading, that every source's files exist and have the configured
/// columns (`regpipe validate`). Returns the files checked; throws one error listing
/// every problem found.
package func checkInputs(config: PipelineConfig) throws -> [String] {
  var checked: [String] = []
  var problems: [String] = []
  // Exit 2 only when every problem is the pipeline file's (files or columns it names).
  var allConfiguration = true
  for source in config.sources {
    let files: [String]
    do {
      files = try source.resolveFiles(relativeTo: config.directory)
    } catch {
      problems.append("\(error)")
      continue
    }
    // The same problem in several files of a source (every yearly file with the wrong
    // delimiter) is told once, for the first file, with how many more have it.
    var sourceProblems: [(path: String, problem: String, more: Int)] = []
    for path in files {
      do {
        if source.format.readsSAS(path) {
          _ = try ColumnMap(source: source, reader: SASReader(path: path, encoding: source.statedEncoding))
        } else {
          _ = try ColumnMap(
            source: source,
            reader: DelimitedReader(path: path, delimiter: source.delimiter, encoding: source.encoding))
        }
        checked.append(path)
      } catch {
        if (error as? RunError)?.kind != .configuration { allConfiguration = false }
        let text = "\(error)"
        let problem = text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text
        if let same = sourceProblems.firstIndex(where: { $0.problem == problem }) {
          sourceProblems[same].more += 1
        } else {
          sourceProblems.append((path, problem, 0))
        }
      }
    }
    for (path, problem, more) in sourceProblems {
      let others = more == 0 ? "" : " (and \(more) more file\(more == 1 ? "" : "s") of source '\(source.name)')"
      problems.append("\(path)\(others): \(problem)")
    }
  }
  guard problems.isEmpty else {
    throw RunError(problems.joined(separator: "\n"), kind: allConfiguration ? .configuration : .data)
  }
  return checked
}
