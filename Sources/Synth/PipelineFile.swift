import RegisterModel

/// The pipeline file (SPEC 2) that reads the data set `options` describe, named `name`,
/// with file patterns relative to its own folder: `filesPrefix` is prepended (for a
/// file elsewhere, e.g. `"../Fixtures/demo/"` for `Pipelines/demo.yaml`).
package func synthPipelineFile(_ options: SynthOptions, name: String = "synth", filesPrefix: String = "") -> String {
  let extract = Day.lastOfYear(options.toYear)
  let window = "{from: \(Day.firstOfYear(options.windowYears.lowerBound)), to: \(extract)}"
  func files(_ pattern: String) -> String { "[\"\(filesPrefix)\(pattern)\"]" }
  return """
    # SYNTHETIC data, NOT real register data: \(options.persons) users, population \(options.populationSize),
    # years \(options.fromYear)-\(options.toYear), seed \(options.seed), defect rate \(options.defectRate)\(options.serviceScale == 1 ? "" : ", service scale \(options.serviceScale)")\(options.stayScale == 1 ? "" : ", stay scale \(options.stayScale)")\(options.evenServices ? ", even services" : "").\(options.beyondCalibration.map { "\n# The \($0)." } ?? "")
    pipeline: \(name)
    window: \(window)
    censor_date: \(extract)
    sources:
      - name: boform110
        kind: stays
        files: \(files("boform110_*.csv.gz"))
        delimiter: ";"
        encoding: latin1
        date_format: sas
        extract_date: \(extract)
        columns: {person_id: PNR, institution_id: BOFORM, start: INDDTO, end: UDDTO, exit_reason: UDSKRIVNING, municipality: KOM}
      - name: population
        kind: persons
        files: \(files("bef.csv.gz"))
        delimiter: ";"
        encoding: utf8
        date_format: sas
        columns: {person_id: PNR, sex: KOEN, birth_date: FOED_DAG, municipality: KOM}
      - name: psychiatry
        kind: services
        service: psychiatric
        files: \(files("lpr_psyk.csv.gz"))
        delimiter: ";"
        encoding: utf8
        date_format: sas
        columns: {person_id: PNR, start: D_INDDTO, end: D_UDDTO, code: C_ADIAG}
        codes: ["DF2", "DF3", "DF4", "DF5", "DF6", "DF7", "DF8", "DF9"]
      - name: substance_treatment
        kind: services
        service: substance
        files: \(files("sib.csv.gz"))
        delimiter: ";"
        encoding: utf8
        date_format: iso
        columns: {person_id: PNR, start: STARTDATO, end: SLUTDATO}
      - name: support_85
        kind: services
        service: support_85
        files: \(files("serv85.csv.gz"))
        delimiter: ";"
        encoding: utf8
        date_format: iso
        columns: {person_id: PNR, start: YDELSE_START, end: YDELSE_SLUT}
      - name: residential_107_108
        kind: services
        service: residential_107_108
        files: \(files("ophold107_108.csv.gz"))
        delimiter: ";"
        encoding: latin1
        date_format: sas
        columns: {person_id: PNR, start: INDDTO, end: UDDTO}
      - name: prison
        kind: services
        service: prison
        files: \(files("kriminal.csv.gz"))
        delimiter: ";"
        encoding: utf8
        date_format: iso
        columns: {person_id: PNR, start: INDSAT, end: LOESLADT}
    parameters:
      id_format: cpr
      episode_gap_days: 30
      typology: {method: kmeans, episodic_min_episodes: 4, long_min_nights: 180}
      duration_bands: [30, 90, 180, 365]
      repeat_bins: [1, 2, 5]
      lookback_years: 2
      return_horizons: [180, 365, 730]
      transition_horizons: [30, 90, 365]
      planned_exit_codes: ["1"]
      max_reject_share: 0.01
      indicators:
        psych_and_substance: {all_of: [psychiatric, substance]}
        psych_or_substance: {any_of: [psychiatric, substance]}
    publish:
      min_cell: 5
      formats: [csv, json]

    """
}
