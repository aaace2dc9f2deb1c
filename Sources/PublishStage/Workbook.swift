import CXlsxWriter
import RegisterIO
import RegisterModel

/// The tables as one Excel workbook (`publish.formats: xlsx`), written with
/// libxlsxwriter: a first sheet `about` with the provenance and the legend, then a sheet
/// per table with the CSV's header and rows. Counts, sums and years are numbers, shares
/// are the published 4-decimal values shown as percentages, means have 1 decimal; a
/// suppressed cell reads `suppressed` on a hatched grey fill, a share of 0 persons
/// `no denominator`, a figure SPEC 7 does not report `not reported`. The workbook holds
/// the same cells as the CSV files, so disclosure control covers it the same way.
struct Workbook {
  static let fileName = "tables.xlsx"

  let tables: [Table]
  let pipeline: String
  let minCell: Int
  let provenance: ReportProvenance?

  /// A fixed creation time (2000-01-01T00:00:00Z): libxlsxwriter writes the current time
  /// otherwise, and a rerun on the same inputs must give the same bytes.
  private static let created = 946_684_800

  /// Writes the workbook to `path` (atomically: nothing is left at `path` on failure).
  func write(to path: String) throws {
    try AtomicFile.write(to: path) { temporary in
      guard let workbook = workbook_new(temporary) else {
        throw PublishError("\(path): cannot create the workbook")
      }
      let formats = Formats(workbook)
      var title = Array("regpipe tables: \(pipeline)".utf8CString)
      var properties = lxw_doc_properties()
      properties.created = time_t(Self.created)
      title.withUnsafeMutableBufferPointer { buffer in
        properties.title = buffer.baseAddress
        _ = workbook_set_properties(workbook, &properties)
      }
      writeAbout(workbook_add_worksheet(workbook, "about"), formats)
      for table in tables { writeSheet(table, workbook_add_worksheet(workbook, table.name), formats) }
      let status = workbook_close(workbook)
      guard status == LXW_NO_ERROR else {
        throw PublishError("\(path): cannot write the workbook: \(String(cString: lxw_strerror(status)))")
      }
    }
  }

  /// The `about` sheet: what the tables come from, as label and value rows, then the legend.
  private func writeAbout(_ sheet: UnsafeMutablePointer<lxw_worksheet>?, _ formats: Formats) {
    var rows: [(String, String, UnsafeMutablePointer<lxw_format>?)] = [("regpipe tables", "", formats.title)]
    rows.append(("Pipeline", provenance?.pipeline ?? pipeline, nil))
    if let provenance {
      rows += [
        ("Program", "regpipe \(provenance.programVersion)", nil),
        ("Method", "docs/SPEC.md v\(provenance.specVersion)", nil),
        ("Window", "\(provenance.window.from) – \(provenance.window.to)", nil),
      ]
      if let years = provenance.dataYears { rows.append(("Stays data", "\(years.first)–\(years.last)", nil)) }
      if provenance.synthetic {
        rows.append(
          (
            "SYNTHETIC DATA", "written by regpipe synth: invented persons and events, not register data",
            formats.warning
          ))
      }
    }
    rows += [
      ("Disclosure", "aggregated tables (SPEC 9); no published count below min_cell \(minCell)", nil),
      ("Sheets", "one per table, with the columns of its CSV file", nil), ("", "", nil),
      ("Cells without a number", "", formats.header),
      ("suppressed", "withheld by disclosure control; the row's last column lists them", formats.suppressed),
      ("no denominator", "a share or mean of zero persons", formats.blank),
      ("not reported", "returning users in the first years of the window (SPEC 7)", formats.blank),
    ]
    for (row, (label, value, format)) in rows.enumerated() {
      worksheet_write_string(sheet, lxw_row_t(row), 0, label, format)
      if !value.isEmpty {
        worksheet_write_string(sheet, lxw_row_t(row), 1, value, format == formats.warning ? format : nil)
      }
    }
    worksheet_set_column(sheet, 0, 0, 24, nil)
    worksheet_set_column(sheet, 1, 1, 80, nil)
    worksheet_set_landscape(sheet)
    worksheet_fit_to_pages(sheet, 1, 0)
  }

  private func writeSheet(_ table: Table, _ sheet: UnsafeMutablePointer<lxw_worksheet>?, _ formats: Formats) {
    let header = table.columns.map(\.name) + ["suppressed"]
    for (column, name) in header.enumerated() {
      let numeric = column < table.columns.count && table.columns[column].kind != .text
      worksheet_write_string(sheet, 0, lxw_col_t(column), name, numeric ? formats.numberHeader : formats.header)
      worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), Double(max(name.count + 2, 12)), nil)
    }
    worksheet_freeze_panes(sheet, 1, 0)
    // Printed (or turned into PDF): landscape, one page wide, the header on every page.
    worksheet_set_landscape(sheet)
    worksheet_fit_to_pages(sheet, 1, 0)
    worksheet_repeat_rows(sheet, 0, 0)
    for row in table.rows.indices {
      let sheetRow = lxw_row_t(row + 1)
      for (column, kind) in table.columns.map(\.kind).enumerated() {
        let at = lxw_col_t(column)
        guard let text = table.text(row: row, column: column) else {
          worksheet_write_string(sheet, sheetRow, at, "suppressed", formats.suppressed)
          continue
        }
        switch table.rows[row][column] {
        case .text(let value): worksheet_write_string(sheet, sheetRow, at, value, nil)
        case .int(let value):
          worksheet_write_number(sheet, sheetRow, at, Double(value), kind == .year ? formats.year : formats.count)
        // The published decimal (`0.2500`, `2.3`), not the exact ratio: the cell holds what the CSV holds.
        case .ratio:
          worksheet_write_number(sheet, sheetRow, at, Double(text)!, kind == .share ? formats.share : formats.mean)
        case .bool(let value): worksheet_write_boolean(sheet, sheetRow, at, value ? 1 : 0, nil)
        case .empty: worksheet_write_string(sheet, sheetRow, at, "no denominator", formats.blank)
        case .notReported: worksheet_write_string(sheet, sheetRow, at, "not reported", formats.blank)
        }
      }
      let suppressed = table.suppressedColumns(row: row).joined(separator: "|")
      if !suppressed.isEmpty {
        worksheet_write_string(sheet, sheetRow, lxw_col_t(table.columns.count), suppressed, nil)
      }
    }
  }

  /// The cell formats of the workbook (owned by it, freed when it is closed).
  private struct Formats {
    let title, header, numberHeader, warning, year, count, share, mean, suppressed,
      blank: UnsafeMutablePointer<lxw_format>?

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
      func format(_ configure: (UnsafeMutablePointer<lxw_format>?) -> Void) -> UnsafeMutablePointer<lxw_format>? {
        let format = workbook_add_format(workbook)
        configure(format)
        return format
      }
      title = format {
        format_set_bold($0)
        format_set_font_size($0, 14)
      }
      header = format {
        format_set_bold($0)
        format_set_bottom($0, UInt8(LXW_BORDER_THIN.rawValue))
      }
      numberHeader = format {
        format_set_bold($0)
        format_set_bottom($0, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_align($0, UInt8(LXW_ALIGN_RIGHT.rawValue))
      }
      warning = format {
        format_set_bold($0)
        format_set_font_color($0, 0xB00000)
      }
      year = format { format_set_num_format($0, "0") }
      count = format { format_set_num_format($0, "#,##0") }
      share = format { format_set_num_format($0, "0.00%") }
      mean = format { format_set_num_format($0, "0.0") }
      suppressed = format {
        format_set_italic($0)
        format_set_font_color($0, 0x666666)
        format_set_pattern($0, UInt8(LXW_PATTERN_LIGHT_UP.rawValue))
        format_set_fg_color($0, 0xDDDDDD)
      }
      blank = format {
        format_set_italic($0)
        format_set_font_color($0, 0x808080)
      }
    }
  }
}
