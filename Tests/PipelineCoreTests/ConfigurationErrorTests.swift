import PipelineCore
import XCTest

final class ConfigurationErrorTests: XCTestCase {
  func testOneLinePerProblemSortedByLineKeepingFoundOrderOnATie() {
    let error = ConfigurationError(
      path: "Pipelines/x.yaml",
      problems: [
        ConfigurationProblem(line: 9, message: "c"),
        ConfigurationProblem(line: 2, message: "b"),
        ConfigurationProblem(line: 2, message: "a"),
      ])
    XCTAssertEqual(error.description, "Pipelines/x.yaml:2: b\nPipelines/x.yaml:2: a\nPipelines/x.yaml:9: c")
  }

  func testLineZeroIsTheWholeFile() {
    let error = ConfigurationError(path: "x.yaml", problems: [ConfigurationProblem(line: 0, message: "cannot read")])
    XCTAssertEqual(error.description, "x.yaml: cannot read")
  }
}
