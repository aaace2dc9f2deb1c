import Foundation
import PipelineCore
import RegisterIO

/// Writes a synthetic data set into `options.out`: the yearly § 110 stay files, the
/// population and service registers, `pipeline.yaml` and `synth_counts.json`.
/// Persons are generated and written one at a time, so memory does not grow with the
/// population; the same options give the same bytes. `progress` is called with
/// (persons written, persons in all) now and then. Files appear under their names
/// only when all are complete.
package func synthesize(_ options: SynthOptions, progress: ((Int, Int) -> Void)? = nil) throws -> SynthSummary {
  try options.validate()
  try prepareFolder(options.out, force: options.force)
  let population = SynthPopulation(options)
  let stayFiles = try StayFiles(
    folder: options.out, years: options.fromYear...options.toYear, defectRate: options.defectRate)
  let serviceFiles = try ServiceFiles(folder: options.out)
  let files = stayFiles.files + serviceFiles.all
  do {
    return try write(options, population, stayFiles, serviceFiles, files, progress)
  } catch {
    // Leave no partial files behind.
    for file in files { try? FileManager.default.removeItem(atPath: AtomicFile.temporaryPath(for: file.path)) }
    throw error
  }
}

private func write(
  _ options: SynthOptions, _ population: SynthPopulation, _ stayFiles: StayFiles, _ serviceFiles: ServiceFiles,
  _ files: [RegisterFile], _ progress: ((Int, Int) -> Void)?
) throws -> SynthSummary {
  var usersByType = [0, 0, 0]
  let step = max(1, population.size / 100)
  for index in 0..<population.size {
    let person = population.person(index)
    if let type = person.type {
      usersByType[type.rawValue] += 1
      var defectRandom = SynthRandom(seed: options.seed ^ 0xDEFE_C7DE_FEC7_DEFE, stream: UInt64(index))
      try stayFiles.write(person, &defectRandom)
    }
    try serviceFiles.write(person)
    if (index + 1) % step == 0 || index + 1 == population.size { progress?(index + 1, population.size) }
  }
  for file in files { try file.finish() }
  let summary = SynthSummary(
    files: files.map { SynthSummary.FileRows(file: $0.name, rows: $0.rows) }, users: population.users,
    usersByType: usersByType, population: population.size, stays: stayFiles.stays, openStays: stayFiles.openStays,
    newYearSplits: stayFiles.newYearSplits, serviceEvents: serviceFiles.events, defects: stayFiles.defects)
  for file in files { try file.commit() }
  let pipeline = options.out + "/pipeline.yaml"
  try AtomicFile.write(synthPipelineFile(options, name: pipelineName(for: options.out)), to: pipeline)
  let written =
    options.format == .sas7bdat
    ? try replaceWithSASDatasets(summary, pipeline: pipeline, compression: options.sasCompression) : summary
  try AtomicFile.write(written.json, to: options.out + "/synth_counts.json")
  return written
}

/// The registers as SAS datasets (`sasCopy`), the text files removed, the pipeline
/// reading the datasets. Rows with a wrong number of fields (a text defect) have no SAS
/// form and are left out, so the summary counts the rows each dataset holds.
private func replaceWithSASDatasets(
  _ summary: SynthSummary, pipeline: String, compression: SASWriter.Compression
) throws -> SynthSummary {
  let folder = (pipeline as NSString).deletingLastPathComponent
  let config = try PipelineConfig.load(path: pipeline)
  let copies = try sasCopy(of: config, into: folder, compression: compression)
  for file in summary.files { try FileManager.default.removeItem(atPath: folder + "/" + file.file) }
  var text = try String(contentsOfFile: pipeline, encoding: .utf8)
  text = text.replacingOccurrences(of: ".csv.gz\"]", with: ".sas7bdat\"]")
  text = text.split(separator: "\n", omittingEmptySubsequences: false)
    .filter { !$0.hasPrefix("    delimiter:") && !$0.hasPrefix("    encoding:") }.joined(separator: "\n")
  try AtomicFile.write(text, to: pipeline)
  var result = summary
  result.files = try copies.map { copy in
    SynthSummary.FileRows(file: (copy.path as NSString).lastPathComponent, rows: copy.rows)
  }
  return result
}

/// Whether `file` is a name a synth writes: the yearly stay files, the registers and
/// the two records.
func isSynthFile(_ file: String) -> Bool {
  let registers = ["bef.csv.gz"] + Service.allCases.map(\.fileName)
  let fixed = ["pipeline.yaml", "synth_counts.json"] + registers + registers.map { sasName(of: $0) }
  if fixed.contains(file) { return true }
  let suffix = [".csv.gz", ".sas7bdat"].first { file.hasSuffix($0) }
  guard file.hasPrefix("boform110_"), let suffix else { return false }
  let year = file.dropFirst("boform110_".count).dropLast(suffix.count)
  return year.count == 4 && year.allSatisfy(\.isNumber)
}

/// Creates `folder`, or checks it is empty; with `force`, removes the synth's files in
/// it so no year of an older set is left for a glob to pick up.
private func prepareFolder(_ folder: String, force: Bool) throws {
  let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  if !existing.isEmpty {
    guard force else {
      throw SynthError(
        "\(folder) is not empty: a synthetic set is written into an empty folder, so that no file of another "
          + "set mixes in (--force removes the files a synth writes there, and nothing else)")
    }
    for file in existing where isSynthFile(file) {
      do { try FileManager.default.removeItem(atPath: folder + "/" + file) } catch {
        throw SynthError("\(folder)/\(file): cannot remove the earlier synthetic file")
      }
    }
  }
  do {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  } catch {
    throw SynthError("cannot create the folder \(folder)")
  }
}

/// The pipeline's name: the folder's own name as a safe folder name (letters, digits,
/// `-`, `_`, `.`, not starting with `.`), so two sets do not share `Output/<name>/`.
func pipelineName(for folder: String) -> String {
  let base = URL(fileURLWithPath: folder).standardized.lastPathComponent
  let safe = String(base.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
  let trimmed = String(safe.drop { $0 == "." })
  return trimmed.isEmpty || trimmed == "/" ? "synth" : trimmed
}

/// `bef.csv.gz` → `bef.sas7bdat`: the name of a register's SAS copy.
func sasName(of file: String) -> String {
  let base = file.hasSuffix(".csv.gz") ? String(file.dropLast(".csv.gz".count)) : file
  return base + ".sas7bdat"
}
