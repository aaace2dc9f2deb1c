import RegisterModel

/// The canonical records of every source, with how each row was accounted for.
package struct LoadOutput: Sendable {
  /// Stays of every stays source, in input order (`Stay.order`).
  package var stays: [Stay]
  /// Persons-register rows of cohort persons, in input order.
  package var persons: [PersonRecord]
  /// Service events of cohort persons that pass the sources' code filters.
  package var events: [ServiceEvent]
  /// Service names in order of first appearance; `ServiceEvent.service` indexes them.
  package var serviceNames: [String]
  package var sources: [SourceReport]

  package init(
    stays: [Stay], persons: [PersonRecord], events: [ServiceEvent], serviceNames: [String],
    sources: [SourceReport]
  ) {
    self.stays = stays
    self.persons = persons
    self.events = events
    self.serviceNames = serviceNames
    self.sources = sources
  }
}

/// How the rows of one file were accounted for: read = accepted + rejected, and
/// accepted = kept + filtered (DECISIONS.md).
package struct FileReport: Codable, Sendable, Equatable {
  package var path: String
  package var bytes: Int
  package var rowsRead = 0
  package var accepted = 0
  /// Rejected rows by reason.
  package var rejected: [String: Int] = [:]
  /// Accepted rows not kept, by reason (`not in cohort`, `code not selected`).
  package var filtered: [String: Int] = [:]
  /// 9-digit ids repaired with a leading zero (SPEC 5.1).
  package var idsRepaired = 0
  /// A stays file's accepted stays by calendar year they touch, check-in to check-out
  /// (open: extract date) — the plausibility check of SPEC 3: a yearly file that is
  /// missing or cut short shows as a gap.
  package var staysByYear: [String: Int] = [:]

  package init(path: String, bytes: Int) {
    self.path = path
    self.bytes = bytes
  }

  package var rejectedTotal: Int { rejected.values.reduce(0, +) }
  package var filteredTotal: Int { filtered.values.reduce(0, +) }
}

package struct SourceReport: Codable, Sendable, Equatable {
  package var name: String
  package var files: [FileReport]

  package init(name: String, files: [FileReport]) {
    self.name = name
    self.files = files
  }

  package var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
  package var accepted: Int { files.reduce(0) { $0 + $1.accepted } }
  package var rejectedTotal: Int { files.reduce(0) { $0 + $1.rejectedTotal } }
  package var idsRepaired: Int { files.reduce(0) { $0 + $1.idsRepaired } }

  /// Accepted stays by calendar year they touch, over all files (empty for other kinds).
  package var staysByYear: [Int: Int] {
    files.reduce(into: [:]) { total, file in
      for (year, count) in file.staysByYear { total[Int(year)!, default: 0] += count }
    }
  }

  /// Rejected rows by reason over all files.
  package var rejected: [String: Int] {
    files.reduce(into: [:]) { total, file in total.merge(file.rejected, uniquingKeysWith: +) }
  }

  package var filtered: [String: Int] {
    files.reduce(into: [:]) { total, file in total.merge(file.filtered, uniquingKeysWith: +) }
  }
}

/// Why a row is rejected (SPEC 3). The texts appear in quality.json and rejects files.
package enum RejectReason: String, Error, Sendable, CaseIterable {
  case fieldCount = "wrong number of fields"
  case missingPersonID = "missing person_id"
  case invalidPersonID = "invalid person_id"
  case missingInstitutionID = "missing institution_id"
  case missingStart = "missing start"
  case unparsableStart = "unparsable start"
  case unparsableEnd = "unparsable end"
  case unparsableBirthDate = "unparsable birth_date"
  case endBeforeStart = "end before start"
  /// A SAS number with a fraction where a whole number or text is expected (SPEC 2.1).
  case nonIntegralNumber = "non-integral number"
}

/// Why an accepted row is not kept.
package enum FilterReason: String, Sendable, CaseIterable {
  case notInCohort = "not in cohort"
  case codeNotSelected = "code not selected"
}
