import Foundation
import PipelineCore
import RegisterIO
import RegisterModel

/// SAS copies of a pipeline's delimited input files, as DST's research servers hold
/// registers (SPEC 2.1): for `synth --format sas7bdat` and the SAS demo. Each file
/// `<name>.csv[.gz]` becomes `<name>.sas7bdat` in `folder`, with the same rows:
/// - a mapped date column whose every value reads by the source's `date_format` becomes
///   a numeric SAS date (`DATE9`; services sources a `DATETIME20` datetime at noon, so
///   both paths are exercised), else it stays character and is read by `date_format`;
/// - a column whose every value is a whole number without leading zeros (`101`, sex
///   `1`) becomes numeric, the rest (ids with leading zeros, codes) character;
/// - empty and `.` values are SAS missing values.
/// Rows with the wrong number of fields cannot be represented and are left out (they are
/// rejected when the text is loaded, so the tables do not change). Returns the paths
/// written with their rows, in source and file order.
@discardableResult
package func sasCopy(of config: PipelineConfig, into folder: String, compression: SASWriter.Compression = .rle)
  throws -> [(path: String, rows: Int)]
{
  var written: [(path: String, rows: Int)] = []
  for source in config.sources {
    for path in try source.resolveFiles(relativeTo: config.directory) {
      let name = (path as NSString).lastPathComponent.replacingOccurrences(of: ".gz", with: "")
      let target = folder + "/" + (name.hasSuffix(".csv") ? String(name.dropLast(4)) : name) + ".sas7bdat"
      written.append((target, try copyAsSAS(path, source: source, to: target, compression: compression)))
    }
  }
  return written
}

/// Writes the SAS copy of one file; returns its rows.
private func copyAsSAS(_ path: String, source: SourceConfig, to target: String, compression: SASWriter.Compression)
  throws -> Int
{
  let reader = try DelimitedReader(path: path, delimiter: source.delimiter, encoding: source.encoding)
  var rows: [[String]] = []
  while try reader.next() {
    guard reader.fieldCountMatchesHeader else { continue }
    rows.append((0..<reader.fieldCount).map { reader.isMissing($0) ? "" : reader.string($0) })
  }
  let dateNames = Set([CanonicalColumn.start, .end, .birthDate].compactMap { source.columns[$0]?.uppercased() })
  let datetime = source.kind == .services
  var formats: [String: DateFormat] = [:]
  if source.dateFormat == .auto {
    let dated = reader.header.enumerated().filter { dateNames.contains($0.element.uppercased()) }
    let detected = try DelimitedReader.detectDateFormats(
      path: path, columns: dated.map(\.element), delimiter: source.delimiter, encoding: source.encoding)
    for ((_, name), format) in zip(dated, detected) { formats[name] = format }
  }
  var columns: [SASWriter.Column] = []
  var convert: [(String) -> SASWriter.Value] = []
  for (index, name) in reader.header.enumerated() {
    let values = rows.lazy.map { $0[index] }.filter { !$0.isEmpty }
    if dateNames.contains(name.uppercased()) {
      let format = formats[name] ?? source.dateFormat
      if values.allSatisfy({ format.parse($0) != nil }) {
        columns.append(.init(name, numeric: true, format: datetime ? "DATETIME20" : "DATE9"))
        convert.append { text in
          guard let day = format.parse(text) else { return .missing }
          let sasDay = Double(day.rawValue) + 3653
          return .number(datetime ? sasDay * 86_400 + 43_200 : sasDay)
        }
        continue
      }
    } else if !values.isEmpty, values.allSatisfy(isPlainWholeNumber) {
      columns.append(.init(name, numeric: true))
      convert.append { .number(Double($0)!) }
      continue
    }
    columns.append(.init(name, numeric: false))
    convert.append { .text($0) }
  }
  let values = rows.map { row in row.indices.map { row[$0].isEmpty ? SASWriter.Value.missing : convert[$0](row[$0]) } }
  try SASWriter.write(values, columns: columns, to: target, compression: compression)
  return values.count
}

/// `0`, `101`, `-7`: digits without a leading zero, short enough to be exact in a double.
private func isPlainWholeNumber(_ text: String) -> Bool {
  let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
  guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
  return digits == "0" || digits.first != "0"
}
