import RegisterIO
import RegisterModel

/// How person ids become `PersonKey`s in one phase of the load, and which persons are
/// kept: stays make the cohort; persons and services rows are kept only for it.
enum PersonKeying: Sendable {
  /// CPR numbers are their own keys; `cohort` nil keeps everyone (the stays phase).
  case cpr(cohort: Set<PersonKey>?)
  /// Opaque ids in a stays file: interned per file, made global in file order after.
  case opaqueLocal
  /// Opaque ids of persons and services rows: the cohort's keys; others are filtered.
  case opaqueCohort([String: PersonKey])

  enum Outcome {
    case key(PersonKey, repaired: Bool)
    case invalid
    case notInCohort
  }

  /// Resolves a non-missing id field of the reader's current row; `tokens` collects
  /// new opaque ids of the file.
  func resolve(
    _ reader: DelimitedReader, _ index: Int, tokens: inout [String], interned: inout [String: PersonKey]
  ) -> Outcome {
    switch self {
    case .cpr(let cohort):
      let key: PersonKey
      let repaired: Bool
      switch PersonIDParser.parseCPR(reader.field(index)) {
      case .invalid: return .invalid
      case .valid(let value): (key, repaired) = (value, false)
      case .repaired(let value): (key, repaired) = (value, true)
      }
      if let cohort, !cohort.contains(key) { return .notInCohort }
      return .key(key, repaired: repaired)
    case .opaqueLocal:
      guard let token = Self.opaqueToken(reader.string(index)) else { return .invalid }
      if let key = interned[token] { return .key(key, repaired: false) }
      let key = PersonKey(tokens.count)
      interned[token] = key
      tokens.append(token)
      return .key(key, repaired: false)
    case .opaqueCohort(let keys):
      guard let token = Self.opaqueToken(reader.string(index)) else { return .invalid }
      guard let key = keys[token] else { return .notInCohort }
      return .key(key, repaired: false)
    }
  }

  /// An opaque id (SPEC 5.1): trimmed, without `-` and spaces; nil when nothing is left.
  /// Compared as UTF-8 text, so a Latin-1 and a UTF-8 source agree on the same id.
  static func opaqueToken(_ text: String) -> String? {
    let token = String(text.unicodeScalars.filter { $0 != "-" && $0 != " " && $0 != "\t" })
    return token.isEmpty ? nil : token
  }
}
