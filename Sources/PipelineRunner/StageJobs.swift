import ClassifyStage
import DedupStage
import Foundation
import LoadStage
import PipelineCore
import PublishStage
import RegisterIO
import RegisterModel
import RepeatUseStage
import TransitionsStage
import WelfareUseStage

/// The seven stages of SPEC 4–9 as the runner drives them.
enum StageJobs {
  static let all: [StageJob] = [
    LoadJob(), DedupJob(), ClassifyJob(), RepeatUseJob(), WelfareUseJob(), TransitionsJob(), PublishJob(),
  ]
}

/// The settings a stage reads, as `parameter NAME` reads. Analysis parameters drop their
/// `parameters.` prefix, so a reason reads "parameter episode_gap_days changed".
func parameterReads(_ run: PipelineRun, _ stage: StageName) -> [String: String] {
  settingReads(run.config.parameterReads(for: stage))
}

/// Settings as `parameter NAME` reads, analysis parameters without their prefix.
func settingReads(_ settings: [(name: String, value: String)]) -> [String: String] {
  Dictionary(
    settings.map { name, value in
      let short = name.hasPrefix("parameters.") ? String(name.dropFirst("parameters.".count)) : name
      return ("parameter \(short)", value)
    }, uniquingKeysWith: { first, _ in first })
}

struct LoadJob: StageJob {
  let name = StageName.load
  let upstream: [StageName] = []

  func reads(_ run: PipelineRun) throws -> [String: String] {
    var reads = parameterReads(run, name)
    for file in try run.inputFiles() { reads["input \(file.name)"] = file.entry.sha256 }
    return reads
  }

  func run(_ run: PipelineRun, into folder: String) throws {
    var output: LoadOutput
    do {
      output = try LoadStage.load(
        config: run.config, rejectsFolder: run.paths.rejects, jobs: run.options.jobs, progress: run.progress)
    } catch let error as RunErrorMessage {
      throw RunError(error.message, isConfiguration: error.isConfiguration)
    }
    // File reports name files as the stamps and manifest do, so the result does not
    // depend on the current directory.
    for s in output.sources.indices {
      for f in output.sources[s].files.indices {
        output.sources[s].files[f].path = run.inputName(output.sources[s].files[f].path)
      }
    }
    try Artefact.write(output.stays, to: folder + "/stays.csv.gz")
    try Artefact.write(output.persons, to: folder + "/persons.csv.gz")
    try Artefact.write(output.events, to: folder + "/events.csv.gz")
    let meta = LoadMeta(serviceNames: output.serviceNames, sources: output.sources)
    try Artefact.writeJSON(meta, to: folder + "/sources.json")
    run.artefacts.loadStays = output.stays
    run.artefacts.loadPersons = output.persons
    run.artefacts.loadEvents = output.events
    run.artefacts.loadMeta = meta
  }
}

struct DedupJob: StageJob {
  let name = StageName.dedup
  let upstream = [StageName.load]

  func reads(_ run: PipelineRun) throws -> [String: String] { parameterReads(run, name) }

  func run(_ run: PipelineRun, into folder: String) throws {
    let result = DedupStage.dedup(stays: try run.loadStays(), persons: try run.loadPersons())
    try Artefact.write(result.stays, to: folder + "/stays.csv.gz")
    try Artefact.write(result.persons, to: folder + "/persons.csv.gz")
    try Artefact.writeJSON(result.quality, to: folder + "/quality.json")
    run.artefacts.dedupStays = result.stays
    run.artefacts.dedupPersons = result.persons
    run.artefacts.dedupQuality = result.quality
  }
}

struct ClassifyJob: StageJob {
  let name = StageName.classify
  let upstream = [StageName.dedup]

  func reads(_ run: PipelineRun) throws -> [String: String] { parameterReads(run, name) }

  func run(_ run: PipelineRun, into folder: String) throws {
    let result = ClassifyStage.classify(stays: try run.dedupStays(), parameters: run.config.parameters)
    let figures = ClassifyFigures(typology: result.typologyFigures, stays: result.stayFigures)
    try Artefact.write(result.episodes, to: folder + "/episodes.csv.gz")
    try Artefact.write(result.typology, to: folder + "/typology.csv.gz")
    try Artefact.writeJSON(figures, to: folder + "/figures.json")
    run.artefacts.episodes = result.episodes
    run.artefacts.typology = result.typology
    run.artefacts.classifyFigures = figures
  }
}

struct RepeatUseJob: StageJob {
  let name = StageName.repeatUse
  let upstream = [StageName.dedup, .classify]

  func reads(_ run: PipelineRun) throws -> [String: String] { parameterReads(run, name) }

  func run(_ run: PipelineRun, into folder: String) throws {
    let figures = RepeatUseStage.repeatUse(
      stays: try run.dedupStays(), episodes: try run.episodes(), persons: try run.dedupPersons(),
      parameters: run.config.parameters)
    try Artefact.writeJSON(figures, to: folder + "/figures.json")
    run.artefacts.repeatUse = figures
  }
}

struct WelfareUseJob: StageJob {
  let name = StageName.welfareUse
  let upstream = [StageName.load, .dedup, .classify]

  func reads(_ run: PipelineRun) throws -> [String: String] { parameterReads(run, name) }

  func run(_ run: PipelineRun, into folder: String) throws {
    let figures = WelfareUseStage.welfareUse(
      typology: try run.typology(), persons: try run.dedupPersons(), events: try run.loadEvents(),
      serviceNames: try run.loadMeta().serviceNames, parameters: run.config.parameters)
    try Artefact.writeJSON(figures, to: folder + "/figures.json")
    run.artefacts.welfareUse = figures
  }
}

struct TransitionsJob: StageJob {
  let name = StageName.transitions
  let upstream = [StageName.load, .classify]

  func reads(_ run: PipelineRun) throws -> [String: String] { parameterReads(run, name) }

  func run(_ run: PipelineRun, into folder: String) throws {
    let figures = TransitionsStage.transitions(
      episodes: try run.episodes(), events: try run.loadEvents(), serviceNames: try run.loadMeta().serviceNames,
      parameters: run.config.parameters)
    try Artefact.writeJSON(figures, to: folder + "/figures.json")
    run.artefacts.transitions = figures
  }
}
