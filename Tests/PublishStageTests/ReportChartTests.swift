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
      XCTAssertTrue(
        svg.contains(
          "<text x=\"\(x)\" y=\"\(Self.rowsHeight + 14)\" text-anchor=\"middle\" class=\"axis\">\(label)</text>"), label
      )
    }
    XCTAssertTrue(svg.contains("fill=\"url(#c1-hatch)\""))
    XCTAssertTrue(svg.contains(">suppressed</text>"))
    XCTAssertTrue(svg.contains(">no value (denominator 0)</text>"))
    XCTAssertTrue(svg.hasSuffix("</svg>"))
  }

  /// Counts lie on an axis from 0 to a round number a quarter of which is whole.
  func testCountAxisIsRoundAndLabelledInCounts() {
    XCTAssertEqual(BarChart.Axis.counts(atLeast: 149).label(100), "200")
    XCTAssertEqual(BarChart.Axis.counts(atLeast: 149).label(25), "50")
    XCTAssertEqual(BarChart.Axis.counts(atLeast: 3).label(100), "4")
    XCTAssertEqual(BarChart.Axis.counts(atLeast: 0).label(100), "4")
    XCTAssertEqual(BarChart.Axis.counts(atLeast: 401).label(100), "500")
    XCTAssertEqual(BarChart.Axis.counts(atLeast: 6_900).label(100), "8000")
    let chart = BarChart(
      title: "Users", series: ["users", "returning"],
      groups: [.init(label: "2017", values: [.share(0.5, text: "100"), .notReported])], axis: .counts(atLeast: 200))
    let svg = chart.svg(id: "c")
    XCTAssertTrue(svg.contains("class=\"axis\">100</text>"), svg)
    XCTAssertTrue(svg.contains("<rect x=\"150\" y=\"20\" width=\"200\""))
    XCTAssertTrue(svg.contains(">not reported</text>"))
  }

  /// A chart with no value to draw says why instead of drawing empty bars.
  func testWhyNothingIsDrawn() {
    let suppressed = BarChart(
      title: "Share of exits", series: ["a"], groups: [.init(label: "2019", values: [.suppressed, .suppressed])])
    XCTAssertFalse(suppressed.hasBars)
    XCTAssertEqual(
      suppressed.whyNoBars,
      "Not drawn: share of exits has no value to show: every one of its 2 values is suppressed by disclosure control.")
    let mixed = BarChart(title: "S", series: ["a"], groups: [.init(label: "x", values: [.suppressed, .empty])])
    XCTAssertEqual(
      mixed.whyNoBars,
      "Not drawn: s has no value to show: 1 of its 2 values is suppressed, the others have no denominator or are not reported."
    )
    XCTAssertTrue(
      BarChart(title: "S", series: ["a"], groups: [.init(label: "x", values: [.share(0, text: "0 %")])]).hasBars)
  }

  /// Two groups of two bars: each 20 (header) + 2 · 17 (bars) + 6.
  private static let rowsHeight = 2 * (20 + 2 * 17 + 6)
}
