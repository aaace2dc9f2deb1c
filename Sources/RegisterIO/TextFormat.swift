/// How a source's text is laid out (SPEC 2). The readers and parsers in this module
/// implement them; the pipeline file names them.

/// The field delimiter: one byte, or decided from the header line.
public enum Delimiter: Hashable, Sendable {
  case auto
  case byte(UInt8)

  /// The delimiters `auto` chooses between, in order of preference on a tie.
  package static let candidates: [UInt8] = [
    UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: "|"),
  ]
}

/// The text encoding of a source: UTF-8 (a BOM is skipped) or Latin-1, read as
/// Windows-1252 and converted to UTF-8.
public enum TextEncoding: String, Hashable, Sendable, CaseIterable {
  case utf8
  case latin1
}

/// Date formats: `iso` 2019-03-14, `sas` 14MAR2019, `compact` 20190314, `dmy`
/// 14-03-2019 or 14.03.2019, `auto` decided per column from its first values.
public enum DateFormat: String, Hashable, Sendable, CaseIterable {
  case auto, iso, sas, compact, dmy
}

/// How a source's files are read (SPEC 2, 2.1): `auto` reads `*.sas7bdat` as SAS
/// datasets and everything else as delimited text.
package enum SourceFormat: String, Hashable, Sendable, CaseIterable {
  case auto, delimited, sas7bdat

  /// Whether the file at `path` is read as a SAS dataset.
  package func readsSAS(_ path: String) -> Bool {
    switch self {
    case .auto: path.lowercased().hasSuffix(".sas7bdat")
    case .delimited: false
    case .sas7bdat: true
    }
  }
}
