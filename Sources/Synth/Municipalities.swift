import RegisterModel

/// DST's municipalities with their region and the 2024 homelessness count and count
/// per 1,000 inhabitants (the bundled `municipalities.csv`): users live in
/// proportion to the count, other persons in proportion to the implied population.
enum Municipalities {
  struct Entry: Sendable {
    let code: Int
    let region: Int
    let homeless2024: Int
    let homelessPer1000: Double

    /// Inhabitants implied by the count and the rate; a municipality without a rate
    /// (Læsø) counts as a small island of 2,000.
    var population: Double { homelessPer1000 > 0 ? Double(homeless2024) / homelessPer1000 * 1000 : 2000 }
  }

  /// From the bundled `municipalities.csv` (RegisterModel), in code order.
  static let all: [Entry] = {
    let table = RegionTable.bundled
    return table.municipalities.map { municipality in
      Entry(
        code: Int(municipality.code)!, region: Int(table.regions[municipality.region].code)!,
        homeless2024: municipality.homeless2024 ?? 0, homelessPer1000: municipality.homelessPer1000 ?? 0)
    }
  }()
}
