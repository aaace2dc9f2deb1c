import RegisterIO
import RegisterModel

/// What to generate: `persons` shelter users with at least one night in
/// `fromYear…toYear` (their careers may begin before and run after it), inside a
/// population register of `population` persons (users included).
package struct SynthOptions: Sendable, Hashable {
  /// The folder the registers, `pipeline.yaml` and `synth_counts.json` are written to.
  package var out: String
  /// Write into a folder that is not empty, first removing the files a synth writes
  /// (and nothing else); without it such a folder is an error, so sets never mix.
  package var force = false
  /// Shelter users (persons with at least one § 110 stay).
  package var persons: Int
  package var fromYear: Int
  package var toYear: Int
  package var seed: UInt64
  /// Size of the population register; nil gives `persons × defaultPopulationFactor`.
  package var population: Int?
  /// Share of stay rows given a defect (duplicates, re-reports, lost leading zeros,
  /// malformed rows, CRLF line ends); 0 writes clean files.
  package var defectRate: Double
  /// Multiplies the mean number of service events of persons outside the shelter
  /// population (1: the calibrated ~3 per person); for benchmarks at register scale.
  package var serviceScale: Double
  /// Benchmark-only: each generated stay is written as this many consecutive stays at
  /// the same institution, separated by gaps of 1–3 days (1: the calibrated stays).
  /// Above 1 the stays are no longer calibrated to the published figures.
  package var stayScale: Int
  /// Benchmark-only: persons outside the shelter population use every service register
  /// alike (a quarter of them, 4 events on average), so the registers are of similar
  /// size, as a study with several large service registers has them; `serviceScale`
  /// multiplies that. The service figures are then no longer calibrated.
  package var evenServices = false
  /// Registers as gzip CSV (`csv`) or as SAS datasets (`sas7bdat`), as DST's research
  /// servers hold them.
  package var format: SynthFormat = .csv
  /// With `format` `sas7bdat`: RLE (`COMPRESS=CHAR`, as DST's datasets mostly are) or none.
  package var sasCompression: SASWriter.Compression = .rle

  /// Population per user when `population` is not given (Denmark: about 100).
  package static let defaultPopulationFactor = 5

  package init(
    out: String, persons: Int, fromYear: Int, toYear: Int, seed: UInt64, population: Int? = nil,
    defectRate: Double = 0, serviceScale: Double = 1, stayScale: Int = 1
  ) {
    self.out = out
    self.persons = persons
    self.fromYear = fromYear
    self.toYear = toYear
    self.seed = seed
    self.population = population
    self.defectRate = defectRate
    self.serviceScale = serviceScale
    self.stayScale = stayScale
  }

  /// The population register's size: `population`, at least the users.
  package var populationSize: Int { max(persons, population ?? persons * Self.defaultPopulationFactor) }

  /// First and last year of the observation window the pipeline file names: the last
  /// seven years (fewer when the data covers fewer).
  package var windowYears: ClosedRange<Int> { max(fromYear, toYear - 6)...toYear }

  /// Why years after the last calibrated one look like it, or nil when the data ends by
  /// then: the published figures describe 2016–2023.
  package var beyondCalibration: String? {
    let last = Calibration.trendYears.upperBound
    guard toYear > last else { return nil }
    return "years \(last + 1)-\(toYear) keep \(last)'s rates and ages (no published figures after \(last))"
  }

  /// Checks the options before anything is written.
  package func validate() throws {
    guard persons >= 1 else { throw SynthError("persons must be at least 1") }
    guard fromYear <= toYear else { throw SynthError("the first year comes after the last") }
    guard fromYear >= 1900, toYear <= 2200 else { throw SynthError("years must lie in 1900…2200") }
    guard toYear - fromYear < 60 else { throw SynthError("at most 60 years of data") }
    guard populationSize <= 100_000_000 else { throw SynthError("at most 100,000,000 persons") }
    guard defectRate >= 0, defectRate <= 0.5 else { throw SynthError("defect rate must lie in 0…0.5") }
    guard serviceScale >= 1, serviceScale <= 100 else { throw SynthError("service scale must lie in 1…100") }
    guard stayScale >= 1, stayScale <= 100 else { throw SynthError("stay scale must lie in 1…100") }
    if let population, population < persons {
      throw SynthError("population (\(population)) is smaller than the users (\(persons))")
    }
    guard !out.isEmpty else { throw SynthError("no output folder") }
  }
}

/// An invalid option or a failed write, in words for the command line.
package struct SynthError: RegpipeError, Sendable, Equatable {
  package var kind: ErrorKind { .data }
  package let description: String
  package init(_ description: String) { self.description = description }
}

/// The file format of a synthetic set's registers.
package enum SynthFormat: String, Sendable, Hashable, CaseIterable {
  case csv, sas7bdat
}
