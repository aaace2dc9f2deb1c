import PipelineCore
import RegisterIO
import RegisterModel

extension Stay: CSVArtefact {
  static let header = ["person", "institution", "start", "end", "extract_date", "exit_reason", "municipality", "order"]
  func appendFields(to row: CSVWriter) {
    row.append(int: Int(person))
    row.append(institution)
    row.append(day: start)
    row.append(day: end)
    row.append(day: extractDate)
    row.append(exitReason)
    row.append(municipality)
    row.append(int: order)
  }
  init(_ row: ArtefactRow) throws {
    self.init(
      person: PersonKey(try row.int(0)), institution: row.string(1) ?? "", start: try row.requiredDay(2),
      end: try row.day(3), extractDate: try row.requiredDay(4), exitReason: row.string(5),
      municipality: row.string(6), order: try row.int(7))
  }
}

extension PersonRecord: CSVArtefact {
  static let header = ["person", "sex", "birth_date", "municipality", "order"]
  func appendFields(to row: CSVWriter) {
    row.append(int: Int(person))
    row.append(sex?.rawValue)
    row.append(day: birthDate)
    row.append(municipality)
    row.append(int: order)
  }
  init(_ row: ArtefactRow) throws {
    self.init(
      person: PersonKey(try row.int(0)), sex: row.string(1).flatMap(Sex.init(rawValue:)),
      birthDate: try row.day(2), municipality: row.string(3), order: try row.int(4))
  }
}

extension ServiceEvent: CSVArtefact {
  static let header = ["person", "service", "start", "end"]
  func appendFields(to row: CSVWriter) {
    row.append(int: Int(person))
    row.append(int: service)
    row.append(day: start)
    row.append(day: end)
  }
  init(_ row: ArtefactRow) throws {
    self.init(
      person: PersonKey(try row.int(0)), service: try row.int(1), start: try row.requiredDay(2),
      end: try row.requiredDay(3))
  }
}

extension Episode: CSVArtefact {
  static let header = ["person", "start", "end", "censored"]
  func appendFields(to row: CSVWriter) {
    row.append(int: Int(person))
    row.append(day: start)
    row.append(day: end)
    row.append(String(censored))
  }
  init(_ row: ArtefactRow) throws {
    self.init(
      person: PersonKey(try row.int(0)), start: try row.requiredDay(1), end: try row.requiredDay(2),
      censored: try row.bool(3))
  }
}

extension PersonTypology: CSVArtefact {
  static let header = ["person", "group", "episodes", "nights", "stays"]
  func appendFields(to row: CSVWriter) {
    row.append(int: Int(person))
    row.append(group.rawValue)
    row.append(int: episodes)
    row.append(int: nights)
    row.append(int: stays)
  }
  init(_ row: ArtefactRow) throws {
    guard let group = row.string(1).flatMap(UserGroup.init(rawValue:)) else {
      throw RunError.unreadableResult("\(row.reader.path):\(row.reader.line): unknown group", stage: "classify")
    }
    self.init(
      person: PersonKey(try row.int(0)), group: group, episodes: try row.int(2), nights: try row.int(3),
      stays: try row.int(4))
  }
}
