import RegisterModel

/// Table `welfare_use` (SPEC 9): per service (source order) then indicator (file order),
/// persons per group and `total`; `share` = persons ÷ the group's `persons` in
/// `typology`, on which the share also depends for suppression.
func welfareUseTable(_ figures: WelfareFigures, typology: Table) throws -> Table {
  var builder = TableBuilder(
    name: "welfare_use",
    columns: [Column("indicator", .text), Column("group", .text), Column("persons", .count), Column("share", .share)])
  guard let personsColumn = typology.columnIndex("persons") else { preconditionFailure("typology lacks persons") }
  for use in figures.use {
    try requireCount(use.perGroup, UserGroup.allCases.count, "welfare_use \(use.label) groups")
    let first = builder.rows.count
    for (g, persons) in (use.perGroup + [use.perGroup.reduce(0, +)]).enumerated() {
      let groupPersons = typology.address(row: g, column: personsColumn)
      let row = builder.append([
        .text(use.label), .text(Labels.groups[g]), .int(persons), .quotient(persons, typology[groupPersons].intValue!),
      ])
      builder.derive(row, "share", from: [builder.address(row, "persons"), groupPersons])
    }
    builder.relate("groups of an indicator", parts: Array(first..<first + 3), total: first + 3, column: "persons")
  }
  return builder.build()
}

/// Table `typology_by_region` (SPEC 9): regions as the figures order them (by region
/// code, then `unknown`, added with zeros if the figures lack it), then `total`; in each
/// the groups and `total`. `share` = persons ÷ the region's `total` group.
func regionTable(_ figures: WelfareFigures) throws -> Table {
  var regions = figures.regions
  for region in regions {
    try requireCount(region.perGroup, UserGroup.allCases.count, "typology_by_region \(region.label) groups")
  }
  if !regions.contains(where: { $0.label == "unknown" }) {
    regions.append(GroupCounts(label: "unknown", perGroup: [0, 0, 0]))
  }
  let totals = UserGroup.allCases.indices.map { g in regions.reduce(0) { $0 + $1.perGroup[g] } }
  regions.append(GroupCounts(label: Labels.total, perGroup: totals))
  var builder = TableBuilder(
    name: "typology_by_region",
    columns: [Column("region", .text), Column("group", .text), Column("persons", .count), Column("share", .share)])
  let width = Labels.groups.count
  for (r, region) in regions.enumerated() {
    let counts = region.perGroup + [region.perGroup.reduce(0, +)]
    for (g, persons) in counts.enumerated() {
      let row = builder.append([.text(region.label), .text(Labels.groups[g]), .int(persons), .quotient(persons, counts[3])])
      builder.derive(row, "share", from: [builder.address(row, "persons"), builder.address(r * width + 3, "persons")])
    }
    builder.relate("groups of a region", parts: (0..<3).map { r * width + $0 }, total: r * width + 3, column: "persons")
  }
  let totalRegion = regions.count - 1
  for g in 0..<width {
    builder.relate(
      "regions of a group", parts: (0..<totalRegion).map { $0 * width + g }, total: totalRegion * width + g,
      column: "persons")
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
    guard let s = Labels.sexes.dropLast().firstIndex(of: cell.sex),
      let b = Labels.ageBands.dropLast().firstIndex(of: cell.ageBand)
    else { throw PublishError("typology_by_sex_age: unexpected sex or age band in the figures") }
    guard seen.insert([s, b]).inserted else {
      throw PublishError("typology_by_sex_age: sex \(cell.sex), age band \(cell.ageBand) twice in the figures")
    }
    try requireCount(cell.perGroup, groups - 1, "typology_by_sex_age groups")
    for (g, persons) in cell.perGroup.enumerated() {
      for s2 in [s, sexes - 1] {
        for b2 in [b, bands - 1] {
          counts[s2][b2][g] += persons
          counts[s2][b2][groups - 1] += persons
        }
      }
    }
  }
  var builder = TableBuilder(
    name: "typology_by_sex_age",
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
  for s in 0..<sexes {
    for b in 0..<bands {
      builder.relate(
        "groups of a sex and age band", parts: (0..<groups - 1).map { row(s, b, $0) }, total: row(s, b, groups - 1),
        column: "persons")
    }
  }
  for s in 0..<sexes {
    for g in 0..<groups {
      builder.relate(
        "age bands of a sex and group", parts: (0..<bands - 1).map { row(s, $0, g) }, total: row(s, bands - 1, g),
        column: "persons")
    }
  }
  for b in 0..<bands {
    for g in 0..<groups {
      builder.relate(
        "sexes of an age band and group", parts: (0..<sexes - 1).map { row($0, b, g) }, total: row(sexes - 1, b, g),
        column: "persons")
    }
  }
  return builder.build()
}
