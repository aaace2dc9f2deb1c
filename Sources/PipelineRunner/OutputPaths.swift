/// Where a pipeline's results live: `<root>/<pipeline>/` with `tables/`, the run
/// records, and the person-level `work/` area.
package struct OutputPaths: Sendable {
  package let folder: String

  package init(root: String, pipeline: String) {
    folder = (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/" + pipeline
  }

  package var tables: String { folder + "/tables" }
  package var report: String { folder + "/report.html" }
  package var manifest: String { folder + "/manifest.json" }
  package var quality: String { folder + "/quality.json" }
  /// The disclosure audit's record (SPEC 10): suppressed counts per table, never which are primary.
  package var disclosure: String { folder + "/disclosure.json" }
  package var runLog: String { folder + "/run.log" }
  /// Person-level data: stage folders and rejects. Never taken off the server.
  package var work: String { folder + "/work" }
  package var rejects: String { work + "/rejects" }
  package func stage(_ name: String) -> String { work + "/" + name }
}
