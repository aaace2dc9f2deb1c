import RegisterModel

/// Stage 5 — welfare-service use (SPEC 8) and the typology cross-tabs of SPEC 9:
/// typology persons per group who used each service and met each indicator, and
/// typology persons per group by region, by municipality and by sex × age band.
///
/// - Parameters:
///   - typology: the typology persons (one per person).
///   - persons: resolved persons records (one per person); a typology person without
///     one counts as region, sex and age band `unknown`.
///   - events: service events; `service` indexes `serviceNames`. Read in one pass.
///   - serviceNames: service names in source order.
package func welfareUse(
  typology: [PersonTypology], persons: [PersonRecord], events: [ServiceEvent],
  serviceNames: [String], parameters: WelfareUseParameters
) -> WelfareFigures {
  let rowOfPerson = Dictionary(
    typology.enumerated().map { ($1.person, $0) }, uniquingKeysWith: { first, _ in first })
  var use = ServiceUse(
    rowOfPerson: rowOfPerson, serviceCount: serviceNames.count, window: parameters.window)
  for event in events {
    precondition(serviceNames.indices.contains(event.service), "service index out of range")
    use.add(event)
  }
  let records = personsRecords(of: typology, persons: persons, rowOfPerson: rowOfPerson)
  return WelfareFigures(
    use: useCounts(
      typology: typology, use: use, serviceNames: serviceNames, indicators: parameters.indicators),
    regions: regionCounts(typology: typology, records: records, table: .bundled),
    sexAge: sexAgeCounts(typology: typology, records: records, on: parameters.window.to),
    municipalities: municipalityCounts(typology: typology, records: records, table: .bundled))
}

/// One row per service, then one per indicator. An indicator's service that no source
/// provides counts as not used: `all_of` then holds for nobody, `any_of` ignores it. An
/// indicator listing no services holds for nobody.
func useCounts(
  typology: [PersonTypology], use: ServiceUse, serviceNames: [String], indicators: [Indicator]
) -> [GroupCounts] {
  let serviceIndex = Dictionary(
    serviceNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  var rows = serviceNames.indices.map { service in
    GroupCounts(
      label: serviceNames[service],
      perGroup: countPerGroup(typology) { row in use.used(row: row, service: service) })
  }
  for indicator in indicators {
    let services = indicator.services.map { serviceIndex[$0] }
    rows.append(
      GroupCounts(
        label: indicator.name,
        perGroup: countPerGroup(typology) { row in
          let used = { (service: Int?) in service.map { use.used(row: row, service: $0) } ?? false }
          return switch indicator.combination {
          case .allOf: !services.isEmpty && services.allSatisfy(used)
          case .anyOf: services.contains(where: used)
          }
        }))
  }
  return rows
}

/// Typology persons per group (short, episodic, long) for whom `counts(row)` holds.
func countPerGroup(_ typology: [PersonTypology], where counts: (Int) -> Bool) -> PerGroup<Int> {
  var perGroup = PerGroup<Int>.zero
  for (row, person) in typology.enumerated() where counts(row) {
    perGroup[person.group] += 1
  }
  return perGroup
}
