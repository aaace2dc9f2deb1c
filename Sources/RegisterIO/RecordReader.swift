import RegisterModel

/// A source file read row by row, whatever its format (SPEC 2): delimited text
/// (`DelimitedReader`) or a SAS dataset (`SASReader`). Load, validate, inspect and the
/// person keying read through it, so the accounting, the rejects and the cohort filter
/// are the same code for both.
package protocol RecordReader: AnyObject {
  var path: String { get }
  /// Column names (text header fields, SAS variable names), in file order.
  var header: [String] { get }
  /// The current row's number for messages and rejects: its line in a text file, its
  /// observation number (from 1) in a SAS dataset.
  var line: Int { get }
  var fieldCount: Int { get }
  var fieldCountMatchesHeader: Bool { get }
  /// Input bytes read so far and the file's size, for progress.
  var bytesConsumed: Int { get }
  var fileSize: Int { get }

  /// Moves to the next row; false at the end.
  func next() throws -> Bool
  /// The field's text as UTF-8 bytes, valid until the next call to `next`; a SAS number
  /// as the text of the whole number when it is one.
  func field(_ index: Int) -> UnsafeRawBufferPointer
  func string(_ index: Int) -> String
  func isMissing(_ index: Int) -> Bool
  /// The field as a date: text parsed by `format`; a SAS numeric date or datetime
  /// converted from its number, never through text. Nil when it is not a date.
  func day(_ index: Int, _ format: DateFormat) -> Day?
  /// Whether the field is a number with a fractional part (a SAS numeric value where a
  /// whole number or text is expected); never for text.
  func isFractionalNumber(_ index: Int) -> Bool
}

extension DelimitedReader: RecordReader {
  @inlinable package func day(_ index: Int, _ format: DateFormat) -> Day? { format.parse(field(index)) }
  @inlinable package func isFractionalNumber(_ index: Int) -> Bool { false }
}
