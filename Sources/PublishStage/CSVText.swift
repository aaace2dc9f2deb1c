import RegisterModel

/// Reading a published table file back for `diff` and `audit`, in either dialect, and
/// the labels Excel would convert.
enum CSVText {
  /// A label Excel (or LibreOffice) may turn into a date or number: one that starts with
  /// a digit (`2-4` → 2 April, `1-30`, `5+` → 5, `101`).
  static func excelMightConvert(_ text: String) -> Bool {
    text.first.map { $0.isASCII && $0.isNumber } ?? false
  }

  /// The records of a published table file in either dialect, as in the standard one: a
  /// header with `;` between its names (which hold neither `;` nor `,`) marks `excel-da`,
  /// whose decimal commas become points and whose `="…"` labels their text. A BOM is
  /// skipped.
  static func tableRecords(_ text: String) -> [[String]] {
    let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    let header = body.unicodeScalars.prefix { $0 != "\n" && $0 != "\r" }
    guard header.contains(";") && !header.contains(",") else { return CSVRecords.parse(body) }
    return CSVRecords.parse(body, separator: ";").map { record in
      record.map { field in
        if field.hasPrefix("=\""), field.hasSuffix("\""), field.count >= 3 {
          return String(field.dropFirst(2).dropLast())
        }
        return isDecimalWithComma(field) ? field.replacingAll(",", with: ".") : field
      }
    }
  }

  /// `12,5`, `-0,2500`: digits, one comma, digits.
  private static func isDecimalWithComma(_ field: String) -> Bool {
    let unsigned = field.hasPrefix("-") ? field.dropFirst() : Substring(field)
    let parts = unsigned.split(separator: ",", omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }
}

extension String {
  /// Every occurrence of `target` replaced (without Foundation).
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
