extension JSONValue {
  /// `value` as a document with every object's members sorted by key, so Codable stage
  /// results and stamps are written by the same renderer as the tables' JSON, byte for
  /// byte the same on every run. Floating-point values are refused: a figure that is not
  /// a whole number needs the fixed decimals of `JSONValue.decimal` to render the same
  /// everywhere.
  package init(encoding value: some Encodable) throws {
    let root = EncodedNode()
    try value.encode(to: NodeEncoder(node: root, codingPath: []))
    self = root.json
  }
}

/// One value under construction: a leaf, an object or an array, whichever the value's
/// `encode(to:)` asked for first. An untouched node (a value that encoded nothing) is `{}`.
private final class EncodedNode {
  var leaf: JSONValue?
  var members: [String: EncodedNode]?
  var items: [EncodedNode]?

  var json: JSONValue {
    if let leaf { return leaf }
    if let items { return .array(items.map(\.json)) }
    let sorted = (members ?? [:]).sorted { $0.key < $1.key }
    return .object(sorted.map { JSONMember($0.key, $0.value.json) })
  }

  func member(_ key: String) -> EncodedNode {
    let node = EncodedNode()
    if members == nil { members = [:] }
    members![key] = node
    return node
  }

  func appendedItem() -> EncodedNode {
    let node = EncodedNode()
    if items == nil { items = [] }
    items!.append(node)
    return node
  }

  /// Encodes `value` into this node: primitives as leaves, anything else by its own
  /// `encode(to:)`.
  func encode(_ value: some Encodable, codingPath: [CodingKey]) throws {
    switch value {
    case let value as Bool: leaf = .bool(value)
    case let value as String: leaf = .string(value)
    case let value as any BinaryInteger:
      guard let int = Int(exactly: value) else {
        throw EncodingError.invalidValue(
          value, .init(codingPath: codingPath, debugDescription: "an integer beyond Int does not fit a JSON integer"))
      }
      leaf = .int(int)
    case let value as any BinaryFloatingPoint:
      throw EncodingError.invalidValue(
        value,
        .init(codingPath: codingPath, debugDescription: "floating-point values need JSONValue.decimal"))
    default: try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
    }
  }
}

private struct NodeEncoder: Encoder {
  let node: EncodedNode
  let codingPath: [CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if node.members == nil { node.members = [:] }
    return KeyedEncodingContainer(KeyedNodeContainer(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> UnkeyedEncodingContainer {
    if node.items == nil { node.items = [] }
    return UnkeyedNodeContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> SingleValueEncodingContainer {
    SingleNodeContainer(node: node, codingPath: codingPath)
  }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: EncodedNode
  let codingPath: [CodingKey]

  mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).leaf = .null }

  mutating func encode(_ value: some Encodable, forKey key: Key) throws {
    try node.member(key.stringValue).encode(value, codingPath: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
    NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
  }

  mutating func superEncoder() -> Encoder {
    NodeEncoder(node: node.member("super"), codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> Encoder {
    NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
  }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
  let node: EncodedNode
  let codingPath: [CodingKey]
  var count: Int { node.items?.count ?? 0 }

  mutating func encodeNil() throws { node.appendedItem().leaf = .null }

  mutating func encode(_ value: some Encodable) throws {
    try node.appendedItem().encode(value, codingPath: codingPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    NodeEncoder(node: node.appendedItem(), codingPath: codingPath).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
    NodeEncoder(node: node.appendedItem(), codingPath: codingPath).unkeyedContainer()
  }

  mutating func superEncoder() -> Encoder { NodeEncoder(node: node.appendedItem(), codingPath: codingPath) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
  let node: EncodedNode
  let codingPath: [CodingKey]

  mutating func encodeNil() throws { node.leaf = .null }

  mutating func encode(_ value: some Encodable) throws { try node.encode(value, codingPath: codingPath) }
}
