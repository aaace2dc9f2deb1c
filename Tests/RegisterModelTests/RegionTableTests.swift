import XCTest

@testable import RegisterModel

final class RegionTableTests: XCTestCase {
  func testTheBundledTable() {
    let table = RegionTable.bundled
    XCTAssertEqual(table.regions.map(\.code), ["1081", "1082", "1083", "1084", "1085"])
    XCTAssertEqual(
      table.regions.map(\.name),
      ["Region Nordjylland", "Region Midtjylland", "Region Syddanmark", "Region Hovedstaden", "Region Sjælland"])
    XCTAssertEqual(table.municipalities.count, 98)
    XCTAssertEqual(
      table.municipalities.first,
      .init(code: "101", name: "København", region: 3, homeless2024: 1387, homelessPer1000: 2.1))
    // Læsø has a count of 0 and no rate.
    XCTAssertEqual(table.municipalities.first { $0.code == "825" }?.homelessPer1000, nil)
    XCTAssertEqual(table.municipalities.last?.code, "860")
    XCTAssertEqual(table.municipalityIndex(of: "147"), 1)  // Frederiksberg, second in code order
    XCTAssertEqual(table.regionIndex(ofMunicipality: "101"), 3)  // København, Region Hovedstaden
    XCTAssertEqual(table.regionIndex(ofMunicipality: "860"), 0)  // Hjørring, Region Nordjylland
    XCTAssertEqual(table.regionIndex(ofMunicipality: "259"), 4)  // Køge, Region Sjælland
    XCTAssertNil(table.regionIndex(ofMunicipality: "999"))
    XCTAssertNil(table.regionIndex(ofMunicipality: nil))
  }

  func testParsingToleratesABomCrlfBlankLinesAndSpaces() throws {
    let csv =
      "\u{FEFF}municipality_code,municipality_name,region_code,region_name\r\n"
      + "851,Aalborg,1081,Region Nordjylland\r\n\r\n 101 ,København, 1084 ,Region Hovedstaden\r\n"
      + "461,Odense,1083,Region Syddanmark"
    let table = try RegionTable(csv: csv)
    XCTAssertEqual(
      table.regions,
      [
        .init(code: "1081", name: "Region Nordjylland"), .init(code: "1083", name: "Region Syddanmark"),
        .init(code: "1084", name: "Region Hovedstaden"),
      ])
    XCTAssertEqual(table.regionIndex(ofMunicipality: "101"), 2)
    XCTAssertEqual(table.regionIndex(ofMunicipality: "461"), 1)
    XCTAssertEqual(table.municipalities.map(\.code), ["101", "461", "851"])
  }

  func testMalformedFilesAreErrors() {
    XCTAssertThrowsError(try RegionTable(csv: "code,region_code,region_name\n101,1084,X")) {
      XCTAssertEqual($0 as? RegionTableError, .missingColumn("municipality_code"))
    }
    XCTAssertThrowsError(
      try RegionTable(csv: "municipality_code,municipality_name,region_code,region_name\n101,K,1084,X\n147,F,1084")
    ) {
      XCTAssertEqual($0 as? RegionTableError, .badRow(line: 3))
    }
    XCTAssertThrowsError(
      try RegionTable(csv: "municipality_code,municipality_name,region_code,region_name\n101,K,1084,X\n101,F,1084,X")
    ) {
      XCTAssertEqual($0 as? RegionTableError, .badRow(line: 3), "a municipality code twice")
    }
  }
}
