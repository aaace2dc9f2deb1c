import RegisterModel

/// The persons record of each typology person, by typology row; nil where there is none.
func personsRecords(
  of typology: [PersonTypology], persons: [PersonRecord], rowOfPerson: [PersonKey: Int]
) -> [PersonRecord?] {
  var records = [PersonRecord?](repeating: nil, count: typology.count)
  for record in persons {
    if let row = rowOfPerson[record.person] { records[row] = record }
  }
  return records
}

/// Typology persons per group by region of their persons record's municipality: every
/// region of `table` by region code, then `unknown` (no record, no municipality, or a
/// code not in the table). Labels are region names.
func regionCounts(typology: [PersonTypology], records: [PersonRecord?], table: RegionTable)
  -> [GroupCounts]
{
  let unknown = table.regions.count
  var counts = Array(repeating: PerGroup<Int>.zero, count: unknown + 1)
  for (row, person) in typology.enumerated() {
    let region = table.regionIndex(ofMunicipality: records[row]?.municipality) ?? unknown
    counts[region][person.group] += 1
  }
  let labels = table.regions.map(\.name) + ["unknown"]
  return zip(labels, counts).map { GroupCounts(label: $0, perGroup: $1) }
}

/// Typology persons per group by municipality of their persons record: every
/// municipality of `table` in code order, then `unknown` (no record, no municipality, or
/// a code not in the table, with an empty name).
func municipalityCounts(typology: [PersonTypology], records: [PersonRecord?], table: RegionTable)
  -> [MunicipalityCounts]
{
  let unknown = table.municipalities.count
  var counts = Array(repeating: PerGroup<Int>.zero, count: unknown + 1)
  for (row, person) in typology.enumerated() {
    counts[table.municipalityIndex(of: records[row]?.municipality) ?? unknown][person.group] += 1
  }
  return table.municipalities.enumerated().map { m, municipality in
    MunicipalityCounts(code: municipality.code, name: municipality.name, perGroup: counts[m])
  } + [MunicipalityCounts(code: "unknown", name: "", perGroup: counts[unknown])]
}

/// Typology persons per group for every sex (`M`, `F`, `unknown`) × age band (ascending,
/// then `unknown`), sex-major: 21 rows. Age is in whole years on `day` (window.to).
func sexAgeCounts(typology: [PersonTypology], records: [PersonRecord?], on day: Day)
  -> [SexAgeCounts]
{
  let sexes: [Sex?] = [.male, .female, nil]
  let bands = AgeBand.allCases
  var counts = Array(repeating: PerGroup<Int>.zero, count: sexes.count * bands.count)
  for (row, person) in typology.enumerated() {
    let record = records[row]
    let sex = sexes.firstIndex(of: record?.sex)!
    let band = AgeBand(birthDate: record?.birthDate, on: day)
    counts[sex * bands.count + band.rawValue][person.group] += 1
  }
  return sexes.enumerated().flatMap { s, sex in
    bands.map { band in
      SexAgeCounts(
        sex: sex, ageBand: band,
        perGroup: counts[s * bands.count + band.rawValue])
    }
  }
}
