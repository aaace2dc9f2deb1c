import RegisterModel

/// The canonical records of every source, with how each row was accounted for.
public struct LoadOutput: Sendable {
  /// Stays of every stays source, in input order (`Stay.order`).
  public var stays: [Stay]
  /// Persons-register rows of cohort persons, in input order.
  public var persons: [PersonRecord]
  /// Service events of cohort persons that pass the sources' code filters.
  public var events: [ServiceEvent]
  /// Service names in order of first appearance; `ServiceEvent.service` indexes them.
  public var serviceNames: [String]
  public var sources: [SourceReport]

  public init(
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
public struct FileReport: Codable, Sendable, Equatable {
  public var path: String
  public var bytes: Int
  public var rowsRead = 0
  public var accepted = 0
  /// Rejected rows by reason.
  public var rejected: [String: Int] = [:]
  /// Accepted rows not kept, by reason (`not in cohort`, `code not selected`).
  public var filtered: [String: Int] = [:]
  /// 9-digit ids repaired with a leading zero (SPEC 5.1).
  public var idsRepaired = 0
  /// A stays file's accepted stays by calendar year they touch, check-in to check-out
  /// (open: extract date) — the plausibility check of SPEC 3: a yearly file that is
  /// missing or cut short shows as a gap.
  public var staysByYear: [String: Int] = [:]

  public init(path: String, bytes: Int) {
    self.path = path
    self.bytes = bytes
  }

  public var rejectedTotal: Int { rejected.values.reduce(0, +) }
  public var filteredTotal: Int { filtered.values.reduce(0, +) }
}

public struct SourceReport: Codable, Sendable, Equatable {
  public var name: String
  public var files: [FileReport]

  public init(name: String, files: [FileReport]) {
    self.name = name
    self.files = files
  }

  public var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
  public var accepted: Int { files.reduce(0) { $0 + $1.accepted } }
  public var rejectedTotal: Int { files.reduce(0) { $0 + $1.rejectedTotal } }
  public var idsRepaired: Int { files.reduce(0) { $0 + $1.idsRepaired } }

  /// Accepted stays by calendar year they touch, over all files (empty for other kinds).
  public var staysByYear: [Int: Int] {
    files.reduce(into: [:]) { total, file in
      for (year, count) in file.staysByYear { total[Int(year)!, default: 0] += count }
    }
  }

  /// Rejected rows by reason over all files.
  public var rejected: [String: Int] {
    files.reduce(into: [:]) { total, file in total.merge(file.rejected, uniquingKeysWith: +) }
  }

  public var filtered: [String: Int] {
    files.reduce(into: [:]) { total, file in total.merge(file.filtered, uniquingKeysWith: +) }
  }
}

/// Why a row is rejected (SPEC 3). The texts appear in quality.json and rejects files.
public enum RejectReason: String, Error, Sendable, CaseIterable {
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
public enum FilterReason: String, Sendable, CaseIterable {
  case notInCohort = "not in cohort"
  case codeNotSelected = "code not selected"
}
