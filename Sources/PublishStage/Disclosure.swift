/// Disclosure control (SPEC 9.1), applied to the complete set of tables at once because
/// a derived cell may depend on a count in another table (`welfare_use` shares on
/// `typology` persons).
///
/// **Counts** are the `.count` columns: `persons`, `stays` (`stay_duration`,
/// `yearly_users`), `completed_stays`, `over_90`, `over_120`, `planned_exits`, `users`,
/// `returning_users`, `exits`, `returns_*`.
///
/// **Relations** each table declares (the `persons`/`stays` column only; other count
/// columns are in no relation and get primary suppression only):
/// - `typology`: `persons` of short, episodic, long → `total`.
/// - `stay_duration`: `stays` of a year's bands → the year's `total` band.
/// - `repeat_use`: `persons` of a year's bins → the year's `total` bin.
/// - `welfare_use`: `persons` of an indicator's three groups → its `total` group.
/// - `typology_by_region`: (1) `persons` of a region's three groups → its `total` group,
///   for every region including `unknown` and `total`; (2) `persons` of a group's regions
///   (with `unknown`) → the `total` region, for every group including `total`.
/// - `typology_by_sex_age`: (1) the groups of a (sex, age band) → `total` group; (2) the
///   age bands (with `unknown`) of a (sex, group) → `total` band; (3) the sexes (M, F,
///   unknown) of an (age band, group) → `total` sex; sex, band and group each range over
///   their `total` too, so every line of the cube is a relation.
/// - `stay_thresholds`, `yearly_users`, `returns`: none in the SPEC's list.
///
/// **Derived cells** and the counts they depend on:
/// - `typology`: `share_persons`, `share_nights` ← the row's and the `total` row's
///   `persons`; `mean_stays`, `mean_episodes`, `mean_nights`, `nights_per_episode`,
///   `total_nights` ← the row's `persons` (they are sums over those persons).
/// - `stay_duration`, `repeat_use`, `typology_by_region`, `typology_by_sex_age`:
///   `share` ← the row's count and its relation's `total` (the year's `total` band or
///   bin, the region's or (sex, age band)'s `total` group).
/// - `stay_thresholds`: `share_over_90` ← `over_90`, `completed_stays`; `share_over_120`
///   ← `over_120`, `completed_stays`; `share_planned` ← `planned_exits`, `completed_stays`.
/// - `yearly_users`: `nights`, `nights_per_user` ← `users`; `stays_per_user` ← `stays`,
///   `users`; `share_returning` ← `returning_users`, `users`.
/// - `returns`: `share_returned` ← `exits` and every `returns_*`.
/// - `welfare_use`: `share` ← the row's `persons` and the group's `persons` in `typology`.
///
/// An empty cell (denominator 0, or an unreported `returning_users`) holds no value and
/// is never marked suppressed. `tables` must hold every table a derivation names.
public func applyDisclosureControl(_ tables: inout [Table], minCell: Int) {
  suppressPrimary(&tables, minCell: minCell)
  suppressSecondary(&tables)
  suppressDerived(&tables)
}

/// Primary: a count `c` with `0 < c < min_cell`. Zeros are published.
private func suppressPrimary(_ tables: inout [Table], minCell: Int) {
  for t in tables.indices {
    for (c, column) in tables[t].columns.enumerated() where column.kind == .count {
      for r in tables[t].rows.indices {
        if let value = tables[t].rows[r][c].intValue, value > 0, value < minCell {
          tables[t].suppressed[r][c] = true
        }
      }
    }
  }
}

/// Secondary: relations are visited table by table (in the order of `tables`, which is
/// the SPEC's), each table's relations in their listed order. When exactly one member
/// (parts and total) is suppressed, its smallest non-zero unsuppressed part is
/// suppressed (ties: first in row order), or if there is none its total. Each change
/// takes effect at once; passes repeat until one changes nothing.
private func suppressSecondary(_ tables: inout [Table]) {
  var changed = true
  while changed {
    changed = false
    for t in tables.indices {
      for relation in tables[t].relations where protect(relation, in: &tables[t]) {
        changed = true
      }
    }
  }
}

/// Applies the rule to one relation; true when it suppressed a cell.
private func protect(_ relation: AdditiveRelation, in table: inout Table) -> Bool {
  let members = relation.parts + [relation.total]
  guard members.filter({ table.isSuppressed($0) }).count == 1 else { return false }
  var smallest: (address: CellAddress, value: Int)?
  for part in relation.parts where !table.isSuppressed(part) {
    guard let value = table[part].intValue, value != 0 else { continue }
    if smallest == nil || value < smallest!.value { smallest = (part, value) }
  }
  if let target = smallest?.address {
    table.suppressed[target.row][target.column] = true
    return true
  }
  guard !table.isSuppressed(relation.total) else { return false }
  table.suppressed[relation.total.row][relation.total.column] = true
  return true
}

/// Derived: after the counts are settled, a share, mean or sum is suppressed when any
/// count it is computed from is, unless it is empty.
private func suppressDerived(_ tables: inout [Table]) {
  let index = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($1.name, $0) })
  let settled = tables
  func isSuppressed(_ address: CellAddress) -> Bool {
    guard let t = index[address.table] else { preconditionFailure("no table \(address.table)") }
    return settled[t].isSuppressed(address)
  }
  for t in tables.indices {
    for derivation in tables[t].derivations
    where tables[t][derivation.cell] != .empty && derivation.sources.contains(where: isSuppressed) {
      tables[t].suppressed[derivation.cell.row][derivation.cell.column] = true
    }
  }
}
