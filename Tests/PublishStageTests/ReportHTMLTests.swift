import XCTest

@testable import PublishStage

final class ReportHTMLTests: XCTestCase {
  func testTablesShowPublishedTextSuppressedAndEmpty() {
    XCTAssertEqual(
      HTML.table(smallTable()),
      """
      <table>
      <caption>small</caption>
      <tr><th>region</th><th>persons</th><th>share</th><th>mean</th><th>complete</th></tr>
      <tr><td>Region &quot;Nord&quot;, DK</td><td class="num">12</td><td class="num">0.3333</td><td class="num">2.3</td><td>true</td></tr>
      <tr><td>total</td><td class="suppressed">suppressed</td><td class="empty" title="no value">–</td><td class="suppressed">suppressed</td><td>false</td></tr>
      </table>
      """)
  }
}
