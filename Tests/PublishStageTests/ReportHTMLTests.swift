import XCTest

@testable import PublishStage

final class ReportHTMLTests: XCTestCase {
  func testTablesShowPublishedTextSuppressedAndEmpty() {
    XCTAssertEqual(
      HTML.table(smallTable()),
      """
      <table>
      <caption>small</caption>
      <tr><th title="region">Region</th><th title="persons">Persons</th><th title="share">Share (%)</th><th title="mean">Mean</th><th title="complete">Complete</th></tr>
      <tr><td>Region &quot;Nord&quot;, DK</td><td class="num">12</td><td class="num">33.33 %</td><td class="num">2.3</td><td>yes</td></tr>
      <tr><td>total</td><td class="suppressed">suppressed</td><td class="empty">no denominator</td><td class="suppressed">suppressed</td><td>no</td></tr>
      </table>
      """)
  }

  /// A figure SPEC 7 does not report reads `not reported`, not `no denominator`.
  func testNotReportedIsToldApartFromNoDenominator() {
    let html = HTML.table(bandTable())
    XCTAssertTrue(
      html.contains("<tr><td>2-4</td><td class=\"num\">40</td><td class=\"empty\">not reported</td></tr>"), html)
    XCTAssertTrue(
      html.contains("<tr><td>total</td><td class=\"num\">0</td><td class=\"empty\">no denominator</td></tr>"))
  }

  func testReadableHeadings() {
    XCTAssertEqual(ReportLabels.heading("share_persons"), "Share of persons (%)")
    XCTAssertEqual(ReportLabels.heading("returns_181_365"), "Returns 181–365 days")
    XCTAssertEqual(ReportLabels.heading("within_90"), "Within 90 days")
    XCTAssertEqual(ReportLabels.heading("share_365"), "Share within 365 days (%)")
    XCTAssertEqual(ReportLabels.heading("completed_stays"), "Completed stays")
    XCTAssertEqual(ReportLabels.heading("nights_per_user"), "Nights per user")
  }
}
