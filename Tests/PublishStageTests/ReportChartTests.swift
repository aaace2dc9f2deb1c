import XCTest

@testable import PublishStage

final class ReportChartTests: XCTestCase {
  func testBarsScaleToTheLargestShareAndMarkSuppressedAndEmpty() {
    let chart = BarChart(
      title: "T & t", series: ["a", "b"],
      groups: [
        .init(label: "2019", values: [.share(0.5, text: "50.0 %"), .share(0.25, text: "25.0 %")]),
        .init(label: "2020", values: [.suppressed, .empty]),
      ])
    let svg = chart.svg(id: "c1")
    XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    XCTAssertTrue(svg.contains("<title>T &amp; t</title>"))
    XCTAssertTrue(svg.contains("width=\"380\" height=\"14\""))  // the largest share fills the bar area
    XCTAssertTrue(svg.contains("width=\"190\" height=\"14\""))  // half of it
    XCTAssertTrue(svg.contains("fill=\"url(#c1-hatch)\""))
    XCTAssertTrue(svg.contains(">suppressed</text>"))
    XCTAssertTrue(svg.contains(">no value (denominator 0)</text>"))
    XCTAssertTrue(svg.hasSuffix("</svg>"))
  }
}
