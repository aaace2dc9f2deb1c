import XCTest

@testable import PipelineCore

/// Pipeline-file text shared by the tests.
enum Fixtures {
  /// The example pipeline of SPEC 2, plus the `substance` services source its indicators
  /// need (the SPEC's example names that service without a source for it).
  static let specExample = """
    pipeline: nightly                 # names the output folder Output/<pipeline>/
    window: {from: 2016-01-01, to: 2022-12-31}
    censor_date: 2023-12-31
    sources:
      - name: boform110
        kind: stays                   # stays | persons | services
        files: ["../Fixtures/demo/boform110_*.csv.gz"]
        delimiter: ";"                # "," ";" "\\t" "|" or auto (default)
        encoding: latin1              # utf8 (default; a BOM is skipped) | latin1 (Windows-1252)
        date_format: auto             # auto | iso (2019-03-14) | sas (14MAR2019) | compact (20190314) | dmy (14-03-2019 or 14.03.2019)
        extract_date: 2023-12-31      # optional, for open stays of this source
        columns: {person_id: PNR, institution_id: BOFORM, start: INDDTO, end: UDDTO, exit_reason: UDSKRIVNING}
      - name: population
        kind: persons
        files: ["../Fixtures/demo/bef.csv.gz"]
        columns: {person_id: PNR, sex: KOEN, birth_date: FOED_DAG, municipality: KOM}
      - name: psychiatry
        kind: services
        service: psychiatric          # the service name used in tables and indicators
        files: ["../Fixtures/demo/lpr_psyk.csv.gz"]
        columns: {person_id: PNR, start: D_INDDTO, end: D_UDDTO, code: C_ADIAG}
        codes: ["DF2", "DF3", "DF4", "DF5", "DF6", "DF7", "DF8", "DF9"]   # optional prefix filter
      - name: substance
        kind: services
        service: substance
        files: sib.csv
        columns: {person_id: PNR, start: START}
    parameters:
      id_format: cpr                  # cpr (10 digits) | opaque (any non-empty token)
      episode_gap_days: 30
      typology: {method: kmeans, episodic_min_episodes: 4, long_min_nights: 180}
      duration_bands: [30, 90, 180, 365]
      repeat_bins: [1, 2, 5]
      lookback_years: 2
      return_horizons: [180, 365, 730]
      planned_exit_codes: ["1"]
      max_reject_share: 0.01
      indicators:
        psych_and_substance: {all_of: [psychiatric, substance]}
        psych_or_substance: {any_of: [psychiatric, substance]}
    publish:
      min_cell: 5
      formats: [csv, json]

    """

  /// The smallest valid pipeline: everything else takes its default.
  static let minimal = """
    pipeline: small
    window: {from: 2020-01-01, to: 2020-12-31}
    censor_date: 2021-06-30
    sources:
      - name: stays
        kind: stays
        files: stays.csv
        columns: {person_id: PNR, institution_id: INST, start: START, end: END}

    """

  static func parse(_ yaml: String) throws -> PipelineConfig {
    try PipelineConfig.parse(yaml: yaml, path: "p.yaml", directory: "Pipelines")
  }

  /// The lines of the error that parsing `yaml` throws; fails the test if it parses.
  static func problems(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
    do {
      _ = try parse(yaml)
      XCTFail("expected a configuration error", file: file, line: line)
      return []
    } catch let error as ConfigurationError {
      return String(describing: error).split(separator: "\n").map(String.init)
    } catch {
      XCTFail("unexpected error \(error)", file: file, line: line)
      return []
    }
  }

  /// `minimal` with its source's lines (from `sources:` on) replaced by `sources`.
  static func minimal(sources: String) -> String {
    let head = minimal.components(separatedBy: "sources:\n")[0]
    return head + "sources:\n" + sources
  }
}
