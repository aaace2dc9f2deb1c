import XCTest

@testable import PublishStage

final class ReportChartTests: XCTestCase {
  func testBarsLieOnAFixedPercentAxisAndMarkSuppressedAndEmpty() {
    let chart = BarChart(
      title: "T & t", series: ["a", "b"],
      groups: [
        .init(label: "2019", values: [.share(0.5, text: "50.0 %"), .share(0.25, text: "25.0 %")]),
        .init(label: "2020", values: [.suppressed, .empty]),
      ])
    let svg = chart.svg(id: "c1")
    XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    XCTAssertTrue(svg.contains("<title>T &amp; t</title>"))
    // 100 % is the 400-pixel bar area whatever the largest share: 50 % is 200, 25 % 100.
    XCTAssertTrue(svg.contains("<rect x=\"150\" y=\"20\" width=\"200\" height=\"14\""))
    XCTAssertTrue(svg.contains("<rect x=\"150\" y=\"37\" width=\"100\" height=\"14\""))
    XCTAssertEqual(svg.components(separatedBy: "class=\"grid\"").count - 1, 5)
    for (x, label) in [(150, "0 %"), (250, "25 %"), (350, "50 %"), (450, "75 %"), (550, "100 %")] {
      XCTAssertTrue(svg.contains("<text x=\"\(x)\" y=\"\(Self.rowsHeight + 14)\" text-anchor=\"middle\" class=\"axis\">\(label)</text>"), label)
    }
    XCTAssertTrue(svg.contains("fill=\"url(#c1-hatch)\""))
    XCTAssertTrue(svg.contains(">suppressed</text>"))
    XCTAssertTrue(svg.contains(">no value (denominator 0)</text>"))
    XCTAssertTrue(svg.hasSuffix("</svg>"))
  }

  /// Two groups of two bars: each 20 (header) + 2 · 17 (bars) + 6.
  private static let rowsHeight = 2 * (20 + 2 * 17 + 6)
}
