import Foundation
import RegisterIO
import RegisterModel
import XCTest

@testable import PipelineCore

final class PipelineConfigYAMLTests: XCTestCase {
  func testSpecExampleParsesToItsValues() throws {
    let config = try Fixtures.parse(Fixtures.specExample)
    XCTAssertEqual(config.name, "nightly")
    XCTAssertEqual(config.directory, "Pipelines")
    let p = config.parameters
    XCTAssertEqual(p.window, Window(from: Day(iso: "2016-01-01")!, to: Day(iso: "2022-12-31")!))
    XCTAssertEqual(p.censorDate, Day(iso: "2023-12-31"))
    XCTAssertEqual(p.idFormat, .cpr)
    XCTAssertEqual(p.episodeGapDays, 30)
    XCTAssertEqual(p.typology, TypologyParameters(method: .kmeans, episodicMinEpisodes: 4, longMinNights: 180))
    XCTAssertEqual(p.durationBands, [30, 90, 180, 365])
    XCTAssertEqual(p.repeatBins, [1, 2, 5])
    XCTAssertEqual(p.lookbackYears, 2)
    XCTAssertEqual(p.returnHorizons, [180, 365, 730])
    XCTAssertEqual(p.plannedExitCodes, ["1"])
    XCTAssertEqual(p.maxRejectShare, 0.01)
    XCTAssertEqual(
      p.indicators,
      [
        Indicator(name: "psych_and_substance", combination: .allOf, services: ["psychiatric", "substance"]),
        Indicator(name: "psych_or_substance", combination: .anyOf, services: ["psychiatric", "substance"]),
      ])
    XCTAssertEqual(config.publish, PublishConfig(minCell: 5, formats: [.csv, .json]))
    XCTAssertEqual(config.sources.map(\.name), ["boform110", "population", "psychiatry", "substance"])
    XCTAssertEqual(config.serviceNames, ["psychiatric", "substance"])

    let stays = config.sources[0]
    XCTAssertEqual(stays.kind, .stays)
    XCTAssertEqual(stays.files, ["../Fixtures/demo/boform110_*.csv.gz"])
    XCTAssertEqual(stays.delimiter, .byte(UInt8(ascii: ";")))
    XCTAssertEqual(stays.encoding, .latin1)
    XCTAssertEqual(stays.dateFormat, .auto)
    XCTAssertEqual(stays.extractDate, Day(iso: "2023-12-31"))
    XCTAssertEqual(
      stays.columns,
      [
        .personID: "PNR", .institutionID: "BOFORM", .start: "INDDTO", .end: "UDDTO", .exitReason: "UDSKRIVNING",
      ])
    XCTAssertNil(stays.service)
    XCTAssertNil(stays.codes)

    let population = config.sources[1]
    XCTAssertEqual(population.kind, .persons)
    XCTAssertEqual(population.columns, [.personID: "PNR", .sex: "KOEN", .birthDate: "FOED_DAG", .municipality: "KOM"])

    let psychiatry = config.sources[2]
    XCTAssertEqual(psychiatry.service, "psychiatric")
    XCTAssertEqual(psychiatry.codes, ["DF2", "DF3", "DF4", "DF5", "DF6", "DF7", "DF8", "DF9"])
    XCTAssertEqual(config.sources[3].files, ["sib.csv"])
  }

  func testDefaultsFillWhatIsLeftOut() throws {
    let config = try Fixtures.parse(Fixtures.minimal)
    var expected = AnalysisParameters(
      window: Window(from: Day(iso: "2020-01-01")!, to: Day(iso: "2020-12-31")!), censorDate: Day(iso: "2021-06-30")!)
    expected.idFormat = .cpr
    XCTAssertEqual(config.parameters, expected)
    XCTAssertEqual(config.parameters.episodeGapDays, 30)
    XCTAssertEqual(config.parameters.maxRejectShare, 0.01)
    XCTAssertEqual(config.parameters.indicators, [])
    XCTAssertEqual(config.publish, PublishConfig())
    let source = config.sources[0]
    XCTAssertEqual(source.delimiter, .auto)
    XCTAssertEqual(source.encoding, .utf8)
    XCTAssertEqual(source.dateFormat, .auto)
    XCTAssertNil(source.extractDate)
    XCTAssertEqual(source.files, ["stays.csv"])
  }

  func testUnknownTopLevelKeySuggestsTheClosest() {
    XCTAssertEqual(
      Fixtures.problems(Fixtures.minimal + "publsh: {min_cell: 3}\n"),
      [
        "p.yaml:9: unknown key 'publsh'; did you mean 'publish'?"
      ])
    XCTAssertEqual(
      Fixtures.problems(Fixtures.minimal + "colour: blue\n"),
      [
        "p.yaml:9: unknown key 'colour'; keys are: pipeline, window, censor_date, sources, parameters, publish"
      ])
  }

  func testMissingTopLevelKeys() {
    XCTAssertEqual(
      Fixtures.problems("pipeline: x\nparameters: {}\n"),
      [
        "p.yaml:1: missing required key 'window'",
        "p.yaml:1: missing required key 'censor_date'",
        "p.yaml:1: missing required key 'sources'",
      ])
  }

  func testWindowProblems() {
    let yaml = Fixtures.minimal.replacingOccurrences(
      of: "window: {from: 2020-01-01, to: 2020-12-31}", with: "window: {from: 2023-01-01, to: 2022-12-31}")
    XCTAssertEqual(Fixtures.problems(yaml), ["p.yaml:2: window: from 2023-01-01 is after to 2022-12-31"])
    let missing = Fixtures.minimal.replacingOccurrences(
      of: "window: {from: 2020-01-01, to: 2020-12-31}", with: "window:\n  from: 2020-01-01\n  unto: 2020-12-31")
    XCTAssertEqual(
      Fixtures.problems(missing),
      [
        "p.yaml:3: missing required key 'to' in window",
        "p.yaml:4: unknown key 'unto' in window; did you mean 'to'?",
      ])
    let scalar = Fixtures.minimal.replacingOccurrences(
      of: "window: {from: 2020-01-01, to: 2020-12-31}", with: "window: 2020")
    XCTAssertEqual(Fixtures.problems(scalar), ["p.yaml:2: 'window' must be a mapping, got '2020'"])
  }

  func testDatesMustBeISOAndExist() {
    let yaml = Fixtures.minimal
      .replacingOccurrences(of: "from: 2020-01-01", with: "from: 01-01-2020")
      .replacingOccurrences(of: "censor_date: 2021-06-30", with: "censor_date: 2021-02-29")
    XCTAssertEqual(
      Fixtures.problems(yaml),
      [
        "p.yaml:2: 'from' in window must be a date as YYYY-MM-DD, got '01-01-2020'",
        "p.yaml:3: 'censor_date' is not a calendar date: 2021-02-29",
      ])
  }

  func testPipelineNameMustBeASafeFolderName() {
    for bad in ["../up", ".hidden", "a b"] {
      let yaml = Fixtures.minimal.replacingOccurrences(of: "pipeline: small", with: "pipeline: \"\(bad)\"")
      XCTAssertEqual(
        Fixtures.problems(yaml),
        [
          "p.yaml:1: 'pipeline' must be a safe folder name (letters, digits, '-', '_', '.'; "
            + "not starting with '.'), got '\(bad)'"
        ])
    }
    let fine = Fixtures.minimal.replacingOccurrences(of: "pipeline: small", with: "pipeline: v1.2_test-3")
    XCTAssertEqual(try Fixtures.parse(fine).name, "v1.2_test-3")
  }

  func testEveryProblemIsReportedSortedByLine() {
    let yaml = """
      pipeline: nightly
      window: {from: 2016-01-01, to: 2022-13-01}
      sources:
        - name: boform110
          kind: stay
          files: []
          columns: {person_id: PNR, start: INDDTO}
      parameters:
        episode_gap_day: 30
        max_reject_share: 2
      publish: {min_cell: 0}
      censor_date: yesterday

      """
    XCTAssertEqual(
      Fixtures.problems(yaml),
      [
        "p.yaml:2: 'to' in window is not a calendar date: 2022-13-01",
        "p.yaml:5: 'kind' in source 'boform110' must be one of stays, persons, services; got 'stay'; "
          + "did you mean 'stays'?",
        "p.yaml:6: 'files' in source 'boform110' must name at least one file",
        "p.yaml:9: unknown key 'episode_gap_day' in parameters; did you mean 'episode_gap_days'?",
        "p.yaml:10: 'max_reject_share' in parameters must be between 0 and 1, got 2",
        "p.yaml:11: 'min_cell' in publish must be at least 1, got 0",
        "p.yaml:12: 'censor_date' must be a date as YYYY-MM-DD, got 'yesterday'",
      ])
  }

  func testRepeatedKeysAreReported() {
    XCTAssertEqual(
      Fixtures.problems(Fixtures.minimal + "censor_date: 2021-07-01\n"),
      [
        "p.yaml:9: duplicate key 'censor_date' (first at line 3)"
      ])
  }

  func testEmptySectionsMeanDefaults() throws {
    let config = try Fixtures.parse(Fixtures.minimal + "parameters:\npublish: ~\n")
    XCTAssertEqual(config.publish, PublishConfig())
    XCTAssertEqual(config.parameters.episodeGapDays, 30)
  }

  func testSyntaxErrorsAndEmptyFiles() {
    XCTAssertEqual(
      Fixtures.problems("pipeline: x\nwindow: {from: 2016-01-01\n"),
      [
        "p.yaml:3: YAML syntax error: did not find expected ',' or '}'"
      ])
    XCTAssertEqual(Fixtures.problems("# nothing here\n"), ["p.yaml:1: the pipeline file is empty"])
    XCTAssertEqual(Fixtures.problems("- a\n- b\n"), ["p.yaml:1: the pipeline file must be a mapping, got a list"])
  }

  func testLoadReadsTheFileAndTakesItsFolder() throws {
    let folder = NSTemporaryDirectory() + "regpipe-load-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/nightly.yaml"
    try Fixtures.minimal.write(toFile: path, atomically: true, encoding: .utf8)
    XCTAssertEqual(try PipelineConfig.load(path: path).directory, folder)

    XCTAssertThrowsError(try PipelineConfig.load(path: folder + "/absent.yaml")) { error in
      XCTAssertEqual(String(describing: error), "\(folder)/absent.yaml: cannot read the pipeline file")
    }
  }

  func testFolderOfAPath() {
    XCTAssertEqual(PipelineConfig.folder(of: "Pipelines/nightly.yaml"), "Pipelines")
    XCTAssertEqual(PipelineConfig.folder(of: "nightly.yaml"), ".")
    XCTAssertEqual(PipelineConfig.folder(of: "/nightly.yaml"), "/")
  }
}
