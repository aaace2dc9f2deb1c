/// The data-quality summary at the end of the report (the figures of `quality.json`):
/// rows read, accepted, rejected and filtered per source, what dedup changed, and the
/// run's plausibility warnings. Only counts of rows and stays, never a person or a value.
package struct ReportQuality: Sendable {
  package struct Source: Sendable {
    package var name: String
    package var rowsRead: Int
    package var accepted: Int
    /// Rejected rows by reason, e.g. `unparsable_start`.
    package var rejected: [String: Int]
    /// Accepted rows left out on purpose (codes not listed, persons outside the cohort).
    package var filtered: Int

    package init(name: String, rowsRead: Int, accepted: Int, rejected: [String: Int], filtered: Int) {
      self.name = name
      self.rowsRead = rowsRead
      self.accepted = accepted
      self.rejected = rejected
      self.filtered = filtered
    }
  }

  package var sources: [Source]
  /// What dedup changed, as (what, how many), in SPEC 5's order.
  package var dedup: [(String, Int)]
  package var warnings: [String]

  package init(sources: [Source], dedup: [(String, Int)], warnings: [String]) {
    self.sources = sources
    self.dedup = dedup
    self.warnings = warnings
  }

  func html() -> String {
    var lines = [
      "<section>", "<h2>Data quality</h2>",
      "<p>Every row read is rejected with a reason or accepted; of the accepted rows, those of a code or a person the "
        + "pipeline leaves out are filtered, the others kept. The rejected rows are in <code>work/</code>, never here.</p>",
      "<table>", "<caption>Rows by source</caption>",
      "<tr><th>Source</th><th>Rows read</th><th>Rejected</th><th>Rejected by reason</th><th>Accepted</th>"
        + "<th>Filtered</th><th>Kept</th></tr>",
    ]
    for source in sources {
      let reasons = source.rejected.sorted { $0.key < $1.key }
        .map { "\(HTML.escape($0.key.replacingAll("_", with: " "))) \($0.value)" }.joined(separator: "; ")
      let rejected = source.rejected.values.reduce(0, +)
      lines.append(
        "<tr><td>\(HTML.escape(source.name))</td><td class=\"num\">\(source.rowsRead)</td>"
          + "<td class=\"num\">\(rejected)</td><td>\(reasons.isEmpty ? "none" : reasons)</td>"
          + "<td class=\"num\">\(source.accepted)</td><td class=\"num\">\(source.filtered)</td>"
          + "<td class=\"num\">\(source.accepted - source.filtered)</td></tr>")
    }
    lines += ["</table>", "<table class=\"counts\">", "<caption>Deduplication of stays and persons</caption>"]
    lines += dedup.map { "<tr><th>\(HTML.escape($0.0))</th><td class=\"num\">\($0.1)</td></tr>" }
    lines.append("</table>")
    if warnings.isEmpty {
      lines.append("<p>No plausibility warnings.</p>")
    } else {
      lines.append("<p>Plausibility warnings:</p>")
      lines.append("<ul>" + warnings.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>")
    }
    lines.append("</section>")
    return lines.joined(separator: "\n")
  }
}
