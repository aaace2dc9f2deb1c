/// One value per user group, indexed by `UserGroup` rather than by a position kept in
/// mind; written as a JSON array in table order (short, episodic, long), so figures
/// files keep their bytes.
public struct PerGroup<Value: Hashable & Sendable>: Hashable, Sendable {
  /// The values in table order.
  public private(set) var values: [Value]

  public init(_ value: (UserGroup) -> Value) { values = UserGroup.allCases.map(value) }

  public subscript(group: UserGroup) -> Value {
    get { values[group.index] }
    set { values[group.index] = newValue }
  }
}

extension PerGroup: ExpressibleByArrayLiteral {
  /// The values in table order; exactly one per group.
  public init(arrayLiteral values: Value...) {
    precondition(values.count == UserGroup.allCases.count, "one value per user group")
    self.values = values
  }
}

extension PerGroup where Value: AdditiveArithmetic {
  public static var zero: PerGroup { PerGroup { _ in .zero } }
  /// The sum over the groups: the `total` group of the tables.
  public var total: Value { values.reduce(.zero, +) }
}

extension PerGroup: Codable where Value: Codable {
  public init(from decoder: Decoder) throws {
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

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(values)
  }
}
