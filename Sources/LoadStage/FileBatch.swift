import PipelineCore
import RegisterModel

/// What one file yields: its records, its accounting and its rejected rows.
struct FileBatch: Sendable {
  var report: FileReport
  var stays: [Stay] = []
  var persons: [PersonRecord] = []
  var events: [ServiceEvent] = []
  var rejects: [RejectedRow] = []
  /// With `id_format: opaque`, the ids first seen in this file, in order: a stays
  /// file's person keys index this list until the merge gives them global keys.
  var localTokens: [String] = []
  /// The file's delimiter (decided from its header with `delimiter: auto`); nil for one
  /// column. The rejects file shows rejected rows joined by it.
  var delimiter: UInt8?
  /// The person_id field's index in the file's rows (rejects name it for `inspect`).
  var personField: Int?
  /// The date columns' header names and indices, to diagnose a source whose every row is
  /// rejected for one unparsable date.
  var dateFields: [CanonicalColumn: (name: String, index: Int)] = [:]

  init(report: FileReport) { self.report = report }
}

/// A rejected row as it was read (fields converted to UTF-8), for the rejects file.
struct RejectedRow: Sendable {
  var line: Int
  var reason: RejectReason
  var fields: [String]
}

extension FileBatch {
  /// Adds the batch of the next segment of the same file: counts add up, and records
  /// and rejects follow in stream order.
  mutating func append(_ part: FileBatch) {
    report.rowsRead += part.report.rowsRead
    report.accepted += part.report.accepted
    report.idsRepaired += part.report.idsRepaired
    report.rejected.merge(part.report.rejected, uniquingKeysWith: +)
    report.filtered.merge(part.report.filtered, uniquingKeysWith: +)
    persons.append(numberingOn: part.persons)
    stays.append(numberingOn: part.stays)
    events += part.events
    rejects += part.rejects
  }
}

/// Records that carry their position in the input (`order`), which a merge of batches
/// renumbers.
protocol InputOrdered {
  var order: Int { get set }
}

extension Stay: InputOrdered {}
extension PersonRecord: InputOrdered {}

extension Array where Element: InputOrdered {
  /// Appends `later`, whose orders count from 0, numbering them on after these.
  mutating func append(numberingOn later: [Element]) {
    let offset = count
    append(
      contentsOf: later.lazy.map {
        var record = $0
        record.order += offset
        return record
      })
  }
}
