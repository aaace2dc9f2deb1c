/// One value per user group, indexed by `UserGroup` rather than by a position kept in
/// mind; written as a JSON array in table order (short, episodic, long), so figures
/// files keep their bytes.
package struct PerGroup<Value: Hashable & Sendable>: Hashable, Sendable {
  /// The values in table order.
  package private(set) var values: [Value]

  package init(_ value: (UserGroup) -> Value) { values = UserGroup.allCases.map(value) }

  package subscript(group: UserGroup) -> Value {
    get { values[group.index] }
    set { values[group.index] = newValue }
  }
}

extension PerGroup: ExpressibleByArrayLiteral {
  /// The values in table order; exactly one per group.
  package init(arrayLiteral values: Value...) {
    precondition(values.count == UserGroup.allCases.count, "one value per user group")
    self.values = values
  }
}

extension PerGroup where Value: AdditiveArithmetic {
  package static var zero: PerGroup { PerGroup { _ in .zero } }
  /// The sum over the groups: the `total` group of the tables.
  package var total: Value { values.reduce(.zero, +) }
}

extension PerGroup: Codable where Value: Codable {
  package init(from decoder: Decoder) throws {
    let values = try decoder.singleValueContainer().decode([Value].self)
    guard values.count == UserGroup.allCases.count else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "\(values.count) values where one per user group (\(UserGroup.allCases.count)) was expected"
        ))
    }
    self.values = values
  }

  package func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(values)
  }
}
