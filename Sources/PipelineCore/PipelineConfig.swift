import RegisterIO
import RegisterModel

/// The kinds of source a pipeline reads (SPEC 2).
package enum SourceKind: String, Hashable, Sendable, CaseIterable {
  case stays, persons, services

  /// Canonical columns the `columns` map must name for this kind.
  package var requiredColumns: [CanonicalColumn] {
    switch self {
    case .stays: [.personID, .institutionID, .start]
    case .persons: [.personID]
    case .services: [.personID, .start]
    }
  }

  /// Canonical columns this kind may name.
  package var allowedColumns: [CanonicalColumn] {
    switch self {
    case .stays: [.personID, .institutionID, .start, .end, .exitReason, .municipality]
    case .persons: [.personID, .sex, .birthDate, .municipality]
    case .services: [.personID, .start, .end, .code]
    }
  }
}

/// The canonical column names of SPEC 2, as written in a pipeline's `columns` map.
package enum CanonicalColumn: String, Hashable, Sendable, CaseIterable {
  case personID = "person_id"
  case institutionID = "institution_id"
  case start, end
  case exitReason = "exit_reason"
  case municipality, sex
  case birthDate = "birth_date"
  case code
}

/// One source of a pipeline file.
package struct SourceConfig: Hashable, Sendable {
  package var name: String
  package var kind: SourceKind
  /// Glob patterns as written, relative to the pipeline file's folder.
  package var files: [String]
  package var format: SourceFormat = .auto
  package var delimiter: Delimiter = .auto
  package var encoding: TextEncoding = .utf8
  /// The `encoding` the pipeline file gives, nil when it gives none: a SAS dataset is
  /// then decoded from the encoding its header states.
  package var statedEncoding: TextEncoding?
  package var dateFormat: DateFormat = .auto
  /// Where open stays of this source end; nil: the censor date. (Open service events
  /// always run to the censor date, SPEC 2.)
  package var extractDate: Day?
  /// Canonical column → header name in the files.
  package var columns: [CanonicalColumn: String]
  /// The service name (services sources only).
  package var service: String?
  /// Code prefixes to keep (services sources only); nil keeps every row.
  package var codes: [String]?
  /// Where each column of `columns` is mapped: the pipeline file and its line, for the
  /// message when a file lacks the column (empty for a source not read from a file).
  package var columnLocations: [CanonicalColumn: String] = [:]

  package init(name: String, kind: SourceKind, files: [String], columns: [CanonicalColumn: String]) {
    self.name = name
    self.kind = kind
    self.files = files
    self.columns = columns
  }
}

package struct PublishConfig: Hashable, Sendable {
  package var minCell: Int = 5
  package var formats: [TableFormat] = [.csv, .json]
  package var csvDialect: CSVDialect = .standard

  package init(minCell: Int = 5, formats: [TableFormat] = [.csv, .json], csvDialect: CSVDialect = .standard) {
    self.minCell = minCell
    self.formats = formats
    self.csvDialect = csvDialect
  }
}

/// A validated pipeline file.
package struct PipelineConfig: Hashable, Sendable {
  /// Names the output folder `Output/<name>/`.
  package var name: String
  /// The pipeline file's folder: relative `files` patterns resolve against it.
  package var directory: String
  package var sources: [SourceConfig]
  package var parameters: AnalysisParameters
  package var publish: PublishConfig

  package init(
    name: String, directory: String, sources: [SourceConfig], parameters: AnalysisParameters,
    publish: PublishConfig = PublishConfig()
  ) {
    self.name = name
    self.directory = directory
    self.sources = sources
    self.parameters = parameters
    self.publish = publish
  }

  /// Service names in order of first appearance among the services sources.
  package var serviceNames: [String] { Self.serviceNames(of: sources) }

  /// Service names in order of first appearance among `sources` of kind services.
  package static func serviceNames(of sources: [SourceConfig]) -> [String] {
    var names: [String] = []
    for source in sources where source.kind == .services {
      if let service = source.service, !names.contains(service) { names.append(service) }
    }
    return names
  }
}
