/// Decides a date column's format for `date_format: auto` (SPEC 2) from its first
/// non-missing values: the one format that parses most of them.
package struct DateFormatDetector: Sendable {
  /// The header name, for messages.
  package let column: String
  /// How many values decide (the first non-missing ones).
  package let sampleLimit: Int
  /// Non-missing values seen so far (at most `sampleLimit`).
  package private(set) var sampleCount = 0
  /// Per format of `DateFormat.concrete`, how many sampled values it parses.
  private var fits = [Int](repeating: 0, count: DateFormat.concrete.count)

  package init(column: String, sampleLimit: Int = 100) {
    self.column = column
    self.sampleLimit = sampleLimit
  }

  /// True once `sampleLimit` values have been seen; later values change nothing.
  package var isComplete: Bool { sampleCount >= sampleLimit }

  /// Feeds one value; missing values (empty, `.`) and values after the limit are ignored.
  package mutating func add(_ bytes: UnsafeRawBufferPointer) {
    guard !isComplete, !FieldValue.isMissing(bytes) else { return }
    sampleCount += 1
    for (slot, format) in DateFormat.concrete.enumerated() where format.parse(bytes) != nil {
      fits[slot] += 1
    }
  }

  /// `add(_:)` for text.
  package mutating func add(_ text: String) {
    var text = text
    text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
  }

  /// The formats that parse the most sampled values (at least one), in
  /// `DateFormat.concrete` order. A value no format parses (31FEB2019) does not decide
  /// the format: its row is rejected later, as an unparsable date.
  package var candidates: [DateFormat] {
    let most = fits.max() ?? 0
    guard most > 0 else { return [] }
    return DateFormat.concrete.indices.filter { fits[$0] == most }.map { DateFormat.concrete[$0] }
  }

  /// The column's format. A column without values has nothing to parse and gets `.iso`.
  /// Throws when no format parses any sampled value, or when several parse equally many.
  package func resolve(path: String) throws -> DateFormat {
    if sampleCount == 0 { return .iso }
    let candidates = candidates
    if candidates.count == 1 { return candidates[0] }
    if candidates.isEmpty {
      throw Self.noFitError(path: path, column: column, sampleCount: sampleCount)
    }
    throw Self.ambiguityError(path: path, column: column, candidates: candidates)
  }

  static func noFitError(path: String, column: String, sampleCount: Int) -> RegisterIOError {
    RegisterIOError(
      "\(path): column \(column): no date format fits any of its first \(sampleCount) values; set date_format")
  }

  static func ambiguityError(path: String, column: String, candidates: [DateFormat]) -> RegisterIOError {
    RegisterIOError(
      "\(path): column \(column): date format is ambiguous (\(candidates.map(\.rawValue).joined(separator: ", "))); set date_format"
    )
  }
}

extension DelimitedReader {
  /// Decides the format of each named date column of the file at `path` from its first
  /// `sampleLimit` non-missing values (reading no further than that), for `date_format: auto`.
  /// A column missing from the header is an error (see `requireColumn`).
  package static func detectDateFormats(
    path: String, columns: [String], delimiter: Delimiter = .auto, encoding: TextEncoding = .utf8,
    sampleLimit: Int = 100
  ) throws -> [DateFormat] {
    let reader = try DelimitedReader(path: path, delimiter: delimiter, encoding: encoding, bufferSize: 1 << 16)
    let indices = try columns.map { try reader.requireColumn($0) }
    return try RegisterIO.detectDateFormats(
      reader: reader, columns: Array(zip(indices, columns)), sampleLimit: sampleLimit)
  }
}

/// The format of each `(index, name)` date column of `reader` from its first
/// `sampleLimit` non-missing values, for `date_format: auto`.
package func detectDateFormats(
  reader: some RecordReader, columns: [(index: Int, name: String)], sampleLimit: Int = 100
) throws -> [DateFormat] {
  var detectors = columns.map { DateFormatDetector(column: $0.name, sampleLimit: sampleLimit) }
  while !detectors.allSatisfy(\.isComplete), try reader.next() {
    guard reader.fieldCountMatchesHeader else { continue }
    for (slot, column) in columns.enumerated() { detectors[slot].add(reader.field(column.index)) }
  }
  return try detectors.map { try $0.resolve(path: reader.path) }
}
