import Foundation
import XCTest

/// Run records (SPEC 10), `inspect` and help.
final class RunRecordTests: EndToEndCase {
  /// Same inputs and configuration ⇒ byte-identical tables, manifest and quality report,
  /// wherever the results go; the run log holds the timings and so differs.
  private func checkDeterminism(pipeline: String, name: String) throws {
    let first = folder("first")
    let second = folder("second")
    try run(pipeline, output: first)
    Thread.sleep(forTimeInterval: 1.1)  // run.log's timestamps have whole seconds
    try run(pipeline, output: second)

    let tables = try files(under: "\(first)/\(name)/tables")
    XCTAssertFalse(tables.isEmpty)
    XCTAssertEqual(try files(under: "\(second)/\(name)/tables"), tables)
    for file in tables.map({ "tables/" + $0 }) + ["manifest.json", "quality.json", "report.html"] {
      XCTAssertEqual(
        try bytes("\(first)/\(name)/\(file)"), try bytes("\(second)/\(name)/\(file)"), "\(file) differs")
    }
    XCTAssertNotEqual(try bytes("\(first)/\(name)/run.log"), try bytes("\(second)/\(name)/run.log"))

    let manifest = try String(contentsOfFile: "\(first)/\(name)/manifest.json", encoding: .utf8)
    XCTAssertFalse(manifest.contains(first), "the manifest does not name the output folder")
  }

  func testEdgeRecordsAreByteIdenticalAcrossOutputFolders() throws {
    try checkDeterminism(pipeline: "Fixtures/edge/pipeline.yaml", name: "edge")
  }

  func testDemoRecordsAreByteIdenticalAcrossOutputFolders() throws {
    try checkDeterminism(pipeline: "Pipelines/demo.yaml", name: "demo")
  }

  /// The number of files read in parallel changes nothing in the results.
  func testJobsDoNotChangeResults() throws {
    let one = folder("one")
    let four = folder("four")
    try run("Pipelines/demo.yaml", output: one, ["--jobs", "1"])
    try run("Pipelines/demo.yaml", output: four, ["--jobs", "4"])
    for file in try files(under: "\(one)/demo/tables").map({ "tables/" + $0 }) + ["manifest.json", "quality.json"] {
      XCTAssertEqual(try bytes("\(one)/demo/\(file)"), try bytes("\(four)/demo/\(file)"), file)
    }
    for artefact in ["load/stays.csv.gz", "dedup/stays.csv.gz", "classify/typology.csv.gz"] {
      XCTAssertEqual(
        try bytes("\(one)/demo/work/\(artefact)"), try bytes("\(four)/demo/work/\(artefact)"), artefact)
    }
  }

  /// `synth` writes registers and a pipeline file that `run` takes as they are.
  func testSynthOutputRuns() throws {
    let data = folder("synth")
    let synth = try Regpipe.run([
      "synth", "--out", data, "--persons", "150", "--from", "2018", "--to", "2021", "--seed", "7", "--defects",
      "0.005", "-q",
    ])
    XCTAssertEqual(synth.status, 0, synth.stderr)
    XCTAssertEqual(synth.lines.last, "pipeline: \(data)/pipeline.yaml")
    let output = folder("out")
    let result = try run(data + "/pipeline.yaml", output: output)
    XCTAssertEqual(stageLines(result), allRan("no previous result"))
    XCTAssertEqual(stageLines(try run(data + "/pipeline.yaml", output: output)), allSkipped)
  }

  /// A skipped rerun rewrites the records with the same bytes and appends to the run log.
  func testRerunKeepsRecordsAndAppendsToTheRunLog() throws {
    let output = folder("out")
    try run("Fixtures/edge/pipeline.yaml", output: output)
    let manifest = try bytes("\(output)/edge/manifest.json")
    let quality = try bytes("\(output)/edge/quality.json")
    let log = try String(contentsOfFile: "\(output)/edge/run.log", encoding: .utf8)
    try run("Fixtures/edge/pipeline.yaml", output: output)
    XCTAssertEqual(try bytes("\(output)/edge/manifest.json"), manifest)
    XCTAssertEqual(try bytes("\(output)/edge/quality.json"), quality)
    let newLog = try String(contentsOfFile: "\(output)/edge/run.log", encoding: .utf8)
    XCTAssertTrue(newLog.hasPrefix(log))
    XCTAssertTrue(newLog.dropFirst(log.count).contains("publish: skipped (up to date)"), newLog)
  }

  /// The quality report holds the hand-worked counts of EXPECTED.md.
  func testEdgeQualityCounts() throws {
    let output = folder("out")
    try run("Fixtures/edge/pipeline.yaml", output: output)
    let quality = try JSONSerialization.jsonObject(with: bytes("\(output)/edge/quality.json")) as! [String: Any]
    let dedup = quality["dedup"] as! [String: Int]
    XCTAssertEqual(dedup["exact_duplicates"], 1)
    XCTAssertEqual(dedup["same_start_duplicates"], 2)
    XCTAssertEqual(dedup["new_year_splits_stitched"], 1)
    XCTAssertEqual(dedup["overlaps_stitched"], 1)
    XCTAssertEqual(dedup["ids_repaired"], 1)
    XCTAssertEqual(dedup["person_field_conflicts"], 2)
    let sources = quality["sources"] as! [[String: Any]]
    XCTAssertEqual(
      sources.map { $0["name"] as! String },
      ["boform_a", "boform_b", "population", "psychiatry", "substance", "section85"])
    XCTAssertEqual(sources.map { $0["rows_read"] as! Int }, [19, 17, 19, 12, 12, 5])
    XCTAssertEqual(sources.map { $0["accepted"] as! Int }, [17, 15, 19, 11, 11, 5])
    let classify = quality["classify"] as! [String: Any]
    XCTAssertEqual(classify["typology_fallbacks"] as? Int, 0)

    let manifest = try JSONSerialization.jsonObject(with: bytes("\(output)/edge/manifest.json")) as! [String: Any]
    XCTAssertEqual(manifest["pipeline"] as? String, "edge")
    XCTAssertEqual((manifest["inputs"] as! [Any]).count, 6)
    XCTAssertEqual(
      (manifest["stages"] as! [[String: Any]]).map { $0["stage"] as! String },
      ["load", "dedup", "classify", "repeat_use", "welfare_use", "transitions", "publish"])
    let outputs = (manifest["outputs"] as! [[String: Any]]).map { $0["path"] as! String }
    XCTAssertTrue(outputs.contains("tables/typology.csv"), "\(outputs)")
    XCTAssertTrue(outputs.contains("report.html"), "\(outputs)")
  }

  func testInspectMasksPersonIds() throws {
    let output = folder("out")
    try run("Fixtures/edge/pipeline.yaml", output: output)
    let artefact = "\(output)/edge/work/dedup/stays.csv.gz"
    let result = try Regpipe.run(["inspect", artefact, "--rows", "50"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.lines
    XCTAssertEqual(lines[0], artefact)
    XCTAssertEqual(
      lines[1], "columns (8): person, institution, start, end, extract_date, exit_reason, municipality, order")
    XCTAssertTrue(lines[2].hasPrefix("rows: "), lines[2])
    XCTAssertTrue(lines[2].hasSuffix("; person ids masked"), lines[2])
    XCTAssertTrue(lines[4].hasPrefix("person "), lines[4])
    for row in lines.dropFirst(5) { XCTAssertTrue(row.hasPrefix("••••••••••  "), row) }
    // Below the file's path (a temporary folder whose name may hold long digit runs).
    let shown = lines.dropFirst().joined(separator: "\n")
    XCTAssertNil(shown.range(of: #"\d{9,}"#, options: .regularExpression), shown)

    let rejects = try Regpipe.run(["inspect", "\(output)/edge/work/rejects/boform_b.csv.gz"])
    XCTAssertEqual(rejects.status, 0, rejects.stderr)
    XCTAssertTrue(rejects.stdout.contains("person ids masked"), rejects.stdout)
    XCTAssertNil(rejects.stdout.range(of: "01018X0019"), rejects.stdout)
    XCTAssertNil(rejects.stdout.range(of: "0101800018"), rejects.stdout)
  }

  /// A DST extract in Latin-1 is read as such (said in a line of its own), its `PNR`
  /// column masked; `--encoding` overrides the guess.
  func testInspectReadsALatin1Extract() throws {
    let extract = folder("boform110_2023.csv")
    let text: [UInt8] = Array("PNR;BOFORM;KOMNAVN\n0101800018;17;K".utf8) + [0xF8] + Array("benhavn\n".utf8)
    try Data(text).write(to: URL(fileURLWithPath: extract))

    let guessed = try Regpipe.run(["inspect", extract])
    XCTAssertEqual(guessed.status, 0, guessed.stderr)
    XCTAssertEqual(
      Array(guessed.lines.prefix(6)),
      [
        extract, "encoding: latin1 (not valid UTF-8)", "columns (3): PNR, BOFORM, KOMNAVN",
        "rows: 1; first 1; person ids masked", "", "PNR         BOFORM  KOMNAVN",
      ])
    XCTAssertEqual(guessed.lines[6], "••••••••••  17      København")

    let latin1 = try Regpipe.run(["inspect", extract, "--encoding", "latin1"])
    XCTAssertEqual(latin1.lines[1], "encoding: latin1")
    let utf8 = try Regpipe.run(["inspect", extract, "--encoding", "utf8"])
    XCTAssertEqual(utf8.status, 1)
    XCTAssertTrue(utf8.stderr.contains("\(extract):2: invalid UTF-8"), utf8.stderr)
  }

  /// A SAS dataset: its variables with type and format, dates in ISO form, ids masked;
  /// `--csv` writes every row; `--csv` on a text file is a usage error.
  func testInspectShowsASASDataset() throws {
    let dataset = "Fixtures/demo-sas/kriminal.sas7bdat"
    let shown = try Regpipe.run(["inspect", dataset, "--rows", "2"])
    XCTAssertEqual(shown.status, 0, shown.stderr)
    XCTAssertEqual(
      shown.lines,
      [
        dataset, "SAS dataset; encoding: UTF-8", "variables (3):", "  PNR       character",
        "  INDSAT    numeric    DATETIME20", "  LOESLADT  numeric    DATETIME20",
        "rows: 269; first 2; person ids masked", "",
        "PNR         INDSAT               LOESLADT", "••••••••••  2019-10-23T12:00:00  2019-12-31T12:00:00",
        "••••••••••  2020-02-12T12:00:00  2020-04-30T12:00:00",
      ])
    let csv = try Regpipe.run(["inspect", "Fixtures/demo-sas/boform110_2019.sas7bdat", "--csv"])
    XCTAssertEqual(csv.status, 0, csv.stderr)
    XCTAssertEqual(csv.lines.count, 185, "the header and every row")
    XCTAssertEqual(
      Array(csv.lines.prefix(2)),
      [
        "PNR,BOFORM,BOFORM_NAVN,INDDTO,UDDTO,UDSKRIVNING,KOM",
        "••••••••••,15001,Herberget Kildevæld,05FEB2019,2019-12-31,,336",
      ])
    let text = try Regpipe.run(["inspect", "Fixtures/demo/bef.csv.gz", "--csv"])
    XCTAssertEqual(text.status, 2)
    XCTAssertTrue(
      text.stderr.contains("--csv reads SAS datasets (.sas7bdat); Fixtures/demo/bef.csv.gz is not one"), text.stderr)
  }

  /// An id column under a name inspect does not know is masked by its values: any field
  /// that reads as a CPR number (10 digits, 9, or with a dash) is hidden.
  func testInspectMasksIdsInAnUnknownColumn() throws {
    let extract = folder("kontakter.csv")
    try "CPR_NUMMER;DATO;AFD\n0101800018;20190301;12345\n101800019;20190302;12345\n010180-0027;20190303;6\n"
      .write(toFile: extract, atomically: true, encoding: .utf8)
    let result = try Regpipe.run(["inspect", extract])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.lines[2], "rows: 3; first 3; person ids masked")
    XCTAssertEqual(
      Array(result.lines.dropFirst(5)),
      ["••••••••••  20190301  12345", "••••••••••  20190302  12345", "••••••••••  20190303  6"])
  }

  func testInspectOfAMissingFileIsADataError() throws {
    let result = try Regpipe.run(["inspect", folder("none.csv.gz")])
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stderr.hasPrefix("regpipe: "), result.stderr)
  }

  func testHelpShowsExamples() throws {
    let run = try Regpipe.run(["run", "--help"])
    XCTAssertEqual(run.status, 0)
    XCTAssertTrue(run.stdout.contains("regpipe run Pipelines/demo.yaml --from classify"), run.stdout)
    XCTAssertTrue(run.stdout.contains("--stage"), run.stdout)
    let top = try Regpipe.run(["--help"])
    XCTAssertEqual(top.status, 0)
    for command in ["run", "status", "validate", "inspect", "diff", "audit", "synth"] {
      XCTAssertTrue(top.stdout.contains("  \(command) "), "\(command) missing from:\n\(top.stdout)")
    }
    XCTAssertTrue(top.stdout.contains("Exit codes:\n  0  success"), top.stdout)
    XCTAssertTrue(top.stdout.contains("\n  2  usage or configuration error"), top.stdout)
    for command in ["status", "validate", "inspect", "diff", "audit", "synth"] {
      let help = try Regpipe.run([command, "--help"])
      XCTAssertEqual(help.status, 0, command)
      XCTAssertTrue(help.stdout.contains("regpipe \(command) "), "\(command) --help has no example:\n\(help.stdout)")
    }
  }

  func testVersionNamesProgramAndSpec() throws {
    let result = try Regpipe.run(["--version"])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.stdout, "regpipe 0.4.0 (SPEC v2)\n")
  }

  func testUnknownSubcommandIsAUsageError() throws {
    let result = try Regpipe.run(["rnu", "Pipelines/demo.yaml"])
    XCTAssertEqual(result.status, 2)
  }
}
