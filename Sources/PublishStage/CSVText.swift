/// The small RFC 4180 subset the tables need: quoting a field on the way out, and
/// reading a table file back for `diff` and `audit`, in either dialect.
enum CSVText {
  /// The field as written: quoted (quotes doubled) when it holds the separator, a quote
  /// or a line break, as is otherwise.
  static func field(_ text: String, separator: Character = ",") -> String {
    guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }

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
    guard header.contains(";") && !header.contains(",") else { return records(body) }
    return records(body, separator: ";").map { record in
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

  /// Records of a CSV text: quoted fields may hold separators, doubled quotes and line
  /// breaks; records end in LF or CRLF; a final line break does not start a record.
  static func records(_ text: String, separator: Unicode.Scalar = ",") -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var atFieldStart = true
    var iterator = text.unicodeScalars.makeIterator()
    var pending = iterator.next()
    while let scalar = pending {
      pending = iterator.next()
      if quoted {
        if scalar == "\"" {
          if pending == "\"" {
            field.unicodeScalars.append("\"")
            pending = iterator.next()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where atFieldStart:
        quoted = true
        atFieldStart = false
      case separator:
        record.append(field)
        field = ""
        atFieldStart = true
      case "\r" where pending == "\n":
        continue
      case "\n":
        record.append(field)
        records.append(record)
        (record, field, atFieldStart) = ([], "", true)
      default:
        field.unicodeScalars.append(scalar)
        atFieldStart = false
      }
    }
    if !atFieldStart || !record.isEmpty || !field.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
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
