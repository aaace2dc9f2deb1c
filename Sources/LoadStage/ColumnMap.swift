import PipelineCore
import RegisterIO

/// Where each configured canonical column sits in one file's header.
struct ColumnMap {
  /// Header index by column, in `CanonicalColumn.allCases` order (-1: not configured).
  /// A fixed array, not a dictionary: the load looks columns up several times per row,
  /// and hashing the enum's String raw value was a fifth of the load's time.
  private var indices = [Int](repeating: -1, count: CanonicalColumn.allCases.count)

  /// Finds every column the source's `columns` map names (exact name first, then
  /// ignoring case); a missing one stops the run with the file, column, headers found and
  /// the pipeline-file line that maps it.
  /// The columns of the file `reader` reads: its header, or a SAS dataset's variables.
  init(source: SourceConfig, reader: some RecordReader) throws {
    try self.init(
      source: source, header: reader.header, path: reader.path, names: reader is SASReader ? "variables" : "headers")
  }

  init(source: SourceConfig, header: [String], path: String, names: String = "headers") throws {
    try Self.checkUnique(source: source, header: header, path: path)
    for column in CanonicalColumn.allCases {
      guard let name = source.columns[column] else { continue }
      let index =
        header.firstIndex(of: name)
        ?? header.firstIndex { $0.lowercased() == name.lowercased() }
      guard let index else {
        throw RunError(
          "\(path): column '\(name)' for \(column.rawValue) not found; \(Self.describe(header, names: names))"
            + Self.hint(
              for: name, in: header.filter { !source.columns.values.contains($0) }, delimiter: source.delimiter)
            + (source.columnLocations[column].map { " (mapped at \($0))" } ?? ""),
          kind: .configuration)
      }
      indices[Self.slot(column)] = index
    }
  }

  /// The header for a message. A file without a header row has data in its first line,
  /// so when any cell looks like data (five digits or more: a person id, a date) no cell
  /// is shown: a message must never print a person_id (SPEC 3).
  static func describe(_ header: [String], names: String = "headers") -> String {
    let looksLikeData = header.contains { $0.utf8.count { $0 >= 0x30 && $0 <= 0x39 } >= 5 }
    guard looksLikeData else { return "\(names) found: \(header.joined(separator: ", "))" }
    return "the first line has \(header.count) fields and looks like data, not a header (its values are not shown)"
  }

  /// Why a configured column may be missing: a header that is one field holding another
  /// delimiter (the source's `delimiter` is wrong), or a header name close to it among
  /// those no other column is mapped to. Nothing when the first line looks like data
  /// (its values are not to be shown).
  static func hint(for name: String, in header: [String], delimiter: Delimiter) -> String {
    guard !header.contains(where: { $0.utf8.count { $0 >= 0x30 && $0 <= 0x39 } >= 5 }) else { return "" }
    if header.count == 1 {
      let candidates: [(Character, String)] = [(";", "\";\""), (",", "\",\""), ("\t", "\"\\t\""), ("|", "\"|\"")]
      if let (character, written) = candidates.first(where: { header[0].contains($0.0) }) {
        let shown = character == "\t" ? "tabs" : "'\(character)'"
        return
          "; the header is one field holding \(shown): is the delimiter \(written)? (set 'delimiter' in the pipeline file)"
      }
    }
    return Suggestion.hint(for: name, in: header)
  }

  subscript(column: CanonicalColumn) -> Int? {
    let index = indices[Self.slot(column)]
    return index < 0 ? nil : index
  }

  /// Configured columns that hold text (not dates), with their header index.
  var textColumns: [(column: CanonicalColumn, index: Int)] {
    CanonicalColumn.allCases.filter { ![.start, .end, .birthDate].contains($0) }.compactMap { c in
      self[c].map { (c, $0) }
    }
  }

  /// Configured columns that hold dates, with their header index.
  var dateColumns: [(column: CanonicalColumn, index: Int)] {
    [CanonicalColumn.start, .end, .birthDate].compactMap { c in self[c].map { (c, $0) } }
  }

  @inline(__always)
  private static func slot(_ column: CanonicalColumn) -> Int {
    switch column {
    case .personID: 0
    case .institutionID: 1
    case .start: 2
    case .end: 3
    case .exitReason: 4
    case .municipality: 5
    case .sex: 6
    case .birthDate: 7
    case .code: 8
    }
  }
}
