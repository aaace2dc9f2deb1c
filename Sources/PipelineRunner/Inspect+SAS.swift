import Foundation
import RegisterIO
import RegisterModel

extension Inspect {
  /// A SAS dataset: its encoding, each variable's type and format, and the first `rows`
  /// rows with dates as ISO dates (datetimes as ISO date-times), person ids masked.
  static func renderSAS(path: String, rows: Int, encoding: TextEncoding?) throws -> String {
    let reader = try SASReader(path: path, encoding: encoding)
    let shown = displays(reader)
    var table: [[String]] = []
    while table.count < rows, try reader.next() {
      table.append(reader.header.indices.map { cellText(reader, $0, as: shown[$0]) })
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
    if shown.contains(.masked) || table.joined().contains(mask) { text += "; person ids masked" }
    return text + "\n\n" + aligned([reader.header] + table)
  }

  /// Every row of a SAS dataset as CSV on `sink` (RFC 4180, `,`, LF): the variable names
  /// as header; dates as ISO dates, datetimes as ISO date-times, other numbers as the
  /// shortest decimal that reads back as the same value (whole numbers without `.0`);
  /// missing values empty; person ids masked.
  package static func writeCSV(path: String, encoding: TextEncoding?, to sink: FileSink) throws {
    let reader = try SASReader(path: path, encoding: encoding)
    let shown = displays(reader)
    let writer = CSVWriter(sink: sink)
    try writer.writeRow(reader.header)
    while try reader.next() {
      for index in reader.header.indices { writer.append(cellText(reader, index, as: shown[index])) }
      try writer.endRow()
    }
    try sink.flush()
  }

  /// How a variable's values are shown, decided once from its name, type and format
  /// (deciding per value made `inspect --csv` of a 6 M-row BEF take 19 s).
  private enum Display { case masked, date, datetime, text }

  private static func displays(_ reader: SASReader) -> [Display] {
    reader.header.indices.map { index in
      if personColumns.contains(reader.header[index].lowercased()) { return .masked }
      guard reader.isNumeric[index] else { return .text }
      let format = reader.formats[index]
      if SASReader.isDatetimeFormat(format) { return .datetime }
      return isDateFormat(format) ? .date : .text
    }
  }

  /// A value as shown: masked, empty when missing, a date or date-time by its format.
  private static func cellText(_ reader: SASReader, _ index: Int, as display: Display) -> String {
    if reader.isMissing(index) { return "" }
    switch display {
    case .masked: return mask
    case .datetime:
      let format = reader.formats[index]
      if let value = Double(reader.string(index)), let day = SASReader.day(sasValue: value, format: format) {
        let seconds = value - (value / 86_400).rounded(.down) * 86_400
        let whole = Int(seconds)
        let fraction = seconds - Double(whole)
        let time = String(format: "%02d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
        return "\(day)T\(time)" + (fraction == 0 ? "" : String(SASReader.text(of: fraction).dropFirst()))
      }
    case .date:
      let format = reader.formats[index]
      if let value = Double(reader.string(index)), let day = SASReader.day(sasValue: value, format: format) {
        return "\(day)"
      }
    case .text: break
    }
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
