import PipelineCore
import RegisterModel

extension Stay: CSVArtefact {
  static let header = ["person", "institution", "start", "end", "extract_date", "exit_reason", "municipality", "order"]
  var fields: [String] {
    [
      String(person), institution, start.description, end?.description ?? "", extractDate.description,
      exitReason ?? "", municipality ?? "", String(order),
    ]
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
  var fields: [String] {
    [String(person), sex?.rawValue ?? "", birthDate?.description ?? "", municipality ?? "", String(order)]
  }
  init(_ row: ArtefactRow) throws {
    self.init(
      person: PersonKey(try row.int(0)), sex: row.string(1).flatMap(Sex.init(rawValue:)),
      birthDate: try row.day(2), municipality: row.string(3), order: try row.int(4))
  }
}

extension ServiceEvent: CSVArtefact {
  static let header = ["person", "service", "start", "end"]
  var fields: [String] { [String(person), String(service), start.description, end.description] }
  init(_ row: ArtefactRow) throws {
    self.init(
      person: PersonKey(try row.int(0)), service: try row.int(1), start: try row.requiredDay(2),
      end: try row.requiredDay(3))
  }
}

extension Episode: CSVArtefact {
  static let header = ["person", "start", "end", "censored"]
  var fields: [String] { [String(person), start.description, end.description, String(censored)] }
  init(_ row: ArtefactRow) throws {
    self.init(
      person: PersonKey(try row.int(0)), start: try row.requiredDay(1), end: try row.requiredDay(2),
      censored: try row.bool(3))
  }
}

extension PersonTypology: CSVArtefact {
  static let header = ["person", "group", "episodes", "nights", "stays"]
  var fields: [String] { [String(person), group.rawValue, String(episodes), String(nights), String(stays)] }
  init(_ row: ArtefactRow) throws {
    guard let group = row.string(1).flatMap(UserGroup.init(rawValue:)) else {
      throw RunError.unreadableResult("\(row.reader.path):\(row.reader.line): unknown group", stage: "classify")
    }
    self.init(
      person: PersonKey(try row.int(0)), group: group, episodes: try row.int(2), nights: try row.int(3),
      stays: try row.int(4))
  }
}
