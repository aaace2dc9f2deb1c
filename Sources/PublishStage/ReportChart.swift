/// Horizontal grouped bar charts as inline SVG for the offline report: no scripts, no
/// external resources, integer coordinates so the bytes are deterministic. Every bar is
/// labelled with its series on the left and its value on the right, so no legend is needed.
/// Bars are shares on a fixed 0–100 % axis with gridlines, so a small share looks small
/// and two charts can be compared by eye.
struct BarChart {
  /// One bar: a published share, a suppressed cell, or no value (denominator 0).
  enum Value {
    case share(Double, text: String)
    case suppressed
    case empty
  }

  struct Group {
    let label: String
    /// One per series, in series order.
    let values: [Value]
  }

  let title: String
  let series: [String]
  let groups: [Group]

  private static let palette = ["#3b6ea5", "#d08c2e", "#5a9a5a", "#8e5ea2", "#b5483c", "#5f8f9f", "#9a8f3a"]
  private static let (labelWidth, barArea, barHeight, gap, groupHeader) = (150, 400, 14, 3, 20)
  /// Gridlines and axis labels, in percent.
  private static let ticks = [0, 25, 50, 75, 100]
  private static let axisHeight = 18

  /// The chart as an `<svg>` element; `id` keeps its hatch pattern's id unique on the page.
  func svg(id: String) -> String {
    let rowsHeight = groups.reduce(0) { $0 + Self.groupHeader + $1.values.count * (Self.barHeight + Self.gap) + 6 }
    let (width, height) = (Self.labelWidth + Self.barArea + 110, rowsHeight + Self.axisHeight + 4)
    let scale = Double(Self.barArea)  // a share of 1 fills the bar area
    var parts = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTML.escape(title))\">",
      "<title>\(HTML.escape(title))</title>",
      "<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999\" stroke-width=\"2\"/></pattern></defs>",
    ]
    // Gridlines behind the bars, labelled under the last group.
    for tick in Self.ticks {
      let x = Self.labelWidth + Self.barArea * tick / 100
      parts.append("<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(rowsHeight)\" class=\"grid\" stroke=\"#ddd\"/>")
      parts.append("<text x=\"\(x)\" y=\"\(rowsHeight + 14)\" text-anchor=\"middle\" class=\"axis\">\(tick) %</text>")
    }
    var y = 0
    for group in groups {
      parts.append("<text x=\"0\" y=\"\(y + 14)\" class=\"group\">\(HTML.escape(group.label))</text>")
      y += Self.groupHeader
      for (s, value) in group.values.enumerated() {
        let barY = y + s * (Self.barHeight + Self.gap)
        parts.append(
          "<text x=\"\(Self.labelWidth - 6)\" y=\"\(barY + 11)\" text-anchor=\"end\">\(HTML.escape(series[s]))</text>")
        parts.append(bar(value, series: s, y: barY, scale: scale, id: id))
      }
      y += group.values.count * (Self.barHeight + Self.gap) + 6
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }

  private func bar(_ value: Value, series: Int, y: Int, scale: Double, id: String) -> String {
    let x = Self.labelWidth
    switch value {
    case .share(let share, let text):
      let length = Int((share * scale).rounded())
      return "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(length)\" height=\"\(Self.barHeight)\" fill=\"\(Self.color(series))\"/>"
        + "<text x=\"\(x + length + 4)\" y=\"\(y + 11)\">\(HTML.escape(text))</text>"
    case .suppressed:
      return "<rect x=\"\(x)\" y=\"\(y)\" width=\"60\" height=\"\(Self.barHeight)\" fill=\"url(#\(id)-hatch)\" stroke=\"#999\" class=\"suppressed\"/>"
        + "<text x=\"\(x + 64)\" y=\"\(y + 11)\" class=\"suppressed\">suppressed</text>"
    case .empty:
      return "<text x=\"\(x)\" y=\"\(y + 11)\" class=\"empty\">no value (denominator 0)</text>"
    }
  }

  private static func color(_ series: Int) -> String { palette[series % palette.count] }
}
