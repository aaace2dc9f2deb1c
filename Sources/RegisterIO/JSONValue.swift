/// A JSON document built in code and rendered byte for byte the same on every run:
/// object members keep the order they were added in, numbers are written exactly
/// (integers as integers, decimals to a fixed number of places, never an exponent).
/// Used for manifest.json, quality.json and the tables' JSON (SPEC 9–10).
package enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  /// A number written with exactly `decimals` places, rounded half away from zero
  /// (SPEC 9); NaN and infinities are written as `null`.
  case decimal(Double, decimals: Int)
  case string(String)
  case array([JSONValue])
  case object([JSONMember])

  /// An object from key–value pairs, in the order given.
  package static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
    .object(pairs.map { JSONMember($0.key, $0.value) })
  }

  /// The document pretty-printed with 2-space indents, `": "` after keys, and a final newline.
  package func rendered() -> String {
    var out = ""
    write(to: &out, indent: "")
    return out + "\n"
  }

  private func write(to out: inout String, indent: String) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .int(let value): out += String(value)
    case .decimal(let value, let decimals): out += DecimalText.render(value, decimals: decimals) ?? "null"
    case .string(let value): out += Self.quoted(value)
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      let inner = indent + "  "
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += inner
        item.write(to: &out, indent: inner)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      out += indent + "]"
    case .object(let members):
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      let inner = indent + "  "
      out += "{\n"
      for (i, member) in members.enumerated() {
        out += inner + Self.quoted(member.key) + ": "
        member.value.write(to: &out, indent: inner)
        out += i + 1 < members.count ? ",\n" : "\n"
      }
      out += indent + "}"
    }
  }

  /// A JSON string per RFC 8259: `"` and `\` escaped, control characters as `\n`-style
  /// short escapes or `\u00xx`; everything else, non-ASCII included, as UTF-8.
  package static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

/// One member of a JSON object.
package struct JSONMember: Equatable, Sendable {
  package var key: String
  package var value: JSONValue

  package init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}
