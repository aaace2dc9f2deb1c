/// The one reader of small CSV texts held in memory (the municipality table, published
/// tables read back); registers and artefacts stream through RegisterIO's
/// `DelimitedReader`.
package enum CSVRecords {
  /// Records of a CSV text: quoted fields may hold separators, doubled quotes and line
  /// breaks; records end in LF or CRLF; a final line break does not start a record.
  package static func parse(_ text: String, separator: Unicode.Scalar = ",") -> [[String]] {
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
