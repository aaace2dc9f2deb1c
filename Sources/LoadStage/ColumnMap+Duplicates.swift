import PipelineCore

extension ColumnMap {
  /// A column the source uses must be found once: with `PNR` twice in a header, which
  /// one holds the person id is a guess, and a wrong guess would load wrong data without
  /// a word (DECISIONS.md). Header names the source does not use may repeat. The message
  /// names the configured column, never a value.
  static func checkUnique(source: SourceConfig, header: [String], path: String) throws {
    for column in CanonicalColumn.allCases {
      guard let name = source.columns[column] else { continue }
      var matches = header.indices.filter { header[$0] == name }
      if matches.isEmpty { matches = header.indices.filter { header[$0].lowercased() == name.lowercased() } }
      guard matches.count > 1 else { continue }
      throw RunError(
        "\(path): column '\(name)' for \(column.rawValue) appears \(matches.count) times in the header (fields \(matches.map { String($0 + 1) }.joined(separator: ", "))); rename or remove the duplicates"
      )
    }
  }
}
