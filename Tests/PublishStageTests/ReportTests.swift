import RegisterModel
import XCTest

@testable import PublishStage

final class ReportTests: XCTestCase {
  private func report() throws -> String {
    renderReport(
      tables: try Fixtures.tables(),
      parameters: [("pipeline", "demo <b>&</b>"), ("min_cell", "5")],
      inputs: [(path: "Fixtures/\"odd\" name.csv.gz", bytes: 1234, sha256: "ab12")])
  }

  func testOneChartPerSectionAndNoScripts() throws {
    let html = try report()
    // Nine sections have a chart (typology_by_municipality is shown by region instead);
    // two have no value to draw in the fixture and say why instead.
    XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 7)
    XCTAssertEqual(html.components(separatedBy: "<p class=\"nochart\">").count - 1, 2)
    XCTAssertTrue(
      html.contains(
        "<p class=\"nochart\">Not drawn: share of exits followed by a return has no value to show: 1 of its 2 values "
          + "is suppressed, the others have no denominator or are not reported.</p>"))
    XCTAssertFalse(html.lowercased().contains("<script"))
    XCTAssertFalse(html.contains("http://fonts"))
    XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
    // Each chart is followed by its table.
    let typologyChart = html.range(of: "<svg")!.lowerBound
    let typologyTable = html.range(of: "<caption>typology</caption>")!.lowerBound
    XCTAssertLessThan(typologyChart, typologyTable)
  }

  func testSuppressedCellsAreMarkedNotNumbered() throws {
    let html = try report()
    // typology: episodic and long shares are suppressed → hatched bars, in the chart.
    let firstChart = String(html[html.range(of: "<svg")!.lowerBound..<html.range(of: "</svg>")!.upperBound])
    XCTAssertEqual(firstChart.components(separatedBy: ">suppressed</text>").count - 1, 4)
    XCTAssertTrue(firstChart.contains("fill=\"url(#chart1-hatch)\""))
    XCTAssertTrue(firstChart.contains(">63.5 %</text>"))  // short: 40/63
    XCTAssertTrue(html.contains("<td class=\"suppressed\">suppressed</td>"))
    // The suppressed episodic count (3) appears nowhere in the typology table.
    XCTAssertTrue(html.contains("<tr><td>episodic</td><td class=\"suppressed\">suppressed</td>"))
  }

  func testTextIsEscaped() throws {
    let html = try report()
    XCTAssertTrue(html.contains("<td>demo &lt;b&gt;&amp;&lt;/b&gt;</td>"))
    XCTAssertFalse(html.contains("<b>&"))
    XCTAssertTrue(html.contains("<td>Fixtures/&quot;odd&quot; name.csv.gz</td><td class=\"num\">1234</td>"))
    XCTAssertEqual(HTML.escape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
  }

  func testFurtherTablesAndMissingTables() throws {
    let html = try report()
    for name in ["typology_by_region", "typology_by_sex_age"] {
      XCTAssertTrue(html.contains("<caption>\(name)</caption>"), name)
    }
    let partial = renderReport(tables: [try Fixtures.tables()[named: "typology"]], parameters: [], inputs: [])
    XCTAssertEqual(partial.components(separatedBy: "<svg").count - 1, 1)
    XCTAssertEqual(partial.components(separatedBy: "Not drawn: a table is missing.").count - 1, 9)
  }

  /// The reform sections: transitions by year and horizon, 2023-Q4 marked as the reform
  /// quarter, the municipality table grouped by region (København under Hovedstaden).
  func testReformSections() throws {
    let html = try report()
    XCTAssertTrue(html.contains(">2019, 30 days</text>"), "a group per year and horizon")
    XCTAssertTrue(html.contains(">2020, 365 days (incomplete)</text>"))
    XCTAssertTrue(html.contains("<caption>typology_by_municipality: Region Hovedstaden</caption>"))
    XCTAssertTrue(html.contains("<caption>typology_by_municipality: Region Sjælland</caption>"))
    XCTAssertTrue(html.contains("<caption>typology_by_municipality: total</caption>"))
    let hovedstaden = try XCTUnwrap(html.range(of: "typology_by_municipality: Region Hovedstaden"))
    let kobenhavn = try XCTUnwrap(html.range(of: "<td>101</td><td>København</td>"))
    XCTAssertLessThan(hovedstaden.lowerBound, kobenhavn.lowerBound)
    let quarters = renderReport(
      tables: [
        try stayThresholdsQuarterlyTable(
          StayFigures(
            bandLabels: [],
            years: [
              StayYearFigures(year: 2023, bandCounts: [], completedStays: 40, over90: 8, over120: 4, plannedExits: 20)
            ],
            quarters: (1...4).map {
              StayQuarterFigures(year: 2023, quarter: $0, completedStays: 10, over90: 2, over120: 1, plannedExits: 5)
            }))
      ], parameters: [], inputs: [])
    XCTAssertTrue(quarters.contains(">2023-Q4 (reform)</text>"))
    XCTAssertTrue(quarters.contains(">2023-Q3</text>"))
  }

  /// The top says what the tables come from, and a SYNTHETIC banner when synth made the
  /// data; without provenance (a library caller) there is neither.
  func testProvenanceAndSyntheticBanner() throws {
    func render(synthetic: Bool) throws -> String {
      renderReport(
        tables: try Fixtures.tables(), parameters: [], inputs: [("a.csv", 1, "ab"), ("b.csv", 2, "cd")],
        provenance: ReportProvenance(
          pipeline: "demo", programVersion: "9.9.9", specVersion: "2", window: ("2017-01-01", "2023-12-31"),
          dataYears: (2013, 2023), synthetic: synthetic))
    }
    let html = try render(synthetic: true)
    XCTAssertTrue(
      html.contains(
        "<p class=\"provenance\">Pipeline <b>demo</b> · regpipe 9.9.9 · SPEC v2 · window 2017-01-01 – 2023-12-31 · "
          + "stays data 2013–2023 · 2 input files (listed at the end)</p>"), html)
    XCTAssertTrue(html.contains("<p class=\"synthetic\">SYNTHETIC DATA: written by regpipe synth"))
    XCTAssertFalse(try render(synthetic: false).contains("<p class=\"synthetic\">"))
    XCTAssertFalse(try report().contains("<p class=\"provenance\">"))
  }

  /// Users per year on a counts axis, returning users not reported in the first years;
  /// the legend tells the three kinds of cell without a number apart.
  func testUsersPerYearAndTheLegend() throws {
    let html = try report()
    let section = try XCTUnwrap(html.range(of: "<h2>Users per year</h2>"))
    let chart = String(html[section.upperBound...]).components(separatedBy: "</svg>")[0]
    XCTAssertTrue(chart.contains("<title>Users and returning users by year</title>"))
    XCTAssertTrue(chart.contains(">not reported</text>"))
    XCTAssertFalse(chart.contains(" %</text>"), "counts, not shares")
    XCTAssertTrue(html.contains("<em>no denominator</em> marks a share or mean of zero persons; <em>not reported</em>"))
    XCTAssertTrue(html.contains("<td class=\"empty\">not reported</td>"))
    XCTAssertTrue(html.contains("<th title=\"share_persons\">Share of persons (%)</th>"))
  }

  /// The data-quality summary: rows read, rejected by reason, accepted, filtered, kept;
  /// dedup counts; the warnings.
  func testQualitySummary() throws {
    let quality = ReportQuality(
      sources: [
        .init(
          name: "boform110", rowsRead: 1608, accepted: 1598,
          rejected: ["unparsable start": 7, "wrong number of fields": 3], filtered: 0),
        .init(name: "population", rowsRead: 3000, accepted: 3000, rejected: [:], filtered: 2400),
      ],
      dedup: [("exact duplicate stays dropped", 3)], warnings: ["boform110: no stay in 2018"])
    let html = renderReport(tables: try Fixtures.tables(), parameters: [], inputs: [], quality: quality)
    XCTAssertTrue(
      html.contains(
        "<tr><td>boform110</td><td class=\"num\">1608</td><td class=\"num\">10</td><td>unparsable start 7; wrong "
          + "number of fields 3</td><td class=\"num\">1598</td><td class=\"num\">0</td><td class=\"num\">1598</td></tr>"
      ))
    XCTAssertTrue(
      html.contains(
        "<tr><td>population</td><td class=\"num\">3000</td><td class=\"num\">0</td><td>none</td>"
          + "<td class=\"num\">3000</td><td class=\"num\">2400</td><td class=\"num\">600</td></tr>"))
    XCTAssertTrue(html.contains("<tr><th>exact duplicate stays dropped</th><td class=\"num\">3</td></tr>"))
    XCTAssertTrue(html.contains("<li>boform110: no stay in 2018</li>"))
    XCTAssertLessThan(
      html.range(of: "<h2>Data quality</h2>")!.lowerBound, html.range(of: "<h2>Pipeline parameters</h2>")!.lowerBound)
    XCTAssertFalse(try report().contains("<h2>Data quality</h2>"))
  }

  func testTheReportIsDeterministic() throws {
    XCTAssertEqual(try report(), try report())
  }
}
