import Foundation
import RegisterModel
import XCTest

@testable import PublishStage

/// Publishes the figures of the reference's hand-computed edge fixture
/// (`Fixtures/edge`, computed independently by `scripts/reference.py` and checked by
/// hand in its EXPECTED.md) and compares with its expected tables.
final class PublishReferenceTests: XCTestCase {
  private struct Figures: Decodable {
    let typology: TypologyFigures
    let stays: StayFigures
    let repeatUse: RepeatUseFigures
    let welfare: WelfareFigures
    let transitions: TransitionFigures
  }

  /// The raw counts and sums behind the edge fixture's tables (before disclosure control),
  /// as the stages of a run of `Fixtures/edge/pipeline-mincell.yaml` wrote them.
  private static let figuresJSON = #"""
    {"typology":{"fellBackToRules":false,"groups":[{"episodes":10,"nights":537,"persons":9,"stays":11},
    {"episodes":12,"nights":181,"persons":3,"stays":13},{"episodes":2,"nights":1041,"persons":2,"stays":2}]},
    "stays":{"bandLabels":["1-30","31-90","91-180","181-365","366+"],"quarters":[{"completedStays":4,"over120":0,"over90":0,"plannedExits":1,"quarter":1,"year":2019},
    {"completedStays":3,"over120":0,"over90":0,"plannedExits":1,"quarter":2,"year":2019},
    {"completedStays":3,"over120":0,"over90":0,"plannedExits":3,"quarter":3,"year":2019},
    {"completedStays":1,"over120":0,"over90":0,"plannedExits":0,"quarter":4,"year":2019},
    {"completedStays":3,"over120":0,"over90":1,"plannedExits":2,"quarter":1,"year":2020},
    {"completedStays":2,"over120":0,"over90":0,"plannedExits":1,"quarter":2,"year":2020},
    {"completedStays":2,"over120":0,"over90":0,"plannedExits":1,"quarter":3,"year":2020},
    {"completedStays":0,"over120":0,"over90":0,"plannedExits":0,"quarter":4,"year":2020},
    {"completedStays":3,"over120":1,"over90":1,"plannedExits":3,"quarter":1,"year":2021},
    {"completedStays":2,"over120":0,"over90":0,"plannedExits":2,"quarter":2,"year":2021},
    {"completedStays":0,"over120":0,"over90":0,"plannedExits":0,"quarter":3,"year":2021},
    {"completedStays":0,"over120":0,"over90":0,"plannedExits":0,"quarter":4,"year":2021}],"years":[{"bandCounts":[10,1,0,0,0],"completedStays":11,"over120":0,"over90":0,"plannedExits":5,"year":2019},
    {"bandCounts":[5,1,1,0,0],"completedStays":7,"over120":0,"over90":1,"plannedExits":4,"year":2020},
    {"bandCounts":[4,0,0,0,1],"completedStays":5,"over120":1,"over90":1,"plannedExits":5,"year":2021}]},
    "repeatUse":{"binLabels":["1","2-4","5+"],"horizonLabels":["0-180","181-365","366-730"],"returns":[{"exits":9,"followUpComplete":true,"returns":[3,1,1],"year":2019},
    {"exits":7,"followUpComplete":true,"returns":[4,0,0],"year":2020},
    {"exits":5,"followUpComplete":false,"returns":[0,0,0],"year":2021}],"usersBySexAge":[{"ageBand":"<18","sex":"M","users":0,"year":2019},
    {"ageBand":"18-29","sex":"M","users":0,"year":2019},{"ageBand":"30-39","sex":"M","users":2,"year":2019},
    {"ageBand":"40-49","sex":"M","users":1,"year":2019},{"ageBand":"50-59","sex":"M","users":2,"year":2019},
    {"ageBand":"60+","sex":"M","users":0,"year":2019},{"ageBand":"unknown","sex":"M","users":0,"year":2019},
    {"ageBand":"<18","sex":"F","users":0,"year":2019},{"ageBand":"18-29","sex":"F","users":0,"year":2019},
    {"ageBand":"30-39","sex":"F","users":0,"year":2019},{"ageBand":"40-49","sex":"F","users":0,"year":2019},
    {"ageBand":"50-59","sex":"F","users":0,"year":2019},{"ageBand":"60+","sex":"F","users":0,"year":2019},
    {"ageBand":"unknown","sex":"F","users":0,"year":2019},{"ageBand":"<18","sex":"unknown","users":0,"year":2019},
    {"ageBand":"18-29","sex":"unknown","users":1,"year":2019},
    {"ageBand":"30-39","sex":"unknown","users":0,"year":2019},
    {"ageBand":"40-49","sex":"unknown","users":0,"year":2019},
    {"ageBand":"50-59","sex":"unknown","users":0,"year":2019},
    {"ageBand":"60+","sex":"unknown","users":0,"year":2019},
    {"ageBand":"unknown","sex":"unknown","users":0,"year":2019},{"ageBand":"<18","sex":"M","users":0,"year":2020},
    {"ageBand":"18-29","sex":"M","users":0,"year":2020},{"ageBand":"30-39","sex":"M","users":0,"year":2020},
    {"ageBand":"40-49","sex":"M","users":1,"year":2020},{"ageBand":"50-59","sex":"M","users":0,"year":2020},
    {"ageBand":"60+","sex":"M","users":0,"year":2020},{"ageBand":"unknown","sex":"M","users":0,"year":2020},
    {"ageBand":"<18","sex":"F","users":1,"year":2020},{"ageBand":"18-29","sex":"F","users":0,"year":2020},
    {"ageBand":"30-39","sex":"F","users":1,"year":2020},{"ageBand":"40-49","sex":"F","users":1,"year":2020},
    {"ageBand":"50-59","sex":"F","users":0,"year":2020},{"ageBand":"60+","sex":"F","users":0,"year":2020},
    {"ageBand":"unknown","sex":"F","users":0,"year":2020},{"ageBand":"<18","sex":"unknown","users":0,"year":2020},
    {"ageBand":"18-29","sex":"unknown","users":0,"year":2020},
    {"ageBand":"30-39","sex":"unknown","users":0,"year":2020},
    {"ageBand":"40-49","sex":"unknown","users":0,"year":2020},
    {"ageBand":"50-59","sex":"unknown","users":0,"year":2020},
    {"ageBand":"60+","sex":"unknown","users":0,"year":2020},
    {"ageBand":"unknown","sex":"unknown","users":1,"year":2020},{"ageBand":"<18","sex":"M","users":0,"year":2021},
    {"ageBand":"18-29","sex":"M","users":0,"year":2021},{"ageBand":"30-39","sex":"M","users":2,"year":2021},
    {"ageBand":"40-49","sex":"M","users":0,"year":2021},{"ageBand":"50-59","sex":"M","users":0,"year":2021},
    {"ageBand":"60+","sex":"M","users":0,"year":2021},{"ageBand":"unknown","sex":"M","users":0,"year":2021},
    {"ageBand":"<18","sex":"F","users":0,"year":2021},{"ageBand":"18-29","sex":"F","users":2,"year":2021},
    {"ageBand":"30-39","sex":"F","users":0,"year":2021},{"ageBand":"40-49","sex":"F","users":1,"year":2021},
    {"ageBand":"50-59","sex":"F","users":0,"year":2021},{"ageBand":"60+","sex":"F","users":0,"year":2021},
    {"ageBand":"unknown","sex":"F","users":1,"year":2021},{"ageBand":"<18","sex":"unknown","users":0,"year":2021},
    {"ageBand":"18-29","sex":"unknown","users":1,"year":2021},
    {"ageBand":"30-39","sex":"unknown","users":0,"year":2021},
    {"ageBand":"40-49","sex":"unknown","users":0,"year":2021},
    {"ageBand":"50-59","sex":"unknown","users":0,"year":2021},
    {"ageBand":"60+","sex":"unknown","users":0,"year":2021},
    {"ageBand":"unknown","sex":"unknown","users":1,"year":2021}],"years":[{"binCounts":[3,2,1],"nights":270,"stays":12,"users":6,"year":2019},
    {"binCounts":[4,0,1],"nights":891,"stays":9,"users":5,"year":2020},
    {"binCounts":[8,0,0],"nights":598,"returningUsers":4,"stays":8,"users":8,"year":2021}]},
    "welfare":{"municipalities":[{"code":"101","name":"København","perGroup":[3,2,0]},
    {"code":"147","name":"Frederiksberg","perGroup":[0,0,0]},{"code":"151","name":"Ballerup","perGroup":[0,0,0]},
    {"code":"153","name":"Brøndby","perGroup":[0,0,0]},{"code":"155","name":"Dragør","perGroup":[0,0,0]},
    {"code":"157","name":"Gentofte","perGroup":[0,0,0]},{"code":"159","name":"Gladsaxe","perGroup":[0,0,0]},
    {"code":"161","name":"Glostrup","perGroup":[0,0,0]},{"code":"163","name":"Herlev","perGroup":[0,0,0]},
    {"code":"165","name":"Albertslund","perGroup":[0,0,0]},{"code":"167","name":"Hvidovre","perGroup":[0,0,0]},
    {"code":"169","name":"Høje-Taastrup","perGroup":[0,0,0]},
    {"code":"173","name":"Lyngby-Taarbæk","perGroup":[0,0,0]},{"code":"175","name":"Rødovre","perGroup":[0,0,0]},
    {"code":"183","name":"Ishøj","perGroup":[0,0,0]},{"code":"185","name":"Tårnby","perGroup":[0,0,0]},
    {"code":"187","name":"Vallensbæk","perGroup":[0,0,0]},{"code":"190","name":"Furesø","perGroup":[0,0,0]},
    {"code":"201","name":"Allerød","perGroup":[0,0,0]},{"code":"210","name":"Fredensborg","perGroup":[0,0,0]},
    {"code":"217","name":"Helsingør","perGroup":[0,0,0]},{"code":"219","name":"Hillerød","perGroup":[0,0,0]},
    {"code":"223","name":"Hørsholm","perGroup":[0,0,0]},{"code":"230","name":"Rudersdal","perGroup":[0,0,0]},
    {"code":"240","name":"Egedal","perGroup":[0,0,0]},{"code":"250","name":"Frederikssund","perGroup":[0,0,0]},
    {"code":"253","name":"Greve","perGroup":[0,0,0]},{"code":"259","name":"Køge","perGroup":[0,0,0]},
    {"code":"260","name":"Halsnæs","perGroup":[0,0,0]},{"code":"265","name":"Roskilde","perGroup":[0,0,0]},
    {"code":"269","name":"Solrød","perGroup":[0,0,0]},{"code":"270","name":"Gribskov","perGroup":[0,0,0]},
    {"code":"306","name":"Odsherred","perGroup":[0,0,0]},{"code":"316","name":"Holbæk","perGroup":[0,0,0]},
    {"code":"320","name":"Faxe","perGroup":[0,0,0]},{"code":"326","name":"Kalundborg","perGroup":[0,0,0]},
    {"code":"329","name":"Ringsted","perGroup":[0,0,0]},{"code":"330","name":"Slagelse","perGroup":[1,0,0]},
    {"code":"336","name":"Stevns","perGroup":[0,0,0]},{"code":"340","name":"Sorø","perGroup":[0,0,0]},
    {"code":"350","name":"Lejre","perGroup":[0,0,0]},{"code":"360","name":"Lolland","perGroup":[0,0,0]},
    {"code":"370","name":"Næstved","perGroup":[0,0,0]},{"code":"376","name":"Guldborgsund","perGroup":[0,0,0]},
    {"code":"390","name":"Vordingborg","perGroup":[0,0,0]},{"code":"400","name":"Bornholm","perGroup":[0,0,0]},
    {"code":"410","name":"Middelfart","perGroup":[0,0,0]},{"code":"420","name":"Assens","perGroup":[0,0,0]},
    {"code":"430","name":"Faaborg-Midtfyn","perGroup":[0,0,0]},
    {"code":"440","name":"Kerteminde","perGroup":[0,0,0]},{"code":"450","name":"Nyborg","perGroup":[0,0,0]},
    {"code":"461","name":"Odense","perGroup":[2,0,0]},{"code":"479","name":"Svendborg","perGroup":[0,0,0]},
    {"code":"480","name":"Nordfyn","perGroup":[0,0,0]},{"code":"482","name":"Langeland","perGroup":[0,0,0]},
    {"code":"492","name":"Ærø","perGroup":[0,0,0]},{"code":"510","name":"Haderslev","perGroup":[0,0,0]},
    {"code":"530","name":"Billund","perGroup":[0,0,0]},{"code":"540","name":"Sønderborg","perGroup":[0,0,0]},
    {"code":"550","name":"Tønder","perGroup":[0,0,0]},{"code":"561","name":"Esbjerg","perGroup":[0,0,0]},
    {"code":"563","name":"Fanø","perGroup":[0,0,0]},{"code":"573","name":"Varde","perGroup":[0,0,0]},
    {"code":"575","name":"Vejen","perGroup":[0,0,0]},{"code":"580","name":"Aabenraa","perGroup":[0,0,0]},
    {"code":"607","name":"Fredericia","perGroup":[0,0,0]},{"code":"615","name":"Horsens","perGroup":[0,0,0]},
    {"code":"621","name":"Kolding","perGroup":[0,0,0]},{"code":"630","name":"Vejle","perGroup":[0,0,0]},
    {"code":"657","name":"Herning","perGroup":[0,0,0]},{"code":"661","name":"Holstebro","perGroup":[0,0,0]},
    {"code":"665","name":"Lemvig","perGroup":[0,0,0]},{"code":"671","name":"Struer","perGroup":[0,0,0]},
    {"code":"706","name":"Syddjurs","perGroup":[0,0,0]},{"code":"707","name":"Norddjurs","perGroup":[0,0,0]},
    {"code":"710","name":"Favrskov","perGroup":[0,0,0]},{"code":"727","name":"Odder","perGroup":[0,0,0]},
    {"code":"730","name":"Randers","perGroup":[0,0,0]},{"code":"740","name":"Silkeborg","perGroup":[0,0,0]},
    {"code":"741","name":"Samsø","perGroup":[0,0,0]},{"code":"746","name":"Skanderborg","perGroup":[0,0,0]},
    {"code":"751","name":"Aarhus","perGroup":[1,0,1]},{"code":"756","name":"Ikast-Brande","perGroup":[0,0,0]},
    {"code":"760","name":"Ringkøbing-Skjern","perGroup":[0,0,0]},
    {"code":"766","name":"Hedensted","perGroup":[0,0,0]},{"code":"773","name":"Morsø","perGroup":[0,0,0]},
    {"code":"779","name":"Skive","perGroup":[0,0,0]},{"code":"787","name":"Thisted","perGroup":[0,0,0]},
    {"code":"791","name":"Viborg","perGroup":[0,0,0]},{"code":"810","name":"Brønderslev","perGroup":[0,0,0]},
    {"code":"813","name":"Frederikshavn","perGroup":[0,0,0]},
    {"code":"820","name":"Vesthimmerland","perGroup":[0,0,0]},{"code":"825","name":"Læsø","perGroup":[0,0,0]},
    {"code":"840","name":"Rebild","perGroup":[0,0,0]},{"code":"846","name":"Mariagerfjord","perGroup":[0,0,0]},
    {"code":"849","name":"Jammerbugt","perGroup":[0,0,0]},{"code":"851","name":"Aalborg","perGroup":[1,0,0]},
    {"code":"860","name":"Hjørring","perGroup":[0,0,0]},
    {"code":"unknown","name":"","perGroup":[1,1,1]}],"regions":[{"label":"Region Nordjylland","perGroup":[1,0,0]},
    {"label":"Region Midtjylland","perGroup":[1,0,1]},{"label":"Region Syddanmark","perGroup":[2,0,0]},
    {"label":"Region Hovedstaden","perGroup":[3,2,0]},{"label":"Region Sjælland","perGroup":[1,0,0]},
    {"label":"unknown","perGroup":[1,1,1]}],"sexAge":[{"ageBand":"<18","perGroup":[0,0,0],"sex":"M"},
    {"ageBand":"18-29","perGroup":[0,0,0],"sex":"M"},{"ageBand":"30-39","perGroup":[2,0,0],"sex":"M"},
    {"ageBand":"40-49","perGroup":[1,0,0],"sex":"M"},{"ageBand":"50-59","perGroup":[0,1,0],"sex":"M"},
    {"ageBand":"60+","perGroup":[2,0,0],"sex":"M"},{"ageBand":"unknown","perGroup":[0,0,0],"sex":"M"},
    {"ageBand":"<18","perGroup":[1,0,0],"sex":"F"},{"ageBand":"18-29","perGroup":[2,0,0],"sex":"F"},
    {"ageBand":"30-39","perGroup":[0,1,0],"sex":"F"},{"ageBand":"40-49","perGroup":[0,0,1],"sex":"F"},
    {"ageBand":"50-59","perGroup":[0,0,0],"sex":"F"},{"ageBand":"60+","perGroup":[0,0,0],"sex":"F"},
    {"ageBand":"unknown","perGroup":[1,0,0],"sex":"F"},{"ageBand":"<18","perGroup":[0,0,0],"sex":"unknown"},
    {"ageBand":"18-29","perGroup":[0,1,0],"sex":"unknown"},{"ageBand":"30-39","perGroup":[0,0,0],"sex":"unknown"},
    {"ageBand":"40-49","perGroup":[0,0,0],"sex":"unknown"},{"ageBand":"50-59","perGroup":[0,0,0],"sex":"unknown"},
    {"ageBand":"60+","perGroup":[0,0,0],"sex":"unknown"},
    {"ageBand":"unknown","perGroup":[0,0,1],"sex":"unknown"}],"use":[{"label":"psychiatric","perGroup":[1,1,1]},
    {"label":"substance","perGroup":[1,2,0]},{"label":"support85","perGroup":[1,0,2]},
    {"label":"psych_and_substance","perGroup":[1,1,0]},{"label":"psych_or_substance","perGroup":[1,2,1]}]},
    "transitions":{"horizons":[30,90,365],"serviceNames":["psychiatric","substance","support85"],"years":[{"exits":9,"followUpComplete":true,"withinAny":[0,0,0],"withinByService":[[0,0,0],[0,0,0],[0,0,0]],"year":2019},
    {"exits":7,"followUpComplete":true,"withinAny":[0,1,2],"withinByService":[[0,0,0],[0,1,2],[0,0,0]],"year":2020},
    {"exits":5,"followUpComplete":true,"withinAny":[0,0,1],"withinByService":[[0,0,1],[0,0,0],[0,0,0]],"year":2021}]}}
    """#

  /// The fixture's indicators (`Fixtures/edge/pipeline-mincell.yaml`).
  private static let indicators = [
    Indicator(name: "psych_and_substance", combination: .allOf, services: ["psychiatric", "substance"]),
    Indicator(name: "psych_or_substance", combination: .anyOf, services: ["psychiatric", "substance"]),
  ]

  private func tables(minCell: Int) throws -> [Table] {
    let figures = try JSONDecoder().decode(Figures.self, from: Data(Self.figuresJSON.utf8))
    return try publish(
      typology: figures.typology, stays: figures.stays, repeatUse: figures.repeatUse, welfare: figures.welfare,
      transitions: figures.transitions,
      indicators: Self.indicators, minCell: minCell
    ).tables
  }

  /// 9 / 3 / 2 | 14: with short and total published, episodic + long = 5 would bound
  /// each by 4 (EXPECTED.md), so all four go, with every derived figure.
  func testTypologyWithMinCellFive() throws {
    let all = "persons|share_persons|mean_stays|mean_episodes|mean_nights|nights_per_episode|total_nights|share_nights"
    XCTAssertEqual(
      try tables(minCell: 5)[named: "typology"].csv(),
      """
      group,persons,share_persons,mean_stays,mean_episodes,mean_nights,nights_per_episode,total_nights,share_nights,suppressed
      short,,,,,,,,,\(all)
      episodic,,,,,,,,,\(all)
      long,,,,,,,,,\(all)
      total,,,,,,,,,\(all)

      """)
  }

  /// Every table byte for byte against the fixture's expected CSVs, where the fixture is
  /// in the checkout (it lives on the reference branch until merged).
  func testAllTablesMatchTheFixtureByteForByte() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    for (minCell, folder) in [(5, "expected-mincell"), (1, "expected")] {
      let expected = root + "/Fixtures/edge/" + folder
      guard FileManager.default.fileExists(atPath: expected) else { throw XCTSkip("no \(expected) in this checkout") }
      let actual = NSTemporaryDirectory() + "/publish-edge-" + UUID().uuidString
      defer { try? FileManager.default.removeItem(atPath: actual) }
      let tables = try tables(minCell: minCell)
      try writeTables(tables, to: actual, pipeline: "edge", minCell: minCell, formats: [.csv])
      XCTAssertEqual(try diffTables(expected: expected, actual: actual, tolerance: 0).map(\.description), [])
      for table in tables {
        XCTAssertEqual(
          try String(contentsOfFile: expected + "/" + table.name + ".csv", encoding: .utf8), table.csv(), table.name)
      }
    }
  }
}
