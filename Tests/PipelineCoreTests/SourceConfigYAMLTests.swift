import RegisterIO
import XCTest

@testable import PipelineCore

final class SourceConfigYAMLTests: XCTestCase {
  /// Line 5 of `Fixtures.minimal(sources:)` is the first source's first line.
  private func problems(_ sources: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
    Fixtures.problems(Fixtures.minimal(sources: sources), file: file, line: line)
  }

  func testMissingSourceKeysAndColumns() {
    XCTAssertEqual(
      problems("  - name: a\n    kind: stays\n    columns: {person_id: PNR}\n"),
      [
        "p.yaml:5: missing required key 'files' in source 'a'",
        "p.yaml:7: missing required column 'institution_id' in columns of source 'a'",
        "p.yaml:7: missing required column 'start' in columns of source 'a'",
      ])
    XCTAssertEqual(
      problems("  - kind: persons\n    files: a.csv\n    columns: {person_id: PNR}\n"),
      [
        "p.yaml:5: missing required key 'name' in source 1"
      ])
  }

  /// SPEC 3: a stays source without an `end` column is a configuration error unless it
  /// says `open_ended: true`; saying so with an `end` column, or on another kind, too.
  func testAStaysSourceWithoutEndMustSayOpenEnded() throws {
    XCTAssertEqual(
      problems(
        "  - name: a\n    kind: stays\n    files: a.csv\n    columns: {person_id: PNR, institution_id: I, start: S}\n"),
      [
        "p.yaml:8: 'columns' in source 'a' maps no 'end': every stay would be open until the extract date; "
          + "map the check-out column (e.g. end: UDDTO), or say 'open_ended: true' if the register has none"
      ])
    XCTAssertEqual(
      problems(
        "  - name: a\n    kind: stays\n    files: a.csv\n    open_ended: true\n"
          + "    columns: {person_id: PNR, institution_id: I, start: S, end: E}\n"),
      ["p.yaml:8: 'open_ended: true' in source 'a' but 'columns' maps an 'end'"])
    XCTAssertEqual(
      problems(
        "  - name: b\n    kind: persons\n    files: b.csv\n    open_ended: false\n    columns: {person_id: PNR}\n"),
      ["p.yaml:8: 'open_ended' in source 'b' applies only to stays sources"])
    let config = try Fixtures.parse(
      Fixtures.minimal(
        sources: "  - name: a\n    kind: stays\n    files: a.csv\n    open_ended: true\n"
          + "    columns: {person_id: PNR, institution_id: I, start: S}\n"))
    XCTAssertNil(config.sources[0].columns[.end])
  }

  /// `any` is the transitions table's row for all services together (SPEC 8a).
  func testAServiceMayNotBeNamedAny() {
    XCTAssertEqual(
      problems(
        "  - name: s\n    kind: services\n    service: any\n    files: s.csv\n    columns: {person_id: PNR, start: S}\n"
      ),
      ["p.yaml:7: 'service' in source 's' may not be 'any': the transitions table uses it for all services"])
  }

  func testServicesNeedAServiceAndOnlyTheyTakeOne() {
    let yaml = """
        - name: lpr
          kind: services
          files: a.csv
          columns: {person_id: PNR, start: D}
        - name: bef
          kind: persons
          files: b.csv
          service: psychiatric
          codes: [DF2]
          columns: {person_id: PNR}

      """
    XCTAssertEqual(
      problems(yaml),
      [
        "p.yaml:5: missing required key 'service' in source 'lpr'",
        "p.yaml:12: 'service' in source 'bef' applies only to services sources",
        "p.yaml:13: 'codes' in source 'bef' applies only to services sources",
      ])
  }

  func testCodesNeedACodeColumn() {
    // Without a code column every row would be filtered as "code not selected".
    let yaml = """
        - name: lpr
          kind: services
          service: psychiatric
          files: a.csv
          codes: [DF2]
          columns: {person_id: PNR, start: D}

      """
    XCTAssertEqual(problems(yaml), ["p.yaml:9: 'codes' in source 'lpr' needs a 'code' column in columns"])
  }

  func testUnknownAndMisplacedColumnsAndKeys() {
    let yaml = """
        - name: a
          kind: stays
          file: a.csv
          columns: {person_id: PNR, institution_id: I, start: S, persn_id: X, sex: K}

      """
    XCTAssertEqual(
      problems(yaml),
      [
        "p.yaml:5: missing required key 'files' in source 'a'",
        "p.yaml:7: unknown key 'file' in source 'a'; did you mean 'files'?",
        "p.yaml:8: unknown column 'persn_id' in columns of source 'a'; did you mean 'person_id'?",
        "p.yaml:8: column 'sex' does not apply to stays sources (source 'a'); "
          + "columns are: person_id, institution_id, start, end, exit_reason, municipality",
      ])
  }

  func testInvalidChoicesAndTypes() {
    let yaml = """
        - name: a
          kind: stays
          files: a.csv
          delimiter: ":"
          encoding: latin-1
          date_format: ddmmyyyy
          extract_date: 2023-12-32
          columns: {person_id: [PNR], institution_id: I, start: S}

      """
    XCTAssertEqual(
      problems(yaml),
      [
        "p.yaml:8: 'delimiter' in source 'a' must be one of ',', ';', '\\t', '|', auto; got ':'; did you mean ','?",
        "p.yaml:9: 'encoding' in source 'a' must be one of utf8, latin1; got 'latin-1'; did you mean 'latin1'?",
        "p.yaml:10: 'date_format' in source 'a' must be one of auto, iso, sas, compact, dmy; got 'ddmmyyyy'",
        "p.yaml:11: 'extract_date' in source 'a' is not a calendar date: 2023-12-32",
        "p.yaml:12: 'person_id' in columns of source 'a' must be text, got a list",
      ])
  }

  func testTabDelimiterAsYAMLTabOrBackslashT() throws {
    for written in ["\"\\t\"", "'\\t'", "\\t", "\"\t\""] {
      let yaml =
        "  - name: a\n    kind: persons\n    files: a.csv\n    delimiter: \(written)\n"
        + "    columns: {person_id: PNR}\n"
      let config = try Fixtures.parse(Fixtures.minimal(sources: yaml))
      XCTAssertEqual(config.sources[0].delimiter, .byte(UInt8(ascii: "\t")), written)
    }
  }

  func testDuplicateSourceNamesAndUnsafeNames() {
    let yaml = """
        - {name: a, kind: persons, files: a.csv, columns: {person_id: PNR}}
        - {name: a, kind: persons, files: b.csv, columns: {person_id: PNR}}
        - {name: x/y, kind: persons, files: c.csv, columns: {person_id: PNR}}

      """
    XCTAssertEqual(
      problems(yaml),
      [
        "p.yaml:6: duplicate source name 'a' (first at line 5)",
        "p.yaml:7: 'name' in source 'x/y' must be a safe folder name (letters, digits, '-', '_', '.'; "
          + "not starting with '.'), got 'x/y'",
      ])
  }

  func testSourcesMustBeANonEmptyList() {
    XCTAssertEqual(problems(" []\n").last, "p.yaml:5: 'sources' must list at least one source")
    XCTAssertEqual(
      Fixtures.problems(Fixtures.minimal.replacingOccurrences(of: "sources:\n", with: "sources: x\nold:\n")),
      [
        "p.yaml:4: 'sources' must be a list, got 'x'",
        "p.yaml:5: unknown key 'old'; keys are: pipeline, window, censor_date, sources, parameters, publish",
      ])
  }

  func testCodesAreUpperCasedWithoutDotsAndFilesMayBeAList() throws {
    let yaml = """
        - name: lpr
          kind: services
          service: psychiatric
          files: [b.csv, a.csv]
          codes: [df2, "DF3.1"]
          columns: {person_id: PNR, start: D, code: C}

      """
    let source = try Fixtures.parse(Fixtures.minimal(sources: yaml)).sources[0]
    XCTAssertEqual(source.codes, ["DF2", "DF31"])
    XCTAssertEqual(source.files, ["b.csv", "a.csv"])
  }
}
