import Foundation
import PipelineCore
import RegisterIO
import RegisterModel

/// Stage 1 (SPEC 4): parses every source into canonical records.
///
/// Stays sources are read first: their persons are the cohort, and the persons and
/// services registers are filtered to it while they stream, so a national register is
/// never held whole. Files are read on up to `jobs` threads and merged in input order.
/// Rejected rows go to `<rejectsFolder>/<source>.csv.gz`; a source that rejects more
/// than `max_reject_share` of its rows stops the run.
///
/// `files` holds each source's files, in source order. A large delimited file is parsed
/// on `jobs` threads as `segmenting` says.
package func load(
  parameters: LoadParameters, files: [[InputFile]], rejectsFolder: String, jobs: Int,
  progress: ProgressReporter? = nil, segmenting: Segmenting = Segmenting()
) throws -> LoadOutput {
  let sources = parameters.sources
  let serviceNames = PipelineConfig.serviceNames(of: sources)
  if let progress {
    let total = files.joined().reduce(0) {
      $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0)
    }
    progress.begin("load", totalBytes: total)
  }
  let report: (@Sendable (Int, Int) -> Void)? =
    if let progress { { bytes, rows in progress.advance(bytes: bytes, rows: rows) } } else { nil }

  let reader: @Sendable (Int, InputFile, PersonKeying) -> SourceFileReader = { sourceIndex, file, keying in
    let source = sources[sourceIndex]
    var reader = SourceFileReader(
      source: source, file: file, keying: keying,
      openStayEnd: source.extractDate ?? parameters.censorDate, censorDate: parameters.censorDate,
      serviceIndex: source.service.flatMap { serviceNames.firstIndex(of: $0) } ?? 0,
      codePrefixes: source.codes.map { $0.map { ServiceCode.normalize(Array($0.utf8)) } },
      progress: report)
    reader.segmentWorkers = jobs
    reader.segmenting = segmenting
    return reader
  }

  func readPhase(_ kinds: Set<SourceKind>, _ keying: PersonKeying) throws -> [(source: Int, batch: FileBatch)] {
    let tasks = sources.indices.filter { kinds.contains(sources[$0].kind) }
      .flatMap { s in files[s].map { (s, $0) } }
    // Largest file first: the population register or a big service register must not
    // be the last to start while the other thread has nothing left to do.
    let sizes = tasks.map { (try? FileManager.default.attributesOfItem(atPath: $0.1.path)[.size] as? Int) ?? 0 }
    let order = tasks.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    let batches = try parallelMap(tasks.count, jobs: jobs, order: order) { i in
      try reader(tasks[i].0, tasks[i].1, keying).read()
    }
    return zip(tasks, batches).map { ($0.0, $1) }
  }

  // Phase 1: stays, which make the cohort.
  var stayBatches = try readPhase([.stays], parameters.idFormat == .cpr ? .cpr(cohort: nil) : .opaqueLocal)
  var globalKeys: [String: PersonKey] = [:]
  if parameters.idFormat == .opaque {
    for i in stayBatches.indices {
      let remap = stayBatches[i].batch.localTokens.map { token in
        if let key = globalKeys[token] { return key }
        let key = PersonKey(globalKeys.count)
        globalKeys[token] = key
        return key
      }
      for j in stayBatches[i].batch.stays.indices {
        stayBatches[i].batch.stays[j].person = remap[Int(stayBatches[i].batch.stays[j].person)]
      }
      stayBatches[i].batch.localTokens = []
    }
  }
  for i in stayBatches.indices {
    for stay in stayBatches[i].batch.stays {
      for year in stay.start.year...max(stay.start.year, (stay.end ?? stay.extractDate).year) {
        stayBatches[i].batch.report.staysByYear[String(year), default: 0] += 1
      }
    }
  }
  var stays: [Stay] = []
  for (_, batch) in stayBatches { stays.append(numberingOn: batch.stays) }

  // Phase 2: persons and services of the cohort: persons with an accepted stay. An
  // opaque id is interned before its row is validated, so `globalKeys` also holds ids
  // whose only stays were rejected; they are not in the cohort.
  let cohort = Set(stays.map(\.person))
  let cohortKeying: PersonKeying =
    parameters.idFormat == .cpr
    ? .cpr(cohort: PersonKeySet(cohort)) : .opaqueCohort(globalKeys.filter { cohort.contains($0.value) })
  let otherBatches = try readPhase([.persons, .services], cohortKeying)
  var persons: [PersonRecord] = []
  var events: [ServiceEvent] = []
  for (_, batch) in otherBatches {
    persons.append(numberingOn: batch.persons)
    events += batch.events
  }
  progress?.end()

  let all = stayBatches + otherBatches
  var reports: [SourceReport] = []
  try AtomicDirectory.create(rejectsFolder)
  for (index, source) in sources.enumerated() {
    let batches = all.filter { $0.source == index }.map(\.batch)
    let sourceReport = SourceReport(name: source.name, files: batches.map(\.report))
    reports.append(sourceReport)
    let rejectsPath = rejectsFolder + "/" + source.name + ".csv.gz"
    try RejectsFile.write(batches, to: rejectsPath)
    let read = sourceReport.rowsRead
    let rejected = sourceReport.rejectedTotal
    if read > 0, Double(rejected) / Double(read) > parameters.maxRejectShare {
      throw RunError(
        "source \(source.name): \(rejected) of \(read) rows rejected (\(percent(rejected, read))), more than max_reject_share \(percent(parameters.maxRejectShare)); the rejected rows and their reasons are in \(rejectsPath)"
          + dateDiagnosis(batches, source: source, rejected: sourceReport.rejected))
    }
  }
  return LoadOutput(stays: stays, persons: persons, events: events, serviceNames: serviceNames, sources: reports)
}

private func percent(_ part: Int, _ whole: Int) -> String { percent(Double(part) / Double(whole)) }
private func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

/// When nine in ten rejections of a source or more are one unparsable date that another
/// date format reads: the column, the shape of its first rejected value (digits as `9`,
/// letters as `A`: a shape, never a value, so nothing of a row is printed) and the
/// formats that read it.
private func dateDiagnosis(_ batches: [FileBatch], source: SourceConfig, rejected: [String: Int]) -> String {
  let reasons: [(RejectReason, CanonicalColumn)] = [
    (.unparsableStart, .start), (.unparsableEnd, .end), (.unparsableBirthDate, .birthDate),
  ]
  let total = rejected.values.reduce(0, +)
  guard let (reason, column) = reasons.first(where: { 10 * (rejected[$0.0.rawValue] ?? 0) >= 9 * total }),
    let batch = batches.first(where: { $0.rejects.contains { $0.reason == reason } }),
    let field = batch.dateFields[column],
    let value = batch.rejects.first(where: { $0.reason == reason })?.fields.dropFirst(field.index).first
  else { return "" }
  var detector = DateFormatDetector(column: field.name)
  detector.add(value)
  let shape = String(value.map { $0.isNumber ? "9" : $0.isLetter ? "A" : $0 })
  // Only a format mismatch is diagnosed; impossible dates (31FEB2019) are the data's.
  guard !detector.candidates.isEmpty, !detector.candidates.contains(source.dateFormat) else { return "" }
  let guess = "it reads as date_format \(detector.candidates.map(\.rawValue).joined(separator: " or "))"
  return "; \(rejected[reason.rawValue]!) of them for '\(reason.rawValue)': column \(field.name) holds values shaped "
    + "\(shape) (\(guess)), and the source's date_format is \(source.dateFormat.rawValue)"
}
