/// Horizontal grouped bar charts as inline SVG for the offline report: no scripts, no
/// external resources, integer coordinates so the bytes are deterministic. Every bar is
/// labelled with its series on the left and its value on the right, so no legend is needed.
/// Bars are shares on a fixed 0–100 % axis with gridlines, so a small share looks small
/// and two charts can be compared by eye, or counts on an axis from 0 to a round number.
struct BarChart {
  /// One bar: a published value as a fraction of the axis, a suppressed cell, no value
  /// (denominator 0), or a figure SPEC 7 does not report.
  enum Value {
    case share(Double, text: String)
    case suppressed
    case empty
    case notReported

    var isDrawn: Bool { if case .share = self { true } else { false } }
  }

  /// The horizontal axis: shares from 0 to 100 %, or counts from 0 to `maximum`.
  enum Axis {
    case percent
    case counts(maximum: Int)

    /// The axis label of a tick at `percent` of its length.
    func label(_ percent: Int) -> String {
      switch self {
      case .percent: "\(percent) %"
      case .counts(let maximum): String(maximum * percent / 100)
      }
    }

    /// The smallest round number (1, 2, 4, 5 or 8 × 10^k) at or above `largest` that
    /// divides by 4, so the ticks at quarters of the axis are whole counts.
    static func counts(atLeast largest: Int) -> Axis {
      var scale = 1
      while true {
        for step in [1, 2, 4, 5, 8] where (step * scale) % 4 == 0 && step * scale >= largest {
          return .counts(maximum: step * scale)
        }
        scale *= 10
      }
    }
  }

  struct Group {
    let label: String
    /// One per series, in series order.
    let values: [Value]
  }

  let title: String
  let series: [String]
  let groups: [Group]
  var axis = Axis.percent

  private static let palette = ["#3b6ea5", "#d08c2e", "#5a9a5a", "#8e5ea2", "#b5483c", "#5f8f9f", "#9a8f3a"]
  private static let (labelWidth, barArea, barHeight, gap, groupHeader) = (150, 400, 14, 3, 20)
  /// Gridlines and axis labels, in percent.
  private static let ticks = [0, 25, 50, 75, 100]
  private static let axisHeight = 18

  /// Whether any bar has a value to draw.
  var hasBars: Bool { groups.contains { $0.values.contains(where: \.isDrawn) } }

  /// Why there is nothing to draw, for the text shown instead of empty bars.
  var whyNoBars: String {
    let values = groups.flatMap(\.values)
    let suppressed = values.filter { if case .suppressed = $0 { true } else { false } }.count
    let what = "Not drawn: \(title.prefix(1).lowercased() + title.dropFirst()) has no value to show"
    if values.isEmpty { return what + " (the table has no rows)." }
    if suppressed == values.count {
      return what + ": every one of its \(values.count) values is suppressed by disclosure control."
    }
    return what + ": \(suppressed) of its \(values.count) values \(suppressed == 1 ? "is" : "are") suppressed, the "
      + "others have no denominator or are not reported."
  }

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
      parts.append(
        "<text x=\"\(x)\" y=\"\(rowsHeight + 14)\" text-anchor=\"middle\" class=\"axis\">\(axis.label(tick))</text>")
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
      return
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(length)\" height=\"\(Self.barHeight)\" fill=\"\(Self.color(series))\"/>"
        + "<text x=\"\(x + length + 4)\" y=\"\(y + 11)\">\(HTML.escape(text))</text>"
    case .suppressed:
      return
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"60\" height=\"\(Self.barHeight)\" fill=\"url(#\(id)-hatch)\" stroke=\"#999\" class=\"suppressed\"/>"
        + "<text x=\"\(x + 64)\" y=\"\(y + 11)\" class=\"suppressed\">suppressed</text>"
    case .empty:
      return "<text x=\"\(x)\" y=\"\(y + 11)\" class=\"empty\">no value (denominator 0)</text>"
    case .notReported:
      return "<text x=\"\(x)\" y=\"\(y + 11)\" class=\"empty\">not reported</text>"
    }
  }

  private static func color(_ series: Int) -> String { palette[series % palette.count] }
}
