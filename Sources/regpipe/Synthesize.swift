import ArgumentParser
import Foundation
import PipelineCore
import RegisterIO
import Synth

struct Synthesize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "synth",
    abstract: "Write synthetic DST-style registers and a pipeline file for them.",
    discussion: """
      The data is invented, calibrated to published figures; it is not real register data. \
      The same seed gives the same bytes. Example:

        regpipe synth --out /tmp/synth --persons 20000 --from 2016 --to 2023 --seed 1 --defects 0.01
        regpipe run /tmp/synth/pipeline.yaml
      """)

  @Option(help: "Folder to write into.")
  var out: String

  @Option(help: "Shelter users to generate.")
  var persons: Int

  @Option(name: .customLong("from"), help: "First year of data.")
  var fromYear: Int

  @Option(name: .customLong("to"), help: "Last year of data (the extract ends on 31 December).")
  var toYear: Int

  @Option(help: "Seed of the random generator.")
  var seed: UInt64

  @Option(help: "Persons in the population register (default: 5 × users).")
  var population: Int?

  @Option(help: "Share of stay rows given a defect (duplicates, re-reports, 9-digit ids, malformed rows, CRLF).")
  var defects = 0.0

  @Option(help: "Multiplies the service events of persons outside the shelter population (benchmarks).")
  var serviceScale = 1.0

  @Option(
    help:
      "Benchmark-only: multiplies stay rows, writing each stay as N consecutive stays at the same institution with 1–3-day gaps; the data is then no longer calibrated."
  )
  var stayScale = 1

  @Flag(
    help:
      "Benchmark-only: every service register about the same size (a quarter of the population, 4 events each); the service figures are then no longer calibrated."
  )
  var evenServices = false

  @Option(help: "Registers as gzip CSV (csv) or as SAS datasets (sas7bdat).")
  var format = SynthFormat.csv

  @Option(help: "With --format sas7bdat: rle (COMPRESS=CHAR) or none.")
  var sasCompression = SASWriter.Compression.rle

  @Flag(name: [.short, .long], help: "No progress on stderr.")
  var quiet = false

  @Flag(help: "Write into a folder that is not empty, removing the files an earlier synth wrote there (only those).")
  var force = false

  private var options: SynthOptions {
    var options = SynthOptions(
      out: out, persons: persons, fromYear: fromYear, toYear: toYear, seed: seed, population: population,
      defectRate: defects, serviceScale: serviceScale, stayScale: stayScale)
    options.force = force
    options.format = format
    options.sasCompression = sasCompression
    options.evenServices = evenServices
    return options
  }

  func validate() throws {
    do {
      try options.validate()
    } catch {
      throw ValidationError("\(error)")
    }
  }

  func run() throws {
    let progress = ProgressReporter(quiet: quiet)
    progress.begin("synth: persons", totalBytes: 0)
    defer { progress.end() }
    let summary = try synthesize(options) { done, _ in progress.set(rows: done) }
    if let note = options.beyondCalibration { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
    print(
      "wrote \(summary.users) shelter users, \(summary.population) persons, \(summary.stays) stays, \(summary.serviceEvents) service events to \(out)"
    )
    print("pipeline: \(out)/pipeline.yaml")
  }
}

extension SynthFormat: ExpressibleByArgument {}
extension SASWriter.Compression: ExpressibleByArgument {}
