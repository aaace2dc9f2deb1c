import Foundation
import RegisterIO

/// `regpipe inspect`: the columns and first rows of a stage artefact (gzip or plain
/// CSV) or a JSON record, with person ids masked so the output can be shown.
public enum Inspect {
  /// Columns holding person ids in artefacts and extracts; their values are masked.
  static let personColumns: Set<String> = ["person", "person_id", "pnr", "cpr", "personid"]
  /// Rejects keep each rejected row whole, ids included: masked too.
  static let rawRowColumns: Set<String> = ["row"]
  static let mask = "••••••••••"

  public static func render(path: String, rows: Int) throws -> String {
    if path.hasSuffix(".json") {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw RunError("\(path): cannot read the file")
      }
      return String(decoding: data, as: UTF8.self)
    }
    let reader = try DelimitedReader(path: path)
    let masked = Set(
      reader.header.indices.filter {
        let name = reader.header[$0].lowercased()
        return personColumns.contains(name) || rawRowColumns.contains(name)
      })
    var table: [[String]] = []
    var count = 0
    while count < rows, try reader.next() {
      count += 1
      table.append((0..<reader.fieldCount).map { masked.contains($0) ? mask : reader.string($0) })
    }
    var total = count
    while try reader.next() { total += 1 }
    var text = "\(path)\ncolumns (\(reader.header.count)): \(reader.header.joined(separator: ", "))\n"
    text += "rows: \(total); first \(count)"
    if !masked.isEmpty { text += "; person ids masked" }
    text += "\n\n" + aligned([reader.header] + table)
    return text
  }

  private static func aligned(_ rows: [[String]]) -> String {
    let widths = rows.reduce(into: [Int]()) { widths, row in
      for (i, field) in row.enumerated() {
        if i >= widths.count { widths.append(0) }
        widths[i] = max(widths[i], field.count)
      }
    }
    return rows.map { row in
      row.enumerated().map { i, field in field + String(repeating: " ", count: widths[i] - field.count) }
        .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n") + "\n"
  }
}
