import RegisterIO
import RegisterModel

/// A value that is one setting: rendered as the pipeline file would show it.
package protocol SettingText {
  var settingText: String { get }
}

/// An element of a list that is named in settings by its own name (`sources.<name>.…`,
/// `indicators.<name>`); the list itself is the names in order, since order matters.
package protocol NamedSetting {
  var settingName: String { get }
}

/// A value that lists its own settings, by names relative to it, instead of being read
/// field by field (a source, whose error-message line numbers are not settings).
package protocol SettingsRepresentable {
  var settings: [(name: String, value: String)] { get }
}

/// The settings a stage's parameter value holds, found by reflection: every stored
/// property is a setting, so a stage cannot read a field its stamp does not cover.
/// Names are the pipeline file's (`episodeGapDays` → `episode_gap_days`, nested values
/// dotted); values are rendered as in `effectiveSettings`.
package enum StageSettings {
  package static func of(_ value: Any) -> [(name: String, value: String)] {
    var settings: [(String, String)] = []
    flatten(value, name: "", into: &settings)
    return settings
  }

  private static func flatten(_ value: Any, name: String, into settings: inout [(String, String)]) {
    if let text = leafText(value) { return settings.append((name, text)) }
    if let own = value as? SettingsRepresentable {
      settings += own.settings.map { (join(name, $0.name), $0.value) }
      return
    }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
      if let wrapped = mirror.children.first?.value {
        flatten(wrapped, name: name, into: &settings)
      } else {
        settings.append((name, "none"))
      }
    case .collection:
      let elements = mirror.children.map(\.value)
      if !elements.isEmpty, let named = elements as? [NamedSetting] {
        settings.append((name, Render.list(named.map { Render.text($0.settingName) })))
        for element in named { flatten(element, name: join(name, element.settingName), into: &settings) }
      } else {
        let texts = elements.map { element in
          guard let text = leafText(element) else { preconditionFailure("\(name): a list of \(type(of: element))") }
          return text
        }
        settings.append((name, Render.list(texts)))
      }
    case .dictionary:
      let entries = mirror.children.map { entry in
        let pair = Array(Mirror(reflecting: entry.value).children.map(\.value))
        return (key: leafText(pair[0]).map(unquoted) ?? "\(pair[0])", value: pair[1])
      }
      for entry in entries.sorted(by: { $0.key < $1.key }) {
        flatten(entry.value, name: join(name, entry.key), into: &settings)
      }
    case .struct, .class:
      for child in mirror.children {
        flatten(child.value, name: join(name, snakeCase(child.label ?? "")), into: &settings)
      }
    default:
      preconditionFailure("\(name): no setting text for \(type(of: value))")
    }
  }

  private static func leafText(_ value: Any) -> String? {
    switch value {
    case let setting as SettingText: setting.settingText
    case let text as String: Render.text(text)
    case let number as Int: String(number)
    case let number as Double: String(number)
    case let flag as Bool: String(flag)
    case let named as any RawRepresentable: named.rawValue as? String
    default: nil
    }
  }

  private static func unquoted(_ text: String) -> String {
    text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
  }

  private static func join(_ prefix: String, _ name: String) -> String {
    prefix.isEmpty ? name : name.isEmpty ? prefix : prefix + "." + name
  }

  private static func snakeCase(_ label: String) -> String {
    var result = ""
    for character in label {
      if character.isUppercase {
        result += "_" + character.lowercased()
      } else {
        result.append(character)
      }
    }
    return result
  }
}

extension Day: SettingText {
  package var settingText: String { description }
}

extension Delimiter: SettingText {
  /// `auto`, or the delimiter quoted as in a pipeline file (`";"`, `"\t"`).
  package var settingText: String {
    switch self {
    case .auto: "auto"
    case .byte(let byte): Render.text(String(UnicodeScalar(byte)))
    }
  }
}

extension Indicator: NamedSetting, SettingText {
  package var settingName: String { name }
  package var settingText: String { "\(combination.rawValue) \(Render.list(services.map(Render.text)))" }
}

extension SourceConfig: NamedSetting, SettingsRepresentable {
  package var settingName: String { name }

  /// This source's settings, all read by load, in pipeline-file order.
  package var settings: [(name: String, value: String)] {
    // A SAS dataset without a stated encoding is decoded from its own; the lines of a
    // text-only source read as before SAS input existed.
    let mayReadSAS = format == .sas7bdat || (format == .auto && files.contains { format.readsSAS($0) })
    var values: [(String, String)] = [("kind", kind.rawValue), ("files", Render.list(files.map(Render.text)))]
    if format != .auto { values.append(("format", format.rawValue)) }
    values += [
      ("delimiter", delimiter.settingText),
      ("encoding", statedEncoding?.rawValue ?? (mayReadSAS ? "utf8 (SAS datasets: their own)" : encoding.rawValue)),
      ("date_format", dateFormat.rawValue),
      ("extract_date", extractDate?.description ?? "none"),
    ]
    values += CanonicalColumn.allCases.compactMap { column in
      columns[column].map { ("columns.\(column.rawValue)", Render.text($0)) }
    }
    if let service { values.append(("service", Render.text(service))) }
    if let codes { values.append(("codes", Render.list(codes.map(Render.text)))) }
    return values
  }
}
