import RegisterModel

/// Table `welfare_use` (SPEC 9): per service (source order) then indicator (file order),
/// persons per group and `total`; `share` = persons ÷ the group's `persons` in
/// `typology`, on which the share also depends for suppression.
func welfareUseTable(_ figures: WelfareFigures, typology: Table) throws -> Table {
  var builder = TableBuilder(
    name: TableName.welfareUse.rawValue,
    columns: [Column("indicator", .text), Column("group", .text), Column("persons", .count), Column("share", .share)])
  guard let personsColumn = typology.columnIndex("persons") else { preconditionFailure("typology lacks persons") }
  for use in figures.use {
    for (g, persons) in (use.perGroup.values + [use.perGroup.total]).enumerated() {
      let groupPersons = typology.address(row: g, column: personsColumn)
      let row = builder.append([
        .text(use.label), .text(Labels.groups[g]), .int(persons), .quotient(persons, typology[groupPersons].intValue!),
      ])
      builder.derive(row, "share", from: [builder.address(row, "persons"), groupPersons])
    }
  }
  return builder.build()
}

/// The row of an area's `total` group within its rows (the groups, then `total`).
private let totalRow = UserGroup.allCases.count

/// Table `typology_by_region` (SPEC 9): regions as the figures order them (by region
/// code, then `unknown`, added with zeros if the figures lack it), then `total`; in each
/// the groups and `total`. `share` = persons ÷ the region's `total` group.
func regionTable(_ figures: WelfareFigures) -> Table {
  var regions = figures.regions
  if !regions.contains(where: { $0.label == "unknown" }) {
    regions.append(GroupCounts(label: "unknown", perGroup: .zero))
  }
  let totals = PerGroup { group in regions.reduce(0) { $0 + $1.perGroup[group] } }
  regions.append(GroupCounts(label: Labels.total, perGroup: totals))
  var builder = TableBuilder(
    name: TableName.typologyByRegion.rawValue,
    columns: [Column("region", .text), Column("group", .text), Column("persons", .count), Column("share", .share)])
  let width = Labels.groups.count
  for (r, region) in regions.enumerated() {
    let total = region.perGroup.total
    for (g, persons) in (region.perGroup.values + [total]).enumerated() {
      let row = builder.append([
        .text(region.label), .text(Labels.groups[g]), .int(persons), .quotient(persons, total),
      ])
      builder.derive(
        row, "share", from: [builder.address(row, "persons"), builder.address(r * width + totalRow, "persons")])
    }
  }
  return builder.build()
}

/// Table `typology_by_municipality` (SPEC 9): every municipality as the figures order
/// them (in code order, then `unknown` with an empty name), then `total`; in each the
/// groups and `total`. `share` = persons ÷ the municipality's `total` group.
func municipalityTable(_ figures: WelfareFigures) -> Table {
  var areas = figures.municipalities
  if !areas.contains(where: { $0.code == "unknown" }) {
    areas.append(MunicipalityCounts(code: "unknown", name: "", perGroup: .zero))
  }
  let totals = PerGroup { group in areas.reduce(0) { $0 + $1.perGroup[group] } }
  areas.append(MunicipalityCounts(code: Labels.total, name: "", perGroup: totals))
  var builder = TableBuilder(
    name: TableName.typologyByMunicipality.rawValue,
    columns: [
      Column("municipality", .text), Column("municipality_name", .text), Column("group", .text),
      Column("persons", .count), Column("share", .share),
    ])
  let width = Labels.groups.count
  for (m, area) in areas.enumerated() {
    let total = area.perGroup.total
    for (g, persons) in (area.perGroup.values + [total]).enumerated() {
      let row = builder.append([
        .text(area.code), .text(area.name), .text(Labels.groups[g]), .int(persons), .quotient(persons, total),
      ])
      builder.derive(
        row, "share", from: [builder.address(row, "persons"), builder.address(m * width + totalRow, "persons")])
    }
  }
  return builder.build()
}

/// Table `typology_by_sex_age` (SPEC 9): sexes `M, F, unknown, total` × age bands
/// `<18 … 60+, unknown, total` × groups and `total`, every combination present (missing
/// combinations are zeros). `share` = persons ÷ the (sex, age band)'s `total` group.
func sexAgeTable(_ figures: WelfareFigures) throws -> Table {
  let (sexes, bands, groups) = (Labels.sexes.count, Labels.ageBands.count, Labels.groups.count)
  // counts[s][b][g] over the whole grid, totals included.
  var counts = Array(repeating: Array(repeating: Array(repeating: 0, count: groups), count: bands), count: sexes)
  var seen: Set<[Int]> = []
  for cell in figures.sexAge {
    let (s, b) = (Labels.sexIndex(cell.sex), cell.ageBand.rawValue)
    guard seen.insert([s, b]).inserted else {
      throw PublishError(
        "typology_by_sex_age: sex \(Sex.label(cell.sex)), age band \(cell.ageBand.label) twice in the figures")
    }
    for (g, persons) in cell.perGroup.values.enumerated() {
      for s2 in [s, sexes - 1] {
        for b2 in [b, bands - 1] {
          counts[s2][b2][g] += persons
          counts[s2][b2][groups - 1] += persons
        }
      }
    }
  }
  var builder = TableBuilder(
    name: TableName.typologyBySexAge.rawValue,
    columns: [
      Column("sex", .text), Column("age_band", .text), Column("group", .text), Column("persons", .count),
      Column("share", .share),
    ])
  func row(_ s: Int, _ b: Int, _ g: Int) -> Int { (s * bands + b) * groups + g }
  for s in 0..<sexes {
    for b in 0..<bands {
      for g in 0..<groups {
        let persons = counts[s][b][g]
        let index = builder.append([
          .text(Labels.sexes[s]), .text(Labels.ageBands[b]), .text(Labels.groups[g]), .int(persons),
          .quotient(persons, counts[s][b][groups - 1]),
        ])
        builder.derive(
          index, "share",
          from: [builder.address(index, "persons"), builder.address(row(s, b, groups - 1), "persons")])
      }
    }
  }
  return builder.build()
}

/// SPEC 9.2, 2: an indicator's three groups → its `total`; 9: each row ≤ its group's
/// persons in `typology`; an `all_of` indicator ≤ each of its services ≤ an `any_of`
/// indicator over them ≤ their sum; `any_of + all_of = A + B` over the same two services.
func welfareUseRelations(_ builder: inout RelationBuilder, indicators: [Indicator]) {
  let table = "welfare_use"
  let groups = UserGroup.allCases.map(\.rawValue)
  for indicator in builder.labels(table, "indicator") {
    builder.sum(
      2, parts: groups.map { builder.cell(table, [indicator, $0], "persons") },
      total: builder.cell(table, [indicator, Labels.total], "persons"))
    for group in Labels.groups where builder.has("typology") {
      builder.atMost(
        9, builder.cell(table, [indicator, group], "persons"), builder.cell("typology", [group], "persons"))
    }
  }
  for group in Labels.groups {
    func persons(_ row: String) -> CountCell? { builder.cell(table, [row, group], "persons") }
    for indicator in indicators where builder.has(table) {
      let services = indicator.services.map(persons)
      switch indicator.combination {
      case .allOf:
        for service in services { builder.atMost(9, persons(indicator.name), service) }
      case .anyOf:
        for service in services { builder.atMost(9, service, persons(indicator.name)) }
        builder.atMost(9, [(persons(indicator.name), 1)], services)
      }
    }
    for all in indicators where all.combination == .allOf && Set(all.services).count == 2 {
      for any in indicators where any.combination == .anyOf && Set(any.services) == Set(all.services) {
        builder.equal(9, [persons(any.name), persons(all.name)], Array(Set(all.services)).sorted().map(persons))
      }
    }
  }
}

/// SPEC 9.2, 3: a region's groups → its `total` group; a group's regions (with
/// `unknown`) → the `total` region; 10: `typology` group `g` = the `total` region's `g`.
func regionRelations(_ builder: inout RelationBuilder) {
  let table = "typology_by_region"
  marginalRelations(&builder, table: table, areas: builder.rowKeys(table, ["region"]))
}

/// SPEC 9.2, 3 and 10 for `typology_by_municipality`; 11: the municipalities of a region
/// (by `data/municipalities.csv`) → that region's count in `typology_by_region`, for each
/// group, and `unknown` = `unknown`.
func municipalityRelations(_ builder: inout RelationBuilder) {
  let table = "typology_by_municipality"
  let areas = builder.rowKeys(table, ["municipality", "municipality_name"])
  marginalRelations(&builder, table: table, areas: areas)
  guard builder.has(table), builder.has("typology_by_region") else { return }
  let regions = RegionTable.bundled
  var byRegion: [String: [[String]]] = [:]
  for area in areas {
    guard let region = regions.regionIndex(ofMunicipality: area[0]) else { continue }
    byRegion[regions.regions[region].name, default: []].append(area)
  }
  for group in Labels.groups {
    for region in builder.labels("typology_by_region", "region") where region != Labels.total {
      let parts = region == "unknown" ? areas.filter { $0[0] == "unknown" } : byRegion[region] ?? []
      builder.sum(
        11, parts: parts.map { builder.cell(table, $0 + [group], "persons") },
        total: builder.cell("typology_by_region", [region, group], "persons"))
    }
  }
}

/// The relations of a table of typology groups by area (region or municipality), whose
/// rows are keyed by an area's key values (`areas`, the `total` area among them) and a
/// group: SPEC 9.2, 3 and 10.
func marginalRelations(_ builder: inout RelationBuilder, table: String, areas: [[String]]) {
  let groups = UserGroup.allCases.map(\.rawValue)
  guard let width = areas.first?.count else { return }
  let total = areas.first { $0[0] == Labels.total } ?? [Labels.total] + Array(repeating: "", count: width - 1)
  for area in areas {
    builder.sum(
      3, parts: groups.map { builder.cell(table, area + [$0], "persons") },
      total: builder.cell(table, area + [Labels.total], "persons"))
  }
  for group in Labels.groups {
    let totalCell = builder.cell(table, total + [group], "persons")
    builder.sum(
      3, parts: areas.filter { $0[0] != Labels.total }.map { builder.cell(table, $0 + [group], "persons") },
      total: totalCell)
    if builder.has("typology") {
      builder.equal(10, [builder.cell("typology", [group], "persons")], [totalCell])
    }
  }
}

/// SPEC 9.2, 4: in the cube of sexes × age bands × groups, every line → its `total`;
/// 10: `typology` group `g` = (`total`, `total`, `g`).
func sexAgeRelations(_ builder: inout RelationBuilder) {
  let table = "typology_by_sex_age"
  let (sexes, bands) = (builder.labels(table, "sex"), builder.labels(table, "age_band"))
  func persons(_ sex: String, _ band: String, _ group: String) -> CountCell? {
    builder.cell(table, [sex, band, group], "persons")
  }
  func inner(_ labels: [String]) -> [String] { labels.filter { $0 != Labels.total } }
  let groups = UserGroup.allCases.map(\.rawValue)
  for sex in sexes {
    for band in bands {
      builder.sum(4, parts: groups.map { persons(sex, band, $0) }, total: persons(sex, band, Labels.total))
    }
  }
  for group in Labels.groups {
    for sex in sexes {
      builder.sum(4, parts: inner(bands).map { persons(sex, $0, group) }, total: persons(sex, Labels.total, group))
    }
    for band in bands {
      builder.sum(4, parts: inner(sexes).map { persons($0, band, group) }, total: persons(Labels.total, band, group))
    }
    if builder.has(table), builder.has("typology") {
      builder.equal(
        10, [builder.cell("typology", [group], "persons")], [persons(Labels.total, Labels.total, group)])
    }
  }
}
