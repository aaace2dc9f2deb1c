import Foundation

/// A folder of published tables read back as CSV records (header first), for `diff` and
/// `audit`: its `<name>.csv` files in either dialect, or, when it holds none, the sheets
/// of its `tables.xlsx`.
struct PublishedFolder {
  /// Table name → the file it was read from (for messages) and its records.
  let tables: [String: (source: String, records: [[String]])]

  init(_ folder: String) throws {
    let files: [String]
    do {
      files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }
    } catch {
      throw PublishError("\(folder): cannot read the tables folder")
    }
    var tables: [String: (String, [[String]])] = [:]
    for file in files where file.hasSuffix(".csv") {
      let path = folder + "/" + file
      guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        throw PublishError("\(path): cannot read the table (UTF-8 CSV expected)")
      }
      tables[String(file.dropLast(4))] = (path, CSVText.tableRecords(text))
    }
    if tables.isEmpty, files.contains(Workbook.fileName) {
      let path = folder + "/" + Workbook.fileName
      for (name, records) in try WorkbookReader.tables(at: path) { tables[name] = ("\(path), sheet \(name)", records) }
    }
    self.tables = tables
  }
}
