import RegisterModel

/// One self-contained offline HTML page presenting the published tables: inline CSS
/// and inline SVG, no scripts, no external fonts or images. Each chart is followed by
/// the tables it draws; suppressed cells are drawn hatched and labelled `suppressed`,
/// never as a number. The data-quality summary, the pipeline parameters and the input
/// files come last. Every text taken from the tables, parameters or inputs is escaped.
package func renderReport(
  tables: [Table], parameters: [(String, String)], inputs: [(path: String, bytes: Int, sha256: String)],
  provenance: ReportProvenance? = nil, quality: ReportQuality? = nil
) -> String {
  let byName = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
  var sections: [String] = []
  for (index, section) in ReportSection.all.enumerated() {
    sections.append(section.html(byName, id: "chart\(index + 1)"))
  }
  let drawn = Set(ReportSection.all.flatMap(\.tables).map(\.rawValue))
  let further = tables.filter { !drawn.contains($0.name) }
  if !further.isEmpty {
    sections.append(
      "<section>\n<h2>Further tables</h2>\n" + further.map { HTML.table($0) }.joined(separator: "\n")
        + "\n</section>")
  }
  if let quality { sections.append(quality.html()) }
  let parameterRows = parameters.map { "<tr><th>\(HTML.escape($0.0))</th><td>\(HTML.escape($0.1))</td></tr>" }
  let inputRows = inputs.map {
    "<tr><td>\(HTML.escape($0.path))</td><td class=\"num\">\($0.bytes)</td><td><code>\(HTML.escape($0.sha256))</code></td></tr>"
  }
  sections.append(
    (["<section>", "<h2>Pipeline parameters</h2>", "<table class=\"settings\">"] + parameterRows
      + ["</table>", "<h2>Inputs</h2>", "<table>", "<tr><th>path</th><th>bytes</th><th>SHA-256</th></tr>"]
      + inputRows + ["</table>", "</section>"]).joined(separator: "\n"))
  return """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>regpipe tables</title>
    <style>
    body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
    svg { display: block; margin: 1em 0; font-size: 12px; }
    svg .group { font-weight: bold; }
    table { border-collapse: collapse; margin: 1em 0; font-size: 13px; }
    caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
    th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.suppressed { color: #666; font-style: italic; background: repeating-linear-gradient(45deg, #fff, #fff 4px, #eee 4px, #eee 8px); }
    td.empty { color: #777; font-style: italic; text-align: center; }
    p.nochart { color: #555; font-style: italic; border-left: 3px solid #ccc; padding-left: 0.5em; }
    table.counts th { text-align: left; font-weight: normal; }
    table.settings th { text-align: left; font-weight: normal; font-family: ui-monospace, monospace; }
    p.provenance { color: #444; }
    p.synthetic { border: 3px solid #b00; color: #b00; font-weight: bold; padding: 0.5em; }
    </style>
    </head>
    <body>
    <h1>regpipe tables</h1>
    \(provenance.map { $0.html(inputCount: inputs.count) } ?? "")
    <p>Aggregated, disclosure-controlled tables (docs/SPEC.md, section 9). Three kinds of cell have no number: <em>suppressed</em> cells are withheld by disclosure control (hatched in the charts); <em>no denominator</em> marks a share or mean of zero persons; <em>not reported</em> marks returning users in the first years of the window, which have too few years before them to look back on (section 7). Shares are shown in percent.</p>
    \(sections.joined(separator: "\n"))
    </body>
    </html>

    """
}

/// A report section: a chart drawn from some tables (or none), then those tables.
private struct ReportSection: Sendable {
  let title: String
  let note: String
  /// The tables the chart reads, all shown after it.
  let tables: [TableName]
  let chart: (@Sendable (SectionTables) -> BarChart)?
  /// How a table is shown: whole by default.
  var show: @Sendable (Table) -> String = { HTML.table($0) }

  func html(_ byName: [String: Table], id: String) -> String {
    var lines = ["<section>", "<h2>\(HTML.escape(title))</h2>", "<p>\(HTML.escape(note))</p>"]
    let present = tables.compactMap { byName[$0.rawValue] }
    if present.count != tables.count {
      lines.append("<p>Not drawn: a table is missing.</p>")
    } else if let chart {
      let drawn = chart(SectionTables(byName: Dictionary(uniqueKeysWithValues: zip(tables, present))))
      lines.append(drawn.hasBars ? drawn.svg(id: id) : "<p class=\"nochart\">\(HTML.escape(drawn.whyNoBars))</p>")
    }
    lines += present.map(show)
    lines.append("</section>")
    return lines.joined(separator: "\n")
  }

  static let all = [
    ReportSection(
      title: "Typology: share of persons and share of nights",
      note:
        "Short, episodic and long users (Kuhn & Culhane): their share of the typology persons and of the nights in the window.",
      tables: [.typology],
      chart: { tables in
        let table = tables[.typology]
        return BarChart(
          title: "Share of persons and share of nights by group", series: ["share of persons", "share of nights"],
          groups: rows(table, excludingTotal: "group").map { row in
            .init(
              label: key(table, row, "group"),
              values: [share(table, row, "share_persons"), share(table, row, "share_nights")])
          })
      }),
    ReportSection(
      title: "Users per year",
      note: "Persons with a night at a shelter in the year, and the returning users among them: those who also "
        + "stayed in the lookback years before (not reported for the first years of the window).",
      tables: [.yearlyUsers],
      chart: { tables in
        let table = tables[.yearlyUsers]
        let columns = ["users", "returning_users"].map { table.columnIndex($0)! }
        let largest =
          table.rows.indices.flatMap { row in
            columns.compactMap { table.suppressed[row][$0] ? nil : table.rows[row][$0].intValue }
          }.max() ?? 0
        let axis = BarChart.Axis.counts(atLeast: largest)
        return BarChart(
          title: "Users and returning users by year", series: ["users", "returning users"],
          groups: table.rows.indices.map { row in
            .init(label: key(table, row, "year"), values: columns.map { count(table, row, $0, axis: axis) })
          }, axis: axis)
      }),
    ReportSection(
      title: "Stays per user by year",
      note: "Users of each year by their number of stays in the year, as a share of the year's users.",
      tables: [.repeatUse],
      chart: { tables in byYear(tables[.repeatUse], label: "bin", title: "Users by stays per user") }),
    ReportSection(
      title: "Stay length and the 90- and 120-day thresholds by year",
      note: "Completed stays by year of check-out: share in each length band, and share longer than 90 and 120 nights.",
      tables: [.stayDuration, .stayThresholds],
      chart: { tables in
        let (bands, thresholds) = (tables[.stayDuration], tables[.stayThresholds])
        let chart = byYear(bands, label: "band", title: "Completed stays by length")
        return BarChart(
          title: "Completed stays by length and over 90 / 120 nights",
          series: chart.series.map { "\($0) nights" } + ["over 90 nights", "over 120 nights"],
          groups: chart.groups.map { group in
            let row = thresholds.rows.indices.first { key(thresholds, $0, "year") == group.label }
            let extra = ["share_over_90", "share_over_120"].map { column in
              row.map { share(thresholds, $0, column) } ?? .empty
            }
            return .init(label: group.label, values: group.values + extra)
          })
      }),
    ReportSection(
      title: "Welfare-service use by group",
      note:
        "Typology persons using each service or meeting each indicator in the window, as a share of the group's persons.",
      tables: [.welfareUse],
      chart: { tables in
        let table = tables[.welfareUse]
        let indicators = distinct(table, "indicator")
        return BarChart(
          title: "Welfare-service use by group", series: Labels.groups,
          groups: indicators.map { indicator in
            .init(
              label: indicator,
              values: table.rows.indices.filter { key(table, $0, "indicator") == indicator }.map {
                share(table, $0, "share")
              })
          })
      }),
    ReportSection(
      title: "Returns after exit",
      note:
        "Exits (uncensored episodes ending in the year) followed by a new episode within the last return horizon, as a share of the exits.",
      tables: [.returns],
      chart: { tables in
        let table = tables[.returns]
        return BarChart(
          title: "Share of exits followed by a return", series: ["share returned"],
          groups: table.rows.indices.map { row in
            let complete = table.text(row: row, column: table.columnIndex("follow_up_complete")!) == "true"
            let label = key(table, row, "year") + (complete ? "" : " (follow-up incomplete)")
            return .init(label: label, values: [share(table, row, "share_returned")])
          })
      }),
    ReportSection(
      title: "Transitions after exit",
      note:
        "Exits (uncensored episodes ending in the year) followed by an event of each service within 30, 90 or 365 days "
        + "of the exit (SPEC 8a), as a share of the year's exits; any = at least one of the services.",
      tables: [.transitions],
      chart: { tables in
        let table = tables[.transitions]
        let horizons = table.columns.map(\.name).filter { $0.hasPrefix("share_") }
        return BarChart(
          title: "Share of exits followed by each service", series: distinct(table, "service"),
          groups: distinct(table, "year").flatMap { year in
            let rows = table.rows.indices.filter { key(table, $0, "year") == year }
            let complete = rows.first.map { key(table, $0, "follow_up_complete") == "true" } ?? true
            return horizons.map { column in
              BarChart.Group(
                label: "\(year), \(column.dropFirst("share_".count)) days" + (complete ? "" : " (incomplete)"),
                values: rows.map { share(table, $0, column) })
            }
          })
      }),
    ReportSection(
      title: "Stays over 90 and 120 nights by quarter",
      note: "Completed stays by quarter of check-out: the share longer than 90 and than 120 nights. The 2023 reform's "
        + "refund limits took effect on 1 October 2023 (2023-Q4, marked).",
      tables: [.stayThresholdsQuarterly],
      chart: { tables in
        let table = tables[.stayThresholdsQuarterly]
        return BarChart(
          title: "Completed stays over 90 / 120 nights by quarter", series: ["over 90 nights", "over 120 nights"],
          groups: table.rows.indices.map { row in
            let quarter = key(table, row, "quarter")
            return .init(
              label: quarter == reformQuarter ? quarter + " (reform)" : quarter,
              values: [share(table, row, "share_over_90"), share(table, row, "share_over_120")])
          })
      }),
    ReportSection(
      title: "Age profile of each year's users",
      note: "Users of each year by age in whole years on 31 December, as a share of the year's users (all sexes).",
      tables: [.yearlyUsersBySexAge],
      chart: { tables in
        let table = tables[.yearlyUsersBySexAge]
        let all = table.rows.indices.filter { key(table, $0, "sex") == Labels.total }
        return BarChart(
          title: "Users by age band", series: Labels.ageBands.filter { $0 != Labels.total },
          groups: distinct(table, "year").map { year in
            .init(
              label: year,
              values: all.filter { key(table, $0, "year") == year && key(table, $0, "age_band") != Labels.total }
                .map { share(table, $0, "share") })
          })
      }),
    ReportSection(
      title: "Typology by municipality",
      note: "Typology persons by the municipality of the persons register, grouped by region; the share is of the "
        + "municipality's typology persons.",
      tables: [.typologyByMunicipality], chart: nil,
      show: { table in
        let regions = RegionTable.bundled
        var groups: [(caption: String, rows: [Int])] =
          regions.regions.map { ($0.name, []) } + [("unknown", []), ("total", [])]
        for row in table.rows.indices {
          let code = key(table, row, "municipality")
          let index =
            regions.regionIndex(ofMunicipality: code) ?? (code == Labels.total ? groups.count - 1 : groups.count - 2)
          groups[index].rows.append(row)
        }
        return groups.filter { !$0.rows.isEmpty }.map {
          HTML.table(table, rows: $0.rows, caption: "typology_by_municipality: \($0.caption)")
        }.joined(separator: "\n")
      }),
  ]
}

/// The tables of a section, all present (the section is drawn only then).
private struct SectionTables {
  let byName: [TableName: Table]

  subscript(name: TableName) -> Table {
    guard let table = byName[name] else { preconditionFailure("the section does not list \(name.rawValue)") }
    return table
  }
}

/// The quarter the 2023 reform's refund limits took effect (1 October 2023).
private let reformQuarter = "2023-Q4"

/// A chart of a yearly table's `share` per `label` value (its `total` left out), one group per year.
private func byYear(_ table: Table, label: String, title: String) -> BarChart {
  let series = distinct(table, label).filter { $0 != Labels.total }
  return BarChart(
    title: title, series: series,
    groups: distinct(table, "year").map { year in
      let rows = table.rows.indices.filter { key(table, $0, "year") == year && key(table, $0, label) != Labels.total }
      return .init(label: year, values: rows.map { share(table, $0, "share") })
    })
}

/// Rows whose `column` is not `total`.
private func rows(_ table: Table, excludingTotal column: String) -> [Int] {
  table.rows.indices.filter { key(table, $0, column) != Labels.total }
}

/// The distinct values of a key column, in row order.
private func distinct(_ table: Table, _ column: String) -> [String] {
  var values: [String] = []
  for row in table.rows.indices where !values.contains(key(table, row, column)) {
    values.append(key(table, row, column))
  }
  return values
}

/// The text of a key column (key cells are never suppressed).
private func key(_ table: Table, _ row: Int, _ column: String) -> String {
  table.text(row: row, column: table.columnIndex(column)!) ?? ""
}

/// A share cell as a bar: its value and percentage text (rounded half away from zero
/// on the exact rational), or suppressed, or empty.
private func share(_ table: Table, _ row: Int, _ column: String) -> BarChart.Value {
  let index = table.columnIndex(column)!
  guard !table.suppressed[row][index] else { return .suppressed }
  if table.rows[row][index] == .notReported { return .notReported }
  guard case .ratio(let numerator, let denominator) = table.rows[row][index] else { return .empty }
  return .share(
    Double(numerator) / Double(denominator), text: roundedDecimal(numerator * 100, denominator, places: 1) + " %")
}

/// A count cell as a bar on a counts axis, or suppressed, or not reported.
private func count(_ table: Table, _ row: Int, _ column: Int, axis: BarChart.Axis) -> BarChart.Value {
  guard !table.suppressed[row][column] else { return .suppressed }
  guard let value = table.rows[row][column].intValue, case .counts(let maximum) = axis else { return .notReported }
  return .share(Double(value) / Double(maximum), text: String(value))
}

/// What the tables come from, for the top of the report: no timestamps, so reruns on the
/// same inputs give the same bytes.
package struct ReportProvenance: Sendable {
  package var pipeline: String
  package var programVersion: String
  package var specVersion: String
  package var window: (from: String, to: String)
  /// The first and last calendar year the stays sources' stays touch.
  package var dataYears: (first: Int, last: Int)?
  /// The inputs were written by `regpipe synth`.
  package var synthetic: Bool

  package init(
    pipeline: String, programVersion: String, specVersion: String, window: (from: String, to: String),
    dataYears: (first: Int, last: Int)?, synthetic: Bool
  ) {
    self.pipeline = pipeline
    self.programVersion = programVersion
    self.specVersion = specVersion
    self.window = window
    self.dataYears = dataYears
    self.synthetic = synthetic
  }

  func html(inputCount: Int) -> String {
    let data = dataYears.map { " · stays data \($0.first)–\($0.last)" } ?? ""
    var lines = [
      "<p class=\"provenance\">Pipeline <b>\(HTML.escape(pipeline))</b> · regpipe \(HTML.escape(programVersion)) · "
        + "SPEC v\(HTML.escape(specVersion)) · window \(window.from) – \(window.to)\(data) · \(inputCount) input "
        + "file\(inputCount == 1 ? "" : "s") (listed at the end)</p>"
    ]
    if synthetic {
      lines.append(
        "<p class=\"synthetic\">SYNTHETIC DATA: written by regpipe synth — invented persons and events, not register "
          + "data. These figures show that the pipeline works; they say nothing about homelessness in Denmark.</p>")
    }
    return lines.joined(separator: "\n")
  }
}
