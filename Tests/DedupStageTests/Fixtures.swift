import RegisterModel

/// A day from ISO text; tests write dates as the registers do.
func day(_ iso: String) -> Day { Day(iso: iso)! }

/// A stay with test defaults: person 1, extract date 2023-12-31.
func stay(
  person: PersonKey = 1, _ institution: String, _ start: String, _ end: String?,
  exit: String? = nil, municipality: String? = nil, extract: String = "2023-12-31", order: Int
) -> Stay {
  Stay(
    person: person, institution: institution, start: day(start), end: end.map(day),
    extractDate: day(extract), exitReason: exit, municipality: municipality, order: order)
}

/// A stay at institution "A".
func stay(
  person: PersonKey = 1, _ start: String, _ end: String?, exit: String? = nil,
  municipality: String? = nil, extract: String = "2023-12-31", order: Int
) -> Stay {
  stay(
    person: person, "A", start, end, exit: exit, municipality: municipality, extract: extract,
    order: order)
}
