import RegisterModel

@testable import PublishStage

/// Small figures shared by the tests, chosen so that each table has something to
/// suppress. Expected values are worked out in the tests that use them.
enum Fixtures {
  /// short 40, episodic 3 (primary), long 20 (secondary): total 63 persons, 8300 nights.
  static let typology = TypologyFigures(
    groups: [
      GroupTotals(persons: 40, stays: 52, episodes: 45, nights: 900),
      GroupTotals(persons: 3, stays: 30, episodes: 14, nights: 400),
      GroupTotals(persons: 20, stays: 40, episodes: 22, nights: 7000),
    ], fellBackToRules: false)

  static let stays = StayFigures(
    bandLabels: ["1-30", "31-90", "91-180", "181-365", "366+"],
    years: [
      StayYearFigures(
        year: 2020, bandCounts: [0, 0, 0, 0, 0], completedStays: 0, over90: 0, over120: 0, plannedExits: 0),
      StayYearFigures(
        year: 2019, bandCounts: [10, 4, 0, 6, 2], completedStays: 22, over90: 8, over120: 7, plannedExits: 9),
    ],
    quarters: [
      StayQuarterFigures(year: 2019, quarter: 1, completedStays: 10, over90: 4, over120: 4, plannedExits: 5),
      StayQuarterFigures(year: 2019, quarter: 2, completedStays: 12, over90: 4, over120: 3, plannedExits: 4),
    ]
      + [(2019, 3), (2019, 4), (2020, 1), (2020, 2), (2020, 3), (2020, 4)].map {
        StayQuarterFigures(year: $0.0, quarter: $0.1, completedStays: 0, over90: 0, over120: 0, plannedExits: 0)
      })

  static let repeatUse = RepeatUseFigures(
    binLabels: ["1", "2-4", "5+"], horizonLabels: ["0-180", "181-365", "366-730"],
    years: [
      UseYearFigures(year: 2019, users: 30, stays: 50, nights: 2000, binCounts: [20, 7, 3], returningUsers: nil),
      UseYearFigures(year: 2020, users: 4, stays: 9, nights: 100, binCounts: [2, 2, 0], returningUsers: 1),
    ],
    returns: [
      ReturnYearFigures(year: 2019, exits: 12, returns: [3, 2, 1], followUpComplete: true),
      ReturnYearFigures(year: 2020, exits: 0, returns: [0, 0, 0], followUpComplete: false),
    ],
    usersBySexAge: [
      UserSexAgeCounts(year: 2019, sex: .male, ageBand: .thirties, users: 20),
      UserSexAgeCounts(year: 2019, sex: .female, ageBand: .from18To29, users: 10),
      UserSexAgeCounts(year: 2020, sex: .male, ageBand: .forties, users: 4),
    ])

  static let welfare = WelfareFigures(
    use: [GroupCounts(label: "psychiatric", perGroup: [12, 0, 8])],
    regions: [
      GroupCounts(label: "Region Hovedstaden", perGroup: [25, 2, 10]),
      GroupCounts(label: "Region Sjælland", perGroup: [15, 1, 10]),
    ],
    sexAge: [
      SexAgeCounts(sex: .male, ageBand: .thirties, perGroup: [20, 2, 10]),
      SexAgeCounts(sex: .female, ageBand: .under18, perGroup: [20, 1, 10]),
    ],
    municipalities: [
      MunicipalityCounts(code: "101", name: "København", perGroup: [25, 2, 10]),
      MunicipalityCounts(code: "259", name: "Køge", perGroup: [15, 1, 10]),
    ])

  /// 2019: 12 exits (as in `returns`), psychiatric within 30/90/365 days 2/6/9, prison
  /// 0/1/1, any 2/7/10; 2020: no exits.
  static let transitions = TransitionFigures(
    serviceNames: ["psychiatric", "prison"], horizons: [30, 90, 365],
    years: [
      TransitionYearFigures(
        year: 2019, exits: 12, withinByService: [[2, 6, 9], [0, 1, 1]], withinAny: [2, 7, 10], followUpComplete: true),
      TransitionYearFigures(
        year: 2020, exits: 0, withinByService: [[0, 0, 0], [0, 0, 0]], withinAny: [0, 0, 0], followUpComplete: false),
    ])

  static func tables(minCell: Int = 5) throws -> [Table] {
    try publish(
      typology: typology, stays: stays, repeatUse: repeatUse, welfare: welfare, transitions: transitions,
      indicators: [], minCell: minCell
    ).tables
  }
}

/// Test conveniences for reading tables.
extension Array where Element == Table {
  subscript(named name: String) -> Table { first { $0.name == name }! }
}

extension Table {
  /// The published text of each row, as in the CSV (suppressed → `nil`).
  func texts(_ column: String) -> [String?] {
    rows.indices.map { text(row: $0, column: columnIndex(column)!) }
  }

  /// Row keys, as `diff` names rows.
  var keys: [String] { rows.indices.map { key(row: $0) } }
}
