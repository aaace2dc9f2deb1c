import Foundation
import XCTest

/// Up-to-date checks as `regpipe run` reports them: which stages run again after a
/// change, and the reason each line gives.
final class IncrementalRunTests: EndToEndCase {
  private let edge = "Fixtures/edge/pipeline.yaml"

  private func tail(_ output: String, _ name: String = "edge") -> [String] {
    ["tables: \(output)/\(name)/tables", "report: \(output)/\(name)/report.html"]
  }

  func testSecondRunSkipsEveryStage() throws {
    let output = folder("out")
    try run(edge, output: output)
    let second = try run(edge, output: output)
    XCTAssertEqual(second.lines, allSkipped + tail(output))
  }

  func testSecondDemoRunSkipsEveryStage() throws {
    let output = folder("out")
    try run("Pipelines/demo.yaml", output: output)
    let second = try run("Pipelines/demo.yaml", output: output)
    XCTAssertEqual(second.lines, allSkipped + tail(output, "demo"))
  }

  /// `episode_gap_days` is read by classify only; P08's gaps of 30 and 31 days make the
  /// episodes differ at 31, so every stage after classify runs because classify's result
  /// changed. Publish reads every setting (the report lists them).
  func testEpisodeGapChangeRerunsClassifyAndDownstream() throws {
    let output = folder("out")
    let pipeline = try pipelineCopy(of: edge, named: "edge.yaml")
    XCTAssertEqual(stageLines(try run(pipeline, output: output)), allRan("no previous result"))

    _ = try pipelineCopy(of: edge, named: "edge.yaml", [("episode_gap_days: 30", "episode_gap_days: 31")])
    XCTAssertEqual(
      stageLines(try run(pipeline, output: output)),
      [
        "load: skipped (up to date)",
        "dedup: skipped (up to date)",
        "classify: ran (parameter episode_gap_days changed)",
        "repeat_use: ran (upstream stage classify changed)",
        "welfare_use: ran (upstream stage classify changed)",
        "transitions: ran (upstream stage classify changed)",
        "publish: ran (parameter episode_gap_days changed)",
      ])
    XCTAssertEqual(stageLines(try run(pipeline, output: output)), allSkipped)

    // Back to 30: the tables are the hand-worked ones again.
    _ = try pipelineCopy(of: edge, named: "edge.yaml")
    XCTAssertEqual(
      stageLines(try run(pipeline, output: output))[2], "classify: ran (parameter episode_gap_days changed)")
    let diff = try Regpipe.run(["diff", "Fixtures/edge/expected", "\(output)/edge/tables"])
    XCTAssertEqual(diff.stdout, "no differences\n")
  }

  /// `min_cell` is read by publish only; the tables then equal the min_cell 5 expectation.
  func testMinCellChangeRerunsOnlyPublish() throws {
    let output = folder("out")
    let pipeline = try pipelineCopy(of: edge, named: "edge.yaml")
    try run(pipeline, output: output)
    _ = try pipelineCopy(of: edge, named: "edge.yaml", [("min_cell: 1", "min_cell: 5")])
    XCTAssertEqual(
      stageLines(try run(pipeline, output: output)),
      Array(allSkipped.prefix(6)) + ["publish: ran (parameter publish.min_cell changed)"])
    let diff = try Regpipe.run(["diff", "Fixtures/edge/expected-mincell", "\(output)/edge/tables"])
    XCTAssertEqual(diff.status, 0, diff.stdout)
    XCTAssertEqual(diff.stdout, "no differences\n")
  }

  /// `transition_horizons` is read by transitions alone (SPEC 8a); `status` says so first.
  func testTransitionHorizonChangeRerunsTransitionsAndPublishOnly() throws {
    let output = folder("out")
    let pipeline = try pipelineCopy(of: edge, named: "edge.yaml")
    try run(pipeline, output: output)
    _ = try pipelineCopy(
      of: edge, named: "edge.yaml",
      [("return_horizons: [180, 365, 730]", "return_horizons: [180, 365, 730]\n  transition_horizons: [7, 30]")])
    let status = try Regpipe.run(["status", pipeline, "--output", output])
    XCTAssertEqual(status.status, 0, status.stderr)
    XCTAssertTrue(status.stdout.contains("transitions: stale (parameter transition_horizons changed)"), status.stdout)
    XCTAssertTrue(status.stdout.contains("welfare_use: up to date"), status.stdout)
    XCTAssertEqual(
      stageLines(try run(pipeline, output: output)),
      Array(allSkipped.prefix(5)) + [
        "transitions: ran (parameter transition_horizons changed)",
        "publish: ran (parameter transition_horizons changed)",
      ])
    let header = try String(contentsOfFile: "\(output)/edge/tables/transitions.csv", encoding: .utf8)
      .split(separator: "\n").first
    XCTAssertEqual(
      header, "year,service,exits,within_7,within_30,share_7,share_30,follow_up_complete,suppressed")
  }

  func testIndicatorChangeRerunsWelfareUseAndPublishOnly() throws {
    let output = folder("out")
    let pipeline = try pipelineCopy(of: edge, named: "edge.yaml")
    try run(pipeline, output: output)
    _ = try pipelineCopy(
      of: edge, named: "edge.yaml",
      [
        (
          "psych_or_substance: {any_of: [psychiatric, substance]}",
          "psych_or_substance: {any_of: [psychiatric, support85]}"
        )
      ])
    XCTAssertEqual(
      stageLines(try run(pipeline, output: output)),
      Array(allSkipped.prefix(4)) + [
        "welfare_use: ran (parameter indicators.psych_or_substance changed)",
        "transitions: skipped (up to date)",
        "publish: ran (parameter indicators.psych_or_substance changed)",
      ])
  }

  /// A source's code filter is read by load. Dedup reads load's result as a whole and
  /// reruns, but its own result is byte-identical (the filter only touches service
  /// events), so classify and repeat_use are skipped; welfare_use reads the events.
  func testCodeFilterChangeStopsWhereResultsAreIdentical() throws {
    let output = folder("out")
    let pipeline = try pipelineCopy(of: edge, named: "edge.yaml")
    try run(pipeline, output: output)
    _ = try pipelineCopy(of: edge, named: "edge.yaml", [("codes: [\"DF2\", \"DF3\"]", "codes: [\"DF2\"]")])
    XCTAssertEqual(
      stageLines(try run(pipeline, output: output)),
      [
        "load: ran (parameter sources.psychiatry.codes changed)",
        "dedup: ran (upstream stage load changed)",
        "classify: skipped (up to date)",
        "repeat_use: skipped (up to date)",
        "welfare_use: ran (upstream stage load changed)",
        "transitions: ran (upstream stage load changed)",
        "publish: ran (parameter sources.psychiatry.codes changed)",
      ])
  }

  func testAddedIndicatorIsNamed() throws {
    let output = folder("out")
    let pipeline = try pipelineCopy(of: edge, named: "edge.yaml")
    try run(pipeline, output: output)
    _ = try pipelineCopy(
      of: edge, named: "edge.yaml",
      [("publish:\n", "    any_support: {any_of: [support85]}\npublish:\n")])
    XCTAssertEqual(
      stageLines(try run(pipeline, output: output)),
      Array(allSkipped.prefix(4)) + [
        "welfare_use: ran (parameter indicators.any_support added)",
        "transitions: skipped (up to date)",
        "publish: ran (parameter indicators.any_support added)",
      ])
  }

  /// A stage whose upstream result is byte-identical is not rerun: a planned-exit code no
  /// row has leaves classify's result unchanged, so repeat_use and welfare_use are up to
  /// date; likewise a reject share the fixture stays under leaves load's result unchanged.
  func testStagesAfterAByteIdenticalResultAreSkipped() throws {
    let output = folder("out")
    let pipeline = try pipelineCopy(of: edge, named: "edge.yaml")
    try run(pipeline, output: output)
    let classifyStamp = try bytes("\(output)/edge/work/classify/stamp.json")

    _ = try pipelineCopy(
      of: edge, named: "edge.yaml", [("planned_exit_codes: [\"1\"]", "planned_exit_codes: [\"1\", \"77\"]")])
    XCTAssertEqual(
      stageLines(try run(pipeline, output: output)),
      [
        "load: skipped (up to date)",
        "dedup: skipped (up to date)",
        "classify: ran (parameter planned_exit_codes changed)",
        "repeat_use: skipped (up to date)",
        "welfare_use: skipped (up to date)",
        "transitions: skipped (up to date)",
        "publish: ran (parameter planned_exit_codes changed)",
      ])
    XCTAssertNotEqual(try bytes("\(output)/edge/work/classify/stamp.json"), classifyStamp, "the new reads are stamped")

    _ = try pipelineCopy(
      of: edge, named: "edge.yaml",
      [
        ("planned_exit_codes: [\"1\"]", "planned_exit_codes: [\"1\", \"77\"]"),
        ("max_reject_share: 0.2", "max_reject_share: 0.25"),
      ])
    XCTAssertEqual(
      stageLines(try run(pipeline, output: output)),
      [
        "load: ran (parameter max_reject_share changed)",
        "dedup: skipped (up to date)",
        "classify: skipped (up to date)",
        "repeat_use: skipped (up to date)",
        "welfare_use: skipped (up to date)",
        "transitions: skipped (up to date)",
        "publish: ran (parameter max_reject_share changed)",
      ])
  }

  /// Input files are checked by content: a touched file with the same bytes changes
  /// nothing; an edited one reruns load and names the file.
  func testInputFileChanges() throws {
    let data = folder("edge-data")
    try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Fixtures/edge").path, toPath: data)
    let pipeline = data + "/pipeline.yaml"
    let output = folder("out")
    try run(pipeline, output: output)

    let stays = data + "/boform_b.csv"
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: stays)
    // status sees the same digest and writes nothing, not even the digest cache.
    let cache = "\(output)/edge/work/input-digests.json"
    let cached = try bytes(cache)
    let status = try Regpipe.run(["status", pipeline, "--output", output])
    XCTAssertEqual(
      status.lines,
      ["load", "dedup", "classify", "repeat_use", "welfare_use", "transitions", "publish"].map { "\($0): up to date" })
    XCTAssertEqual(try bytes(cache), cached)
    XCTAssertEqual(stageLines(try run(pipeline, output: output)), allSkipped)
    XCTAssertNotEqual(try bytes(cache), cached, "run remembers the new modification time")

    // Drop the file's last line (a row rejected for its invalid id): load's counts change.
    var text = try String(contentsOfFile: stays, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    lines.removeLast()
    text = lines.joined(separator: "\n") + "\n"
    try text.write(toFile: stays, atomically: true, encoding: .utf8)
    let result = try run(pipeline, output: output)
    XCTAssertEqual(stageLines(result).first, "load: ran (input boform_b.csv changed)")
    XCTAssertEqual(stageLines(result)[1], "dedup: ran (upstream stage load changed)")
  }

  /// However the pipeline's path is spelled, and from whichever folder it is run, the
  /// inputs are the same files: nothing reruns and the manifest keeps its bytes.
  func testPipelinePathSpellingDoesNotMatter() throws {
    let output = folder("out")
    try run(edge, output: output)
    let manifest = try bytes("\(output)/edge/manifest.json")
    let absolute = packageRoot.appendingPathComponent(edge).path
    for pipeline in ["./" + edge, absolute, "Fixtures/../Fixtures/edge/pipeline.yaml"] {
      XCTAssertEqual(stageLines(try run(pipeline, output: output)), allSkipped, pipeline)
      XCTAssertEqual(try bytes("\(output)/edge/manifest.json"), manifest, pipeline)
    }
    let inside = try Regpipe.run(
      ["run", "pipeline.yaml", "--output", output, "-q"], in: packageRoot.appendingPathComponent("Fixtures/edge"))
    XCTAssertEqual(inside.status, 0, inside.stderr)
    XCTAssertEqual(stageLines(inside), allSkipped)
    XCTAssertEqual(try bytes("\(output)/edge/manifest.json"), manifest)
    let text = String(decoding: manifest, as: UTF8.self)
    XCTAssertTrue(text.contains("\"path\": \"boform_a.csv\""), text)
  }

  func testForceRerunsEveryStage() throws {
    let output = folder("out")
    try run(edge, output: output)
    XCTAssertEqual(stageLines(try run(edge, output: output, ["--force"])), allRan("--force"))
  }

  func testFromClassifyRerunsClassifyAndLaterStages() throws {
    let output = folder("out")
    try run(edge, output: output)
    XCTAssertEqual(
      try run(edge, output: output, ["--from", "classify"]).lines,
      ["load: skipped (up to date)", "dedup: skipped (up to date)"]
        + ["classify", "repeat_use", "welfare_use", "transitions", "publish"].map { "\($0): ran (--from classify)" }
        + tail(output))
    let diff = try Regpipe.run(["diff", "Fixtures/edge/expected", "\(output)/edge/tables"])
    XCTAssertEqual(diff.stdout, "no differences\n")
  }

  /// `--from` still runs the stale stages before it.
  func testFromOnAFreshFolderRunsEverything() throws {
    let output = folder("out")
    XCTAssertEqual(
      stageLines(try run(edge, output: output, ["--from", "welfare_use"])), allRan("no previous result"))
  }

  func testStagePublishRunsOnlyPublish() throws {
    let output = folder("out")
    let pipeline = try pipelineCopy(of: edge, named: "edge.yaml")
    try run(pipeline, output: output)
    XCTAssertEqual(
      try run(pipeline, output: output, ["--stage", "publish"]).lines, ["publish: skipped (up to date)"] + tail(output))
    XCTAssertEqual(
      try run(pipeline, output: output, ["--stage", "publish", "--force"]).lines,
      ["publish: ran (--force)"] + tail(output))

    _ = try pipelineCopy(of: edge, named: "edge.yaml", [("min_cell: 1", "min_cell: 5")])
    XCTAssertEqual(
      try run(pipeline, output: output, ["--stage", "publish"]).lines,
      ["publish: ran (parameter publish.min_cell changed)"] + tail(output))
    let diff = try Regpipe.run(["diff", "Fixtures/edge/expected-mincell", "\(output)/edge/tables"])
    XCTAssertEqual(diff.stdout, "no differences\n")
  }

  /// `--stage classify` reruns classify alone; the later stages it makes stale are left
  /// for the next run (they are not an error).
  func testStageClassifyLeavesLaterStagesStale() throws {
    let output = folder("out")
    let pipeline = try pipelineCopy(of: edge, named: "edge.yaml")
    try run(pipeline, output: output)
    _ = try pipelineCopy(of: edge, named: "edge.yaml", [("episode_gap_days: 30", "episode_gap_days: 31")])
    XCTAssertEqual(
      try run(pipeline, output: output, ["--stage", "classify"]).lines,
      [
        "classify: ran (parameter episode_gap_days changed)",
        "records: manifest.json and quality.json not rewritten; they describe the tables, which --stage classify leaves as they are",
      ]
        + tail(output))

    let status = try Regpipe.run(["status", pipeline, "--output", output])
    XCTAssertEqual(status.status, 0, status.stderr)
    XCTAssertEqual(
      status.lines,
      [
        "load: up to date",
        "dedup: up to date",
        "classify: up to date",
        "repeat_use: stale (upstream stage classify changed)",
        "welfare_use: stale (upstream stage classify changed)",
        "transitions: stale (upstream stage classify changed)",
        "publish: stale (parameter episode_gap_days changed)",
      ])

    XCTAssertEqual(
      stageLines(try run(pipeline, output: output)),
      [
        "load: skipped (up to date)",
        "dedup: skipped (up to date)",
        "classify: skipped (up to date)",
        "repeat_use: ran (upstream stage classify changed)",
        "welfare_use: ran (upstream stage classify changed)",
        "transitions: ran (upstream stage classify changed)",
        "publish: ran (parameter episode_gap_days changed)",
      ])
  }

  func testStageWhoseUpstreamIsStaleFails() throws {
    let output = folder("out")
    try run(edge, output: output)
    try FileManager.default.removeItem(atPath: "\(output)/edge/work/dedup/stays.csv.gz")
    let result = try run(edge, output: output, ["--stage", "classify"], status: 1)
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(
      result.stderr,
      "regpipe: stage dedup is not up to date (result stays.csv.gz is missing or was modified); "
        + "run it first or use --from dedup\n")

    // A full run repairs it, and dedup's identical result leaves the rest up to date.
    XCTAssertEqual(
      stageLines(try run(edge, output: output)),
      ["load: skipped (up to date)", "dedup: ran (result stays.csv.gz is missing or was modified)"]
        + Array(allSkipped.suffix(5)))
  }

  func testStageOnAFreshFolderNamesTheFirstMissingStage() throws {
    let result = try run(edge, output: folder("out"), ["--stage", "classify"], status: 1)
    XCTAssertEqual(
      result.stderr, "regpipe: stage load is not up to date (no previous result); run it first or use --from load\n")
  }

  func testStageAndFromTogetherIsAUsageError() throws {
    let output = folder("out")
    let result = try run(edge, output: output, ["--stage", "publish", "--from", "classify"], status: 2)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(result.stderr.contains("--stage and --from cannot be combined"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: output), "a usage error writes nothing")
  }

  func testUnknownStageIsAUsageError() throws {
    let result = try run(edge, output: folder("out"), ["--stage", "clasify"], status: 2)
    XCTAssertTrue(result.stderr.contains("clasify"), result.stderr)
  }

  /// A deleted published table or a modified report makes publish stale.
  func testTamperedPublishedFilesRerunPublish() throws {
    let output = folder("out")
    try run(edge, output: output)
    try FileManager.default.removeItem(atPath: "\(output)/edge/tables/returns.csv")
    XCTAssertEqual(
      stageLines(try run(edge, output: output)),
      Array(allSkipped.prefix(6)) + ["publish: ran (published tables are missing or were changed)"])
    try "<html></html>".write(toFile: "\(output)/edge/report.html", atomically: true, encoding: .utf8)
    XCTAssertEqual(
      stageLines(try run(edge, output: output)),
      Array(allSkipped.prefix(6)) + ["publish: ran (published report.html is missing or was changed)"])
    // An edit that keeps the size is found too: the manifest lists the tables' SHA-256.
    let table = "\(output)/edge/tables/typology.csv"
    let original = try String(contentsOfFile: table, encoding: .utf8)
    try original.replacingOccurrences(of: "1.0000", with: "1.0001").write(
      toFile: table, atomically: true, encoding: .utf8)
    XCTAssertEqual(
      stageLines(try run(edge, output: output)),
      Array(allSkipped.prefix(6)) + ["publish: ran (published tables/typology.csv is missing or was changed)"])
    XCTAssertEqual(try String(contentsOfFile: table, encoding: .utf8), original)
    let diff = try Regpipe.run(["diff", "Fixtures/edge/expected", "\(output)/edge/tables"])
    XCTAssertEqual(diff.stdout, "no differences\n")
  }

  func testStatusOnAFreshFolderWritesNothing() throws {
    let output = folder("out")
    let result = try Regpipe.run(["status", edge, "--output", output])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      result.lines,
      ["load", "dedup", "classify", "repeat_use", "welfare_use", "transitions", "publish"].map {
        "\($0): stale (no previous result)"
      })
    XCTAssertFalse(FileManager.default.fileExists(atPath: output))

    try run(edge, output: output)
    XCTAssertEqual(
      try Regpipe.run(["status", edge, "--output", output]).lines,
      ["load", "dedup", "classify", "repeat_use", "welfare_use", "transitions", "publish"].map { "\($0): up to date" })
  }
}
