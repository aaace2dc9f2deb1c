import RegisterIO
import RegisterModel
import Yams

extension SourceConfig {
  static let keys = [
    "name", "kind", "files", "format", "delimiter", "encoding", "date_format", "extract_date", "columns",
    "service", "codes", "open_ended",
  ]

  /// Delimiters as written in a pipeline file: a tab may be a YAML tab or backslash-t.
  static let delimiterChoices: [(String, Delimiter)] = [
    (",", .byte(UInt8(ascii: ","))), (";", .byte(UInt8(ascii: ";"))),
    ("\\t", .byte(UInt8(ascii: "\t"))), ("|", .byte(UInt8(ascii: "|"))), ("auto", .auto),
  ]

  /// Every entry of `sources`; nil when any is invalid. Service names read along the
  /// way go to `services`, so indicators can be checked even when a source is broken.
  static func readAll(_ node: Node, services: inout [String], reader: inout ConfigReader)
    -> [SourceConfig]?
  {
    guard let items = reader.list(node, "'sources'") else { return nil }
    guard !items.isEmpty else {
      reader.report(node, "'sources' must list at least one source")
      return nil
    }
    var sources: [SourceConfig?] = []
    var nameLines: [String: Int] = [:]
    for (index, item) in items.enumerated() {
      let source = read(item, index: index, services: &services, reader: &reader)
      if let source, let nameNode = item.mapping?["name"] {
        if let first = nameLines[source.name] {
          reader.report(nameNode, "duplicate source name '\(source.name)' (first at line \(first))")
          sources.append(nil)
          continue
        }
        nameLines[source.name] = ConfigReader.line(of: nameNode)
      }
      sources.append(source)
    }
    return sources.contains(nil) ? nil : sources.compactMap { $0 }
  }

  private static func read(_ node: Node, index: Int, services: inout [String], reader: inout ConfigReader)
    -> SourceConfig?
  {
    // Name the source in messages by its name when it has a readable one.
    let label = node.mapping?["name"]?.scalar.map { "source '\($0.string)'" } ?? "source \(index + 1)"
    let place = " in \(label)"
    guard let fields = reader.mapping(node, field: label, place: place, allowed: keys) else { return nil }
    reader.require(["name", "kind", "files", "columns"], in: fields, place: place)

    let before = reader.problems.count
    let name = fields["name"].flatMap { PipelineConfig.readName($0, field: "'name'\(place)", reader: &reader) }
    let kind = fields["kind"].flatMap {
      reader.choice($0, "'kind'\(place)", SourceKind.allCases.map { ($0.rawValue, $0) })
    }
    let files = fields["files"].flatMap { readFiles($0, field: "'files'\(place)", reader: &reader) }
    let format = fields["format"].flatMap {
      reader.choice($0, "'format'\(place)", SourceFormat.allCases.map { ($0.rawValue, $0) })
    }
    let delimiter = fields["delimiter"].flatMap {
      reader.choice(tabAsEscape($0), "'delimiter'\(place)", delimiterChoices)
    }
    let encoding = fields["encoding"].flatMap {
      reader.choice($0, "'encoding'\(place)", TextEncoding.allCases.map { ($0.rawValue, $0) })
    }
    let dateFormat = fields["date_format"].flatMap {
      reader.choice($0, "'date_format'\(place)", DateFormat.allCases.map { ($0.rawValue, $0) })
    }
    let extractDate = fields["extract_date"].flatMap { node in
      ConfigReader.isNull(node) ? nil : reader.date(node, "'extract_date'\(place)")
    }
    let columns = fields["columns"].flatMap {
      readColumns($0, kind: kind, label: label, reader: &reader)
    }
    var service = fields["service"].flatMap { reader.string($0, "'service'\(place)") }
    if let node = fields["service"], service == "any" {
      // The transitions table (SPEC 8a) has a row `any` for all services together.
      reader.report(node, "'service'\(place) may not be 'any': the transitions table uses it for all services")
      service = nil
    }
    if let service, !services.contains(service) { services.append(service) }
    let codes = fields["codes"].flatMap { readCodes($0, field: "'codes'\(place)", reader: &reader) }
    let openEnded = fields["open_ended"].flatMap {
      reader.choice($0, "'open_ended'\(place)", [("true", true), ("false", false)])
    }
    // SPEC 3: without a check-out column every stay is open and runs to the extract
    // date, which makes nearly everyone "long"; only a register without one may say so.
    if kind == .stays, let columns {
      if columns[.end] == nil, openEnded != true {
        reader.report(
          line: fields.keyLines["columns"]!,
          "'columns'\(place) maps no 'end': every stay would be open until the extract date; "
            + "map the check-out column (e.g. end: UDDTO), or say 'open_ended: true' if the register has none")
      } else if columns[.end] != nil, openEnded == true {
        reader.report(
          line: fields.keyLines["open_ended"]!, "'open_ended: true'\(place) but 'columns' maps an 'end'")
      }
    }
    if kind != nil, kind != .stays, fields["open_ended"] != nil {
      reader.report(line: fields.keyLines["open_ended"]!, "'open_ended'\(place) applies only to stays sources")
    }

    if kind == .services, fields["service"] == nil {
      reader.report(fields.node, "missing required key 'service'\(place)")
    }
    if kind == .services, codes != nil, let columns, columns[.code] == nil {
      reader.report(line: fields.keyLines["codes"]!, "'codes'\(place) needs a 'code' column in columns")
    }
    for key in ["service", "codes"] where kind != nil && kind != .services && fields[key] != nil {
      reader.report(line: fields.keyLines[key]!, "'\(key)'\(place) applies only to services sources")
    }

    guard reader.problems.count == before, let name, let kind, let files, let columns else {
      return nil
    }
    var source = SourceConfig(name: name, kind: kind, files: files, columns: columns)
    source.format = format ?? .auto
    source.delimiter = delimiter ?? .auto
    source.encoding = encoding ?? .utf8
    source.statedEncoding = encoding
    source.dateFormat = dateFormat ?? .auto
    source.extractDate = extractDate
    source.service = service
    source.codes = codes
    source.columnLocations = reader.columnLines.mapValues { "\(reader.path):\($0)" }
    return source
  }

  /// A YAML tab character (`"\t"`) read as the two characters `\t`, its name in messages.
  private static func tabAsEscape(_ node: Node) -> Node {
    guard let scalar = node.scalar, scalar.string == "\t" else { return node }
    return .scalar(.init("\\t", scalar.tag, scalar.style, scalar.mark))
  }

  /// One pattern or a non-empty list of them.
  private static func readFiles(_ node: Node, field: String, reader: inout ConfigReader) -> [String]? {
    if node.scalar != nil, !ConfigReader.isNull(node) { return reader.string(node, field).map { [$0] } }
    guard let patterns = reader.strings(node, field) else { return nil }
    guard !patterns.isEmpty else {
      reader.report(node, "\(field) must name at least one file")
      return nil
    }
    return patterns
  }

  /// Code prefixes, upper-cased with dots removed as codes are compared (SPEC 2).
  private static func readCodes(_ node: Node, field: String, reader: inout ConfigReader) -> [String]? {
    guard let codes = reader.strings(node, field) else { return nil }
    guard !codes.isEmpty else {
      reader.report(node, "\(field) must list at least one code prefix (leave it out to keep every row)")
      return nil
    }
    return codes.map { $0.uppercased().replacingOccurrences(of: ".", with: "") }
  }

  /// The `columns` map: canonical names allowed for the kind, each to a header; the
  /// kind's required columns must be present.
  private static func readColumns(_ node: Node, kind: SourceKind?, label: String, reader: inout ConfigReader)
    -> [CanonicalColumn: String]?
  {
    let place = " in columns of \(label)"
    reader.columnLines = [:]
    let allowed = (kind?.allowedColumns ?? CanonicalColumn.allCases).map(\.rawValue)
    guard let mapping = node.mapping else {
      reader.report(node, "'columns' in \(label) must be a mapping, got \(ConfigReader.shown(node))")
      return nil
    }
    let before = reader.problems.count
    var columns: [CanonicalColumn: String] = [:]
    for (keyNode, value) in mapping {
      let key = keyNode.scalar?.string ?? ""
      guard let column = CanonicalColumn(rawValue: key), allowed.contains(key) else {
        if let kind, CanonicalColumn(rawValue: key) != nil {
          reader.report(
            keyNode,
            "column '\(key)' does not apply to \(kind.rawValue) sources (\(label)); "
              + "columns are: \(allowed.joined(separator: ", "))")
        } else {
          reader.report(keyNode, "unknown column '\(key)'\(place)" + Suggestion.hint(for: key, in: allowed))
        }
        continue
      }
      guard columns[column] == nil else {
        reader.report(keyNode, "duplicate key '\(key)'\(place)")
        continue
      }
      columns[column] = reader.string(value, "'\(key)'\(place)")
      reader.columnLines[column] = ConfigReader.line(of: keyNode)
    }
    for column in kind?.requiredColumns ?? [] where columns[column] == nil && mapping[column.rawValue] == nil {
      reader.report(node, "missing required column '\(column.rawValue)'\(place)")
    }
    return reader.problems.count == before ? columns : nil
  }
}
