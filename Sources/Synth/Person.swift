import RegisterModel

/// One § 110 stay as it happened (before DST splits it at New Year). `end` nil: still
/// open at the extract date.
struct SynthStay: Sendable, Equatable {
  var institution: Int
  var start: Day
  var end: Day?
  var exitCode: String
}

/// One event of a service register; `end` nil: open at the extract date.
struct SynthEvent: Sendable, Equatable {
  var service: Service
  var start: Day
  var end: Day?
  var code: String
}

/// A person of the population register with everything generated for them.
struct SynthPerson: Sendable {
  var index: Int
  /// The pseudo person number, 0 ..< 10^10, written with 10 digits.
  var pnr: Int
  /// The latent type; nil for a person who never stays at a shelter.
  var type: UserType?
  /// 1 male, 2 female.
  var sex: Int
  var birth: Day
  var municipality: Int
  var stays: [SynthStay]
  var events: [SynthEvent]
}
