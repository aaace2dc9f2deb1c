/// The defects injected into the § 110 stay files, counted exactly. Each is one extra
/// or altered row; a row gets at most one.
package struct SynthDefects: Sendable, Equatable {
  /// A row written twice (the second is the defect).
  package var exactDuplicates = 0
  /// An extra row with a true row's person, institution and check-in but an earlier
  /// check-out, as if first reported and later corrected (the true row, with the
  /// later end, is the one the pipeline keeps).
  package var sameStartReports = 0
  /// A person number written with 9 digits, its leading zero lost.
  package var nineDigitIDs = 0
  /// An extra copy of a row without its last field.
  package var wrongFieldCounts = 0
  /// An extra copy of a row with an impossible check-in date (`31FEB2019`).
  package var impossibleDates = 0
  /// A row ending in CRLF instead of LF.
  package var crlfLines = 0

  package init() {}

  /// Rows the pipeline must reject (SPEC 3).
  package var malformedRows: Int { wrongFieldCounts + impossibleDates }

  /// The counts by kind, in a fixed order, with the names used in `synth_counts.json`.
  package var byKind: [(kind: String, count: Int)] {
    [
      ("exact_duplicates", exactDuplicates), ("same_start_reports", sameStartReports),
      ("nine_digit_ids", nineDigitIDs), ("wrong_field_count", wrongFieldCounts),
      ("impossible_dates", impossibleDates), ("crlf_lines", crlfLines),
    ]
  }
}

/// The kinds a row can be given, in a fixed order.
enum DefectKind: CaseIterable {
  case exactDuplicate, sameStartReport, nineDigitID, wrongFieldCount, impossibleDate, crlfLine
}
