import RegisterIO
import RegisterModel

/// The kinds of source a pipeline reads (SPEC 2).
public enum SourceKind: String, Hashable, Sendable, CaseIterable {
  case stays, persons, services

  /// Canonical columns the `columns` map must name for this kind.
  public var requiredColumns: [CanonicalColumn] {
    switch self {
    case .stays: [.personID, .institutionID, .start]
    case .persons: [.personID]
    case .services: [.personID, .start]
    }
  }

  /// Canonical columns this kind may name.
  public var allowedColumns: [CanonicalColumn] {
    switch self {
    case .stays: [.personID, .institutionID, .start, .end, .exitReason, .municipality]
    case .persons: [.personID, .sex, .birthDate, .municipality]
    case .services: [.personID, .start, .end, .code]
    }
  }
}

/// The canonical column names of SPEC 2, as written in a pipeline's `columns` map.
public enum CanonicalColumn: String, Hashable, Sendable, CaseIterable {
  case personID = "person_id"
  case institutionID = "institution_id"
  case start, end
  case exitReason = "exit_reason"
  case municipality, sex
  case birthDate = "birth_date"
  case code
}

/// One source of a pipeline file.
public struct SourceConfig: Hashable, Sendable {
  public var name: String
  public var kind: SourceKind
  /// Glob patterns as written, relative to the pipeline file's folder.
  public var files: [String]
  public var format: SourceFormat = .auto
  public var delimiter: Delimiter = .auto
  public var encoding: TextEncoding = .utf8
  /// The `encoding` the pipeline file gives, nil when it gives none: a SAS dataset is
  /// then decoded from the encoding its header states.
  public var statedEncoding: TextEncoding?
  public var dateFormat: DateFormat = .auto
  /// Where open stays of this source end; nil: the censor date. (Open service events
  /// always run to the censor date, SPEC 2.)
  public var extractDate: Day?
  /// Canonical column → header name in the files.
  public var columns: [CanonicalColumn: String]
  /// The service name (services sources only).
  public var service: String?
  /// Code prefixes to keep (services sources only); nil keeps every row.
  public var codes: [String]?
  /// Where each column of `columns` is mapped: the pipeline file and its line, for the
  /// message when a file lacks the column (empty for a source not read from a file).
  public var columnLocations: [CanonicalColumn: String] = [:]

  public init(name: String, kind: SourceKind, files: [String], columns: [CanonicalColumn: String]) {
    self.name = name
    self.kind = kind
    self.files = files
    self.columns = columns
  }
}

public struct PublishConfig: Hashable, Sendable {
  public var minCell: Int = 5
  public var formats: [TableFormat] = [.csv, .json]
  public var csvDialect: CSVDialect = .standard

  public init(minCell: Int = 5, formats: [TableFormat] = [.csv, .json], csvDialect: CSVDialect = .standard) {
    self.minCell = minCell
    self.formats = formats
    self.csvDialect = csvDialect
  }
}

/// A validated pipeline file.
public struct PipelineConfig: Hashable, Sendable {
  /// Names the output folder `Output/<name>/`.
  public var name: String
  /// The pipeline file's folder: relative `files` patterns resolve against it.
  public var directory: String
  public var sources: [SourceConfig]
  public var parameters: AnalysisParameters
  public var publish: PublishConfig

  public init(
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
  public var serviceNames: [String] { Self.serviceNames(of: sources) }

  /// Service names in order of first appearance among `sources` of kind services.
  public static func serviceNames(of sources: [SourceConfig]) -> [String] {
    var names: [String] = []
    for source in sources where source.kind == .services {
      if let service = source.service, !names.contains(service) { names.append(service) }
    }
    return names
  }
}
