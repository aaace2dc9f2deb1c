/// Where a pipeline's results live: `<root>/<pipeline>/` with `tables/`, the run
/// records, and the person-level `work/` area.
public struct OutputPaths: Sendable {
  public let folder: String

  public init(root: String, pipeline: String) {
    folder = (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/" + pipeline
  }

  public var tables: String { folder + "/tables" }
  public var report: String { folder + "/report.html" }
  public var manifest: String { folder + "/manifest.json" }
  public var quality: String { folder + "/quality.json" }
  /// The disclosure audit's record (SPEC 10): suppressed counts per table, never which are primary.
  public var disclosure: String { folder + "/disclosure.json" }
  public var runLog: String { folder + "/run.log" }
  /// Person-level data: stage folders and rejects. Never taken off the server.
  public var work: String { folder + "/work" }
  public var rejects: String { work + "/rejects" }
  public func stage(_ name: String) -> String { work + "/" + name }
}
