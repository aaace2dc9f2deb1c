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
    let personOffset = persons.count
    persons += part.persons.map {
      var person = $0
      person.order += personOffset
      return person
    }
    let stayOffset = stays.count
    stays += part.stays.map {
      var stay = $0
      stay.order += stayOffset
      return stay
    }
    events += part.events
    rejects += part.rejects
  }
}
