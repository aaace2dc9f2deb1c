/// The small RFC 4180 subset the tables need: quoting a field on the way out, and
/// reading a table file back for `diff`.
enum CSVText {
  /// The field as written: quoted (quotes doubled) when it holds a comma, a quote or a
  /// line break, as is otherwise.
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }

  /// Records of a CSV text: quoted fields may hold delimiters, doubled quotes and line
  /// breaks; records end in LF or CRLF; a final line break does not start a record.
  static func records(_ text: String) -> [[String]] {
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
      case ",":
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
