import PipelineCore
import RegisterIO
import RegisterModel

/// Reads one file of a source into canonical records, accounting for every row
/// (SPEC 3): a row is accepted (kept or filtered) or rejected with a reason.
struct SourceFileReader: Sendable {
  let source: SourceConfig
  let file: InputFile
  let keying: PersonKeying
  /// `extract_date` of the source, else the censor date: where open stays end.
  let openStayEnd: Day
  let censorDate: Day
  /// Index of the source's service in the pipeline's service names.
  let serviceIndex: Int
  /// Normalised `codes` prefixes; nil keeps every row.
  let codePrefixes: [[UInt8]]?
  let progress: (@Sendable (_ bytes: Int, _ rows: Int) -> Void)?
  /// Threads that may parse one large delimited file (`SourceFileReader+Segments.swift`).
  var segmentWorkers = 1
  var segmenting = Segmenting()

  func read() throws -> FileBatch {
    let path = file.path
    if source.format.readsSAS(path) {
      // Only the mapped variables are read; rejects show the others empty.
      return try read(SASReader(path: path, encoding: source.statedEncoding, variables: Array(source.columns.values)))
    }
    return try read(DelimitedReader(path: path, delimiter: source.delimiter, encoding: source.encoding))
  }

  /// The file's rows through `reader`, the same accounting whatever its format.
  private func read<Reader: RecordReader>(_ reader: Reader) throws -> FileBatch {
    let columns = try ColumnMap(source: source, reader: reader)
    let formats = try DateColumns(source: source, columns: columns, reader: reader)
    var batch = FileBatch(report: FileReport(path: file.name, bytes: reader.fileSize))
    batch.delimiter = (reader as? DelimitedReader)?.delimiter
    batch.personField = columns[.personID]!
    for (column, index) in columns.dateColumns { batch.dateFields[column] = (reader.header[index], index) }
    if let delimited = reader as? DelimitedReader, readsInSegments(delimited) {
      try parseSegments(of: delimited, columns, formats, into: &batch)
    } else {
      try parseRows(reader, columns, formats, into: &batch)
    }
    return batch
  }

  /// Accounts for every row `reader` has left, adding to `batch`.
  func parseRows<Reader: RecordReader>(
    _ reader: Reader, _ columns: ColumnMap, _ formats: DateColumns, into batch: inout FileBatch
  ) throws {
    // SAS numbers where text is expected (ids, codes, municipality): a fraction is invalid.
    let wholeNumberFields =
      (reader as? SASReader).map { sas in
        columns.textColumns.filter { sas.isNumeric[$0.index] }
      } ?? []
    var interned: [String: PersonKey] = [:]
    var reportedBytes = reader.bytesConsumed
    let rowsBefore = batch.report.rowsRead
    let personIndex = columns[.personID]!
    // Counted here and put in the report's dictionaries at the end: most rows of a
    // national register are filtered, and a String-keyed dictionary update per row cost
    // more than parsing the row.
    var notInCohort = 0
    var codeNotSelected = 0
    // The cohort of CPR keying, taken out of the enum once: switching over `keying` on
    // every row retained and released the set's tables each time.
    var isCPR = false
    var cprCohort: PersonKeySet?
    if case .cpr(let cohort) = keying {
      isCPR = true
      cprCohort = cohort
    }

    while try reader.next() {
      batch.report.rowsRead += 1
      if (batch.report.rowsRead - rowsBefore) & 0x3FFF == 0, let progress {
        progress(reader.bytesConsumed - reportedBytes, 0x4000)
        reportedBytes = reader.bytesConsumed
      }
      guard reader.fieldCountMatchesHeader else {
        reject(.fieldCount, reader, &batch)
        continue
      }
      guard !reader.isMissing(personIndex) else {
        reject(.missingPersonID, reader, &batch)
        continue
      }
      if !wholeNumberFields.isEmpty,
        let fraction = wholeNumberFields.first(where: { reader.isFractionalNumber($0.index) })
      {
        reject(fraction.column == .personID ? .invalidPersonID : .nonIntegralNumber, reader, &batch)
        continue
      }
      let outcome =
        isCPR
        ? PersonKeying.resolveCPR(reader.field(personIndex), cohort: cprCohort)
        : keying.resolve(reader, personIndex, tokens: &batch.localTokens, interned: &interned)
      let person: PersonKey
      var repaired = false
      var inCohort = true
      switch outcome {
      case .invalid:
        reject(.invalidPersonID, reader, &batch)
        continue
      case .notInCohort:
        person = 0
        inCohort = false
      case .key(let key, let wasRepaired):
        person = key
        repaired = wasRepaired
      }
      guard inCohort else {
        // Validated as any row (a rejected row counts whoever it belongs to), but no
        // record is built: no strings, no code filter.
        if let reason = validateOnly(reader, columns, formats) {
          reject(reason, reader, &batch)
        } else {
          batch.report.accepted += 1
          if repaired { batch.report.idsRepaired += 1 }
          notInCohort += 1
        }
        continue
      }
      let result: Result<Record?, RejectReason>
      switch source.kind {
      case .stays: result = stay(reader, columns, formats, person: person, order: batch.stays.count)
      case .persons: result = personRecord(reader, columns, formats, person: person, order: batch.persons.count)
      case .services: result = event(reader, columns, formats, person: person)
      }
      switch result {
      case .failure(let reason):
        reject(reason, reader, &batch)
      case .success(let record):
        batch.report.accepted += 1
        if repaired { batch.report.idsRepaired += 1 }
        switch record {
        case .stay(let stay)?: batch.stays.append(stay)
        case .person(let record)?: batch.persons.append(record)
        case .event(let event)?: batch.events.append(event)
        case nil: codeNotSelected += 1
        }
      }
    }
    progress?(reader.bytesConsumed - reportedBytes, (batch.report.rowsRead - rowsBefore) & 0x3FFF)
    if notInCohort > 0 { batch.report.filtered[FilterReason.notInCohort.rawValue, default: 0] += notInCohort }
    if codeNotSelected > 0 {
      batch.report.filtered[FilterReason.codeNotSelected.rawValue, default: 0] += codeNotSelected
    }
  }

  /// The reject reason of a row of a person outside the cohort, or nil when it is
  /// accepted: the same checks, in the same order, as `stay`, `personRecord` and `event`.
  private func validateOnly<Reader: RecordReader>(_ reader: Reader, _ columns: ColumnMap, _ formats: DateColumns)
    -> RejectReason?
  {
    switch source.kind {
    case .stays:
      guard let index = columns[.institutionID], !reader.isMissing(index) else { return .missingInstitutionID }
      fallthrough
    case .services:
      guard !reader.isMissing(columns[.start]!) else { return .missingStart }
      guard let format = formats.start, let start = reader.day(columns[.start]!, format) else {
        return .unparsableStart
      }
      guard let index = columns[.end], let format = formats.end, !reader.isMissing(index) else { return nil }
      guard let end = reader.day(index, format) else { return .unparsableEnd }
      return end < start ? .endBeforeStart : nil
    case .persons:
      guard let index = columns[.birthDate], let format = formats.birthDate, !reader.isMissing(index) else {
        return nil
      }
      return reader.day(index, format) == nil ? .unparsableBirthDate : nil
    }
  }

  private enum Record {
    case stay(Stay)
    case person(PersonRecord)
    case event(ServiceEvent)
  }

  private func reject<Reader: RecordReader>(_ reason: RejectReason, _ reader: Reader, _ batch: inout FileBatch) {
    batch.report.rejected[reason.rawValue, default: 0] += 1
    batch.rejects.append(
      RejectedRow(line: reader.line, reason: reason, fields: (0..<reader.fieldCount).map(reader.string)))
  }

  /// A date field: nil when missing, `.failure` when present but unparsable.
  private func date<Reader: RecordReader>(
    _ reader: Reader, _ index: Int?, _ format: DateFormat?, _ reason: RejectReason
  ) -> Result<Day?, RejectReason> {
    guard let index, let format, !reader.isMissing(index) else { return .success(nil) }
    guard let day = reader.day(index, format) else { return .failure(reason) }
    return .success(day)
  }

  private func text<Reader: RecordReader>(_ reader: Reader, _ index: Int?) -> String? {
    guard let index, !reader.isMissing(index) else { return nil }
    return reader.string(index)
  }

  private func stay<Reader: RecordReader>(
    _ reader: Reader, _ columns: ColumnMap, _ formats: DateColumns, person: PersonKey, order: Int
  ) -> Result<Record?, RejectReason> {
    guard let institution = text(reader, columns[.institutionID]) else { return .failure(.missingInstitutionID) }
    guard !reader.isMissing(columns[.start]!) else { return .failure(.missingStart) }
    let start: Day
    switch date(reader, columns[.start], formats.start, .unparsableStart) {
    case .failure(let reason): return .failure(reason)
    case .success(let day): start = day!
    }
    let end: Day?
    switch date(reader, columns[.end], formats.end, .unparsableEnd) {
    case .failure(let reason): return .failure(reason)
    case .success(let day): end = day
    }
    if let end, end < start { return .failure(.endBeforeStart) }
    return .success(
      .stay(
        Stay(
          person: person, institution: institution, start: start, end: end, extractDate: openStayEnd,
          exitReason: text(reader, columns[.exitReason]),
          municipality: text(reader, columns[.municipality]).map(FieldValue.municipality), order: order)))
  }

  private func personRecord<Reader: RecordReader>(
    _ reader: Reader, _ columns: ColumnMap, _ formats: DateColumns, person: PersonKey, order: Int
  ) -> Result<Record?, RejectReason> {
    let birthDate: Day?
    switch date(reader, columns[.birthDate], formats.birthDate, .unparsableBirthDate) {
    case .failure(let reason): return .failure(reason)
    case .success(let day): birthDate = day
    }
    let sex = columns[.sex].flatMap { reader.isMissing($0) ? nil : Sex(code: reader.field($0)) }
    return .success(
      .person(
        PersonRecord(
          person: person, sex: sex, birthDate: birthDate,
          municipality: text(reader, columns[.municipality]).map(FieldValue.municipality), order: order)))
  }

  private func event<Reader: RecordReader>(
    _ reader: Reader, _ columns: ColumnMap, _ formats: DateColumns, person: PersonKey
  ) -> Result<Record?, RejectReason> {
    guard !reader.isMissing(columns[.start]!) else { return .failure(.missingStart) }
    let start: Day
    switch date(reader, columns[.start], formats.start, .unparsableStart) {
    case .failure(let reason): return .failure(reason)
    case .success(let day): start = day!
    }
    var end = start
    if columns[.end] != nil {
      switch date(reader, columns[.end], formats.end, .unparsableEnd) {
      case .failure(let reason): return .failure(reason)
      case .success(let day): end = day ?? max(censorDate, start)
      }
      if end < start { return .failure(.endBeforeStart) }
    }
    if let codePrefixes {
      guard let index = columns[.code], !reader.isMissing(index),
        ServiceCode.matches(reader.field(index), prefixes: codePrefixes)
      else { return .success(nil) }
    }
    return .success(.event(ServiceEvent(person: person, service: serviceIndex, start: start, end: end)))
  }
}
