/// Invented § 110 shelters (ids, names and places are made up), a few per region. One
/// name holds the delimiter, so its field is quoted as RFC 4180 says; names carry
/// æ, ø and å, written as single Latin-1 bytes.
enum Institutions {
  struct Entry: Sendable {
    let id: Int
    let name: String
    let municipality: Int
    let region: Int
  }

  static let all: [Entry] = [
    Entry(id: 11001, name: "Herberget Søndervang", municipality: 101, region: 1084),
    Entry(id: 11002, name: "Forsorgshjemmet Ørholm", municipality: 101, region: 1084),
    Entry(id: 11003, name: "Natherberget Nørrebro", municipality: 101, region: 1084),
    Entry(id: 11004, name: "Kirkens Herberg; Vesterbro", municipality: 101, region: 1084),
    Entry(id: 11005, name: "Hjemmet ved Åboulevarden", municipality: 147, region: 1084),
    Entry(id: 11006, name: "Herberget Lærkehøj", municipality: 167, region: 1084),
    Entry(id: 11007, name: "Forsorgshjemmet Strandgården", municipality: 217, region: 1084),
    Entry(id: 11008, name: "Bostedet Bækkegården", municipality: 219, region: 1084),
    Entry(id: 15001, name: "Herberget Kildevæld", municipality: 265, region: 1085),
    Entry(id: 15002, name: "Forsorgshjemmet Skovlyst", municipality: 330, region: 1085),
    Entry(id: 15003, name: "Næstved Herberg", municipality: 370, region: 1085),
    Entry(id: 15004, name: "Guldborgsund Forsorgshjem", municipality: 376, region: 1085),
    Entry(id: 13001, name: "Odense Herberg Østergade", municipality: 461, region: 1083),
    Entry(id: 13002, name: "Forsorgshjemmet Højbo", municipality: 561, region: 1083),
    Entry(id: 13003, name: "Herberget Fjordgården", municipality: 630, region: 1083),
    Entry(id: 13004, name: "Sønderborg Forsorgshjem", municipality: 540, region: 1083),
    Entry(id: 12001, name: "Aarhus Herberg Åhavevej", municipality: 751, region: 1082),
    Entry(id: 12002, name: "Forsorgshjemmet Lindegården", municipality: 751, region: 1082),
    Entry(id: 12003, name: "Herberget Møllehuset", municipality: 615, region: 1082),
    Entry(id: 12004, name: "Viborg Forsorgshjem Søndersø", municipality: 791, region: 1082),
    Entry(id: 12005, name: "Randers Herberg", municipality: 730, region: 1082),
    Entry(id: 10001, name: "Aalborg Herberg Nørresundby", municipality: 851, region: 1081),
    Entry(id: 10002, name: "Forsorgshjemmet Østerå", municipality: 851, region: 1081),
    Entry(id: 10003, name: "Hjørring Herberg Vendsyssel", municipality: 860, region: 1081),
  ]

  /// Indexes into `all` of each region's shelters, by region code.
  static func inRegion(_ region: Int) -> [Int] {
    all.indices.filter { all[$0].region == region }
  }
}
