import CMinizip
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads the tables of a `tables.xlsx` written by `Workbook` back as the records of their
/// CSV files, so `diff` and `audit` read a workbook as they read a CSV folder: numbers
/// in the text the CSV would hold (counts and years as integers, shares with 4 and means
/// with 1 decimal), `suppressed`, `no denominator` and `not reported` as empty fields.
/// The `about` sheet is skipped. Unzipped with minizip, parsed with XMLParser.
enum WorkbookReader {
  /// A cell as stored: its type (`n` number, `s` string, `b` boolean) and its text.
  struct StoredCell: Equatable {
    let type: String
    let text: String
  }

  /// Table name → records (header first), in sheet order.
  static func tables(at path: String) throws -> [(name: String, records: [[String]])] {
    try sheets(at: path).filter { $0.name != "about" }.map { ($0.name, records($0.rows)) }
  }

  /// Every sheet's rows as stored, each row its cells by column index.
  static func sheets(at path: String) throws -> [(name: String, rows: [[Int: StoredCell]])] {
    guard let archive = unzOpen64(path) else {
      throw PublishError("\(path): cannot read the workbook (not an xlsx file)")
    }
    defer { unzClose(archive) }
    /// The bytes of the zip entry `name`, nil when there is none.
    func part(_ name: String) throws -> Data? {
      guard unzLocateFile(archive, name, 1) == UNZ_OK else { return nil }
      guard unzOpenCurrentFile(archive) == UNZ_OK else {
        throw PublishError("\(path): cannot read \(name) in the workbook")
      }
      defer { unzCloseCurrentFile(archive) }
      var data = Data()
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let count = unzReadCurrentFile(archive, &buffer, UInt32(buffer.count))
        guard count >= 0 else { throw PublishError("\(path): cannot read \(name) in the workbook (corrupt)") }
        if count == 0 { return data }
        data.append(buffer, count: Int(count))
      }
    }
    guard let workbook = try part("xl/workbook.xml"), let relations = try part("xl/_rels/workbook.xml.rels") else {
      throw PublishError("\(path): not a workbook (no xl/workbook.xml)")
    }
    let sheets = try xmlElements(workbook, named: "sheet", part: "xl/workbook.xml", path: path)
    let targets = Dictionary(
      try xmlElements(relations, named: "Relationship", part: "xl/_rels/workbook.xml.rels", path: path).compactMap {
        r in
        r["Id"].flatMap { id in r["Target"].map { (id, $0) } }
      },
      uniquingKeysWith: { first, _ in first })
    let strings = try part("xl/sharedStrings.xml").map { try SharedStrings.read($0, path: path) } ?? []
    return try sheets.map { sheet in
      let name = sheet["name"] ?? ""
      guard let target = sheet["r:id"].flatMap({ targets[$0] }), let data = try part("xl/" + target) else {
        throw PublishError("\(path): sheet \(name) is missing from the workbook")
      }
      return (name, try SheetCells.read(data, strings: strings, path: path, sheet: name))
    }
  }

  /// A table sheet's rows as CSV records: numbers in SPEC 9's decimals for the column's kind
  /// (shares 4, means and ratios 1, the rest whole), the texts of cells without a
  /// number as empty fields.
  static func records(_ rows: [[Int: StoredCell]]) -> [[String]] {
    guard let headerCells = rows.first else { return [] }
    let header = (0..<(headerCells.keys.max().map { $0 + 1 } ?? 0)).map { headerCells[$0]?.text ?? "" }
    let decimals = header.map { ColumnKind.published($0).decimals ?? 0 }
    return [header]
      + rows.dropFirst().map { row in
        header.indices.map { column in
          guard let cell = row[column] else { return "" }
          if cell.type == "n", let number = Double(cell.text) {
            return decimals[column] == 0
              ? String(Int(number.rounded())) : String(format: "%.\(decimals[column])f", number)
          }
          let noNumber = ["suppressed", "no denominator", "not reported"]
          return header[column] != "suppressed" && noNumber.contains(cell.text) ? "" : cell.text
        }
      }
  }
}

/// The attributes of every element called `name`, in document order; `part` of the
/// workbook at `path` names it in the error when it is not well-formed XML.
private func xmlElements(_ data: Data, named name: String, part: String, path: String) throws -> [[String: String]] {
  final class Collector: NSObject, XMLParserDelegate {
    let name: String
    var found: [[String: String]] = []
    init(_ name: String) { self.name = name }
    func parser(
      _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String]
    ) {
      if element == name { found.append(attributes) }
    }
  }
  let collector = Collector(name)
  let parser = XMLParser(data: data)
  parser.delegate = collector
  guard parser.parse() else { throw PublishError("\(path): \(part) in the workbook cannot be read") }
  return collector.found
}

/// `xl/sharedStrings.xml`: the text of each `<si>`, by index.
private enum SharedStrings {
  static func read(_ data: Data, path: String) throws -> [String] {
    final class Collector: NSObject, XMLParserDelegate {
      var strings: [String] = []
      var current: String?
      var inText = false
      func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
      ) {
        if element == "si" { current = "" }
        if element == "t" { inText = true }
      }
      func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current? += string } }
      func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "t" { inText = false }
        if element == "si", let text = current { strings.append(text) }
      }
    }
    let collector = Collector()
    let parser = XMLParser(data: data)
    parser.delegate = collector
    guard parser.parse() else { throw PublishError("\(path): xl/sharedStrings.xml in the workbook cannot be read") }
    return collector.strings
  }
}

/// A worksheet's cells: each `<c r="B2" t="s|b|str"><v>…</v></c>` at its column, shared
/// strings and booleans resolved to their text.
private enum SheetCells {
  static func read(_ data: Data, strings: [String], path: String, sheet: String) throws
    -> [[Int: WorkbookReader.StoredCell]]
  {
    final class Collector: NSObject, XMLParserDelegate {
      var rows: [[Int: (type: String, value: String)]] = []
      var cell: (column: Int, type: String)?
      var value = ""
      func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
      ) {
        switch element {
        case "row": rows.append([:])
        case "c": (cell, value) = ((columnIndex(attributes["r"] ?? ""), attributes["t"] ?? "n"), "")
        default: break
        }
      }
      func parser(_ parser: XMLParser, foundCharacters string: String) { if cell != nil { value += string } }
      func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        guard element == "c", let current = cell, !rows.isEmpty else { return }
        rows[rows.count - 1][current.column] = (current.type, value)
        cell = nil
      }
    }
    let collector = Collector()
    let parser = XMLParser(data: data)
    parser.delegate = collector
    guard parser.parse() else { throw PublishError("\(path): sheet \(sheet) cannot be read") }
    return collector.rows.map { row in
      row.mapValues { cell in
        switch cell.type {
        case "s":
          let text = Int(cell.value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
          return .init(type: "s", text: text)
        case "b": return .init(type: "b", text: cell.value == "1" ? "true" : "false")
        default: return .init(type: cell.type, text: cell.value)
        }
      }
    }
  }
}

/// `B7` → 1: the column letters of a cell reference, from 0.
private func columnIndex(_ reference: String) -> Int {
  reference.unicodeScalars.prefix { $0.properties.isAlphabetic }.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
}
