/// Disclosure control (SPEC 9.1), applied to the complete set of tables at once: the
/// relations of 9.2 tie counts across tables, and a derived cell may depend on a count
/// in another table (`welfare_use` shares on `typology` persons).
///
/// 1. **Primary**: a count `c` with `0 < c < minCell` is suppressed; zeros are published.
/// 2. **Secondary** (`suppressSecondary`): further counts until the intruder of 9.1 can
///    prove no suppressed count to lie below `minCell`.
/// 3. **Audit**: the same test once more on the final set; an unsafe set is an error,
///    never a publish.
/// 4. **Derived**: every share, mean or sum computed from a suppressed count.
///
/// Throws `PublishError` when the figures break a relation they must satisfy (a stage
/// bug) or the final audit fails.
func applyDisclosureControl(
  _ tables: inout [Table], minCell: Int, context: RelationContext
) throws -> DisclosureAudit {
  suppressPrimary(&tables, minCell: minCell)
  let relations = relations(of: tables, context: context)
  var model = IntruderModel(tables: tables, relations: relations)
  if let broken = model.brokenRelations().first {
    throw PublishError("disclosure control: the figures break relation \(broken.family) of SPEC 9.2 (a program error)")
  }
  do {
    try suppressSecondary(&model, minCell: minCell)
  } catch {
    throw PublishError(
      "disclosure control: the figures break relation \(error.relation.family) of SPEC 9.2 (a program error)")
  }
  for (cell, hidden) in zip(model.cells, model.hidden) where hidden {
    if case .published(let address) = cell, let t = tables.firstIndex(where: { $0.name == address.table }) {
      tables[t].suppressed[address.row][address.column] = true
    }
  }
  let audit = try DisclosureAudit(tables: tables, relations: relations, minCell: minCell, lower: false)
  guard audit.isSafe else {
    throw PublishError(
      "disclosure control: \(audit.unsafeCount) suppressed counts could still be shown to hold fewer than \(minCell); no tables were written (a program error)"
    )
  }
  suppressDerived(&tables)
  return audit
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
    where !tables[t][derivation.cell].isBlank && derivation.sources.contains(where: isSuppressed) {
      tables[t].suppressed[derivation.cell.row][derivation.cell.column] = true
    }
  }
}
