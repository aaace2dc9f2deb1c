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

/// The seven stages of SPEC 4–9 as the runner drives them, in run order.
enum StageJobs {
  static let all: [any StageJob] = [
    LoadJob(), DedupJob(), ClassifyJob(), RepeatUseJob(), WelfareUseJob(), TransitionsJob(), PublishJob(),
  ]
}

struct LoadJob: StageJob {
  let name = StageName.load
  let upstream: [StageName] = []

  func parameters(of config: PipelineConfig) -> LoadParameters { LoadParameters(config) }

  func inputReads(_ inputs: InputSnapshot) -> [StampKey: String]? {
    Dictionary(inputs.files.map { (.input($0.file.name), $0.entry.sha256) }, uniquingKeysWith: { first, _ in first })
  }

  func run(_ input: StageInput<LoadParameters>, into outputs: inout StageOutputs) throws {
    let output = try LoadStage.load(
      parameters: input.parameters, files: input.inputs!.bySource, rejectsFolder: input.paths.rejects,
      jobs: input.jobs, progress: input.progress)
    outputs.write(Artefacts.loadStays, output.stays)
    outputs.write(Artefacts.loadPersons, output.persons)
    outputs.write(Artefacts.loadEvents, output.events)
    outputs.write(Artefacts.loadMeta, LoadMeta(serviceNames: output.serviceNames, sources: output.sources))
  }
}

/// Dedup reads nothing of the pipeline file.
struct NoParameters {}

struct DedupJob: StageJob {
  let name = StageName.dedup
  let upstream = [StageName.load]

  func parameters(of config: PipelineConfig) -> NoParameters { NoParameters() }

  func run(_ input: StageInput<NoParameters>, into outputs: inout StageOutputs) throws {
    let result = DedupStage.dedup(
      stays: try input.upstream.read(Artefacts.loadStays), persons: try input.upstream.read(Artefacts.loadPersons))
    outputs.write(Artefacts.dedupStays, result.stays)
    outputs.write(Artefacts.dedupPersons, result.persons)
    outputs.write(Artefacts.dedupQuality, result.quality)
  }
}

struct ClassifyJob: StageJob {
  let name = StageName.classify
  let upstream = [StageName.dedup]

  func parameters(of config: PipelineConfig) -> ClassifyParameters { ClassifyParameters(config.parameters) }

  func run(_ input: StageInput<ClassifyParameters>, into outputs: inout StageOutputs) throws {
    let result = ClassifyStage.classify(
      stays: try input.upstream.read(Artefacts.dedupStays), parameters: input.parameters)
    outputs.write(Artefacts.episodes, result.episodes)
    outputs.write(Artefacts.typology, result.typology)
    outputs.write(
      Artefacts.classifyFigures, ClassifyFigures(typology: result.typologyFigures, stays: result.stayFigures))
  }
}

struct RepeatUseJob: StageJob {
  let name = StageName.repeatUse
  let upstream = [StageName.dedup, .classify]

  func parameters(of config: PipelineConfig) -> RepeatUseParameters { RepeatUseParameters(config.parameters) }

  func run(_ input: StageInput<RepeatUseParameters>, into outputs: inout StageOutputs) throws {
    let upstream = input.upstream
    let figures = RepeatUseStage.repeatUse(
      stays: try upstream.read(Artefacts.dedupStays), episodes: try upstream.read(Artefacts.episodes),
      persons: try upstream.read(Artefacts.dedupPersons), parameters: input.parameters)
    outputs.write(Artefacts.repeatUse, figures)
  }
}

struct WelfareUseJob: StageJob {
  let name = StageName.welfareUse
  let upstream = [StageName.load, .dedup, .classify]

  func parameters(of config: PipelineConfig) -> WelfareUseParameters { WelfareUseParameters(config.parameters) }

  func run(_ input: StageInput<WelfareUseParameters>, into outputs: inout StageOutputs) throws {
    let upstream = input.upstream
    let figures = WelfareUseStage.welfareUse(
      typology: try upstream.read(Artefacts.typology), persons: try upstream.read(Artefacts.dedupPersons),
      events: try upstream.read(Artefacts.loadEvents), serviceNames: try upstream.read(Artefacts.loadMeta).serviceNames,
      parameters: input.parameters)
    outputs.write(Artefacts.welfareUse, figures)
  }
}

struct TransitionsJob: StageJob {
  let name = StageName.transitions
  let upstream = [StageName.load, .classify]

  func parameters(of config: PipelineConfig) -> TransitionsParameters { TransitionsParameters(config.parameters) }

  func run(_ input: StageInput<TransitionsParameters>, into outputs: inout StageOutputs) throws {
    let upstream = input.upstream
    let figures = TransitionsStage.transitions(
      episodes: try upstream.read(Artefacts.episodes), events: try upstream.read(Artefacts.loadEvents),
      serviceNames: try upstream.read(Artefacts.loadMeta).serviceNames, parameters: input.parameters)
    outputs.write(Artefacts.transitions, figures)
  }
}
