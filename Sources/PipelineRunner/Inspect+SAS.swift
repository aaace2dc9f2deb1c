import Foundation
import RegisterIO
import RegisterModel

extension Inspect {
  /// A SAS dataset: its encoding, each variable's type and format, and the first `rows`
  /// rows with dates as ISO dates (datetimes as ISO date-times), person ids masked.
  static func renderSAS(path: String, rows: Int, encoding: TextEncoding?) throws -> String {
    let reader = try SASReader(path: path, encoding: encoding)
    let masked = personColumnIndices(reader)
    var table: [[String]] = []
    while table.count < rows, try reader.next() {
      table.append(reader.header.indices.map { cellText(reader, $0, masked: masked) })
    }
    var total = table.count
    while try reader.next() { total += 1 }
    let width = reader.header.map(\.count).max() ?? 0
    var text = "\(path)\n"
    text +=
      "SAS dataset; encoding: \(encoding.map { "\($0.rawValue) (given)" } ?? reader.fileEncoding ?? "not stated")\n"
    text += "variables (\(reader.header.count)):\n"
    for (index, name) in reader.header.enumerated() {
      let type = reader.isNumeric[index] ? "numeric  " : "character"
      text +=
        "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + type
        + (reader.formats[index].isEmpty ? "" : "  " + reader.formats[index]) + "\n"
    }
    text += "rows: \(total); first \(table.count)"
    if !masked.isEmpty || table.joined().contains(mask) { text += "; person ids masked" }
    return text + "\n\n" + aligned([reader.header] + table)
  }

  /// Every row of a SAS dataset as CSV on `sink` (RFC 4180, `,`, LF): the variable names
  /// as header; dates as ISO dates, datetimes as ISO date-times, other numbers as the
  /// shortest decimal that reads back as the same value (whole numbers without `.0`);
  /// missing values empty; person ids masked.
  package static func writeCSV(path: String, encoding: TextEncoding?, to sink: FileSink) throws {
    let reader = try SASReader(path: path, encoding: encoding)
    let masked = personColumnIndices(reader)
    let writer = CSVWriter(sink: sink)
    try writer.writeRow(reader.header)
    while try reader.next() {
      for index in reader.header.indices { writer.append(cellText(reader, index, masked: masked)) }
      try writer.endRow()
    }
    try sink.flush()
  }

  private static func personColumnIndices(_ reader: SASReader) -> Set<Int> {
    Set(reader.header.indices.filter { personColumns.contains(reader.header[$0].lowercased()) })
  }

  /// A value as shown: masked, empty when missing, a date or date-time by its format.
  private static func cellText(_ reader: SASReader, _ index: Int, masked: Set<Int>) -> String {
    if reader.isMissing(index) { return "" }
    if masked.contains(index) { return mask }
    guard reader.isNumeric[index], let value = Double(reader.string(index)) else {
      return looksLikePersonID(reader.field(index)) ? mask : reader.string(index)
    }
    let format = reader.formats[index]
    if SASReader.isDatetimeFormat(format), let day = SASReader.day(sasValue: value, format: format) {
      let seconds = value - (value / 86_400).rounded(.down) * 86_400
      let whole = Int(seconds)
      let fraction = seconds - Double(whole)
      let time = String(format: "%02d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
      return "\(day)T\(time)" + (fraction == 0 ? "" : String(SASReader.text(of: fraction).dropFirst()))
    }
    if isDateFormat(format), let day = SASReader.day(sasValue: value, format: format) { return "\(day)" }
    return looksLikePersonID(reader.field(index)) ? mask : reader.string(index)
  }

  /// SAS date formats (`DATE9.`, `YYMMDD10.`, `E8601DA.`, `DDMMYY.`, …): numbers that are days.
  static func isDateFormat(_ format: String) -> Bool {
    let name = format.uppercased()
    guard !SASReader.isDatetimeFormat(name) else { return false }
    return [
      "DATE", "YYMMDD", "DDMMYY", "MMDDYY", "E8601DA", "B8601DA", "IS8601DA", "YYMM", "MONYY", "WEEKDAT",
      "WORDDAT", "NLDATE", "EURDF", "MINGUO", "JULIAN", "YYQ", "YEAR", "MMYY", "DAY", "DOWNAME", "MONNAME",
    ]
    .contains { name.hasPrefix($0) }
  }
}
