import CReadStat
import Foundation
import RegisterModel

/// A SAS dataset (`.sas7bdat`, SPEC 2.1) read row by row through ReadStat. ReadStat
/// pushes values through callbacks; a producer thread runs its parse and hands rows
/// over in batches through a small bounded queue, so the caller pulls rows like a text
/// file's and parsing and record building use both cores. Memory is a few batches,
/// whatever the file's size. Character values arrive as UTF-8 (ReadStat converts from
/// the dataset's encoding, or from `encoding` when given); numbers stay numbers.
public final class SASReader: RecordReader {
  public let path: String
  public let fileSize: Int
  public private(set) var header: [String] = []
  /// Each variable's SAS format as stored (`DATE9`, `DATETIME20`, empty when none).
  public private(set) var formats: [String] = []
  public private(set) var isNumeric: [Bool] = []
  /// The dataset's encoding as its header states it (`WINDOWS-1252`, `UTF-8`), if any.
  public private(set) var fileEncoding: String?
  /// Observations the header announces (nil when it does not say).
  public private(set) var announcedRows: Int?
  public private(set) var line = 0

  public var fieldCount: Int { header.count }
  public var fieldCountMatchesHeader: Bool { true }
  public var bytesConsumed: Int {
    guard let announcedRows, announcedRows > 0 else { return 0 }
    return Int(Double(fileSize) * Double(min(line, announcedRows)) / Double(announcedRows))
  }

  private let producer: Producer
  private var batch: RowBatch?
  private var row = 0
  /// The current row's numbers as text, made when a field is first asked for.
  private var numberText: [[UInt8]?] = []
  private var finished = false

  /// Opens the dataset and reads its header (the variables). `encoding` overrides the
  /// dataset's own; `rowLimit` stops after that many rows (date-format detection).
  public init(path: String, encoding: TextEncoding? = nil, rowLimit: Int? = nil) throws {
    self.path = path
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
      throw RegisterIOError("\(path): file not found")
    }
    fileSize = (attributes[.size] as? Int) ?? 0
    let start = FileHandle(forReadingAtPath: path).map { handle in
      defer { try? handle.close() }
      return [UInt8]((try? handle.read(upToCount: Self.magic.count)) ?? Data())
    }
    guard start == Self.magic else { throw RegisterIOError("\(path): not a SAS dataset (sas7bdat)") }
    if let deleted = SASDeletedRows.count(path: path), deleted > 0 {
      throw RegisterIOError(
        "\(path): the SAS dataset has \(deleted) deleted row\(deleted == 1 ? "" : "s"), which this ReadStat (1.1.8) "
          + "would read as live rows; write a clean copy in SAS first (data copy; set original; run;)")
    }
    producer = Producer(path: path, encoding: encoding, rowLimit: rowLimit)
    producer.start()
    producer.headerReady.wait()
    if let failure = producer.failureBeforeRows { throw failure }
    header = producer.names
    formats = producer.formats
    isNumeric = producer.numeric
    fileEncoding = producer.encodingName
    announcedRows = producer.rowCount
  }

  deinit { producer.cancel() }

  /// The first 32 bytes of every sas7bdat file.
  private static let magic: [UInt8] = [
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC2, 0xEA, 0x81, 0x60,
    0xB3, 0x14, 0x11, 0xCF, 0xBD, 0x92, 0x08, 0x00, 0x09, 0xC7, 0x31, 0x8C, 0x18, 0x1F, 0x10, 0x11,
  ]

  public func next() throws -> Bool {
    if finished { return false }
    row += 1
    while batch == nil || row >= batch!.count {
      if let current = batch { producer.recycle(current) }
      row = 0
      switch producer.take() {
      case .rows(let next): batch = next
      case .end(let error):
        batch = nil
        finished = true
        if let error { throw error }
        return false
      }
    }
    line += 1
    if numberText.count != header.count { numberText = Array(repeating: nil, count: header.count) }
    for index in numberText.indices where numberText[index] != nil { numberText[index] = nil }
    return true
  }

  public func field(_ index: Int) -> UnsafeRawBufferPointer {
    guard let batch else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    let slot = row * header.count + index
    if isNumeric[index] {
      if batch.missing[slot] { return UnsafeRawBufferPointer(start: nil, count: 0) }
      if numberText[index] == nil { numberText[index] = Array(Self.text(of: batch.numbers[slot]).utf8) }
      return numberText[index]!.withUnsafeBytes { UnsafeRawBufferPointer(start: $0.baseAddress, count: $0.count) }
    }
    let (start, end) = (Int(batch.textStart[slot]), Int(batch.textStart[slot + 1]))
    return batch.bytes.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[start..<end]) }
  }

  public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

  public func isMissing(_ index: Int) -> Bool {
    guard let batch else { return true }
    let slot = row * header.count + index
    return isNumeric[index] ? batch.missing[slot] : FieldValue.isMissing(field(index))
  }

  public func day(_ index: Int, _ format: DateFormat) -> Day? {
    guard isNumeric[index] else { return format.parse(field(index)) }
    guard let batch, !batch.missing[row * header.count + index] else { return nil }
    return Self.day(sasValue: batch.numbers[row * header.count + index], format: formats[index])
  }

  public func isFractionalNumber(_ index: Int) -> Bool {
    guard isNumeric[index], let batch else { return false }
    let slot = row * header.count + index
    return !batch.missing[slot] && batch.numbers[slot].rounded(.towardZero) != batch.numbers[slot]
  }

  /// The number's text: a whole number without `.0` (`101`), else the shortest decimal
  /// that reads back as the same value.
  public static func text(of value: Double) -> String {
    if value == value.rounded(.towardZero), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// Days from 1960-01-01 (SAS's epoch) to 1970-01-01 (`Day`'s).
  private static let epochOffset = 3653

  /// A SAS numeric date (days since 1960-01-01), or a datetime (seconds since
  /// 1960-01-01T00:00) when `format` is a datetime format; nil when not integral (a
  /// date) or out of range.
  public static func day(sasValue value: Double, format: String) -> Day? {
    let days: Double
    if isDatetimeFormat(format) {
      days = (value / 86_400).rounded(.down)
    } else {
      guard value == value.rounded(.towardZero) else { return nil }
      days = value
    }
    guard abs(days) < 3_000_000 else { return nil }
    return Day(rawValue: Int32(days) - Int32(epochOffset))
  }

  /// SAS datetime formats (`DATETIME20.`, `E8601DT19.`, `DATEAMPM.`, `DTDATE9.`, …).
  public static func isDatetimeFormat(_ format: String) -> Bool {
    let name = format.uppercased()
    return ["DATETIME", "DATEAMPM", "E8601DT", "B8601DT", "IS8601DT", "E8601DZ", "B8601DZ", "MDYAMPM", "NLDATM", "DT"]
      .contains { name.hasPrefix($0) }
  }
}

/// Rows of a dataset in a flat layout: `numbers` and `missing` by (row, variable),
/// character values as UTF-8 in `bytes` between `textStart` offsets.
final class RowBatch {
  static let capacity = 4096
  let columns: Int
  var count = 0
  var numbers: [Double]
  var missing: [Bool]
  var textStart: [Int32]
  var bytes: [UInt8] = []

  init(columns: Int) {
    self.columns = columns
    numbers = Array(repeating: 0, count: Self.capacity * columns)
    missing = Array(repeating: false, count: Self.capacity * columns)
    textStart = Array(repeating: 0, count: Self.capacity * columns + 1)
    bytes.reserveCapacity(1 << 16)
  }

  func reset() {
    count = 0
    bytes.removeAll(keepingCapacity: true)
  }
}

/// Runs ReadStat's parse on its own thread and queues its rows.
private final class Producer: @unchecked Sendable {
  enum Item {
    case rows(RowBatch)
    case end(RegisterIOError?)
  }

  let path: String
  let encoding: TextEncoding?
  let rowLimit: Int?
  let headerReady = DispatchSemaphore(value: 0)
  private let items = DispatchSemaphore(value: 0)
  private let slots = DispatchSemaphore(value: 3)
  private let lock = NSLock()
  private var queue: [Item] = []
  private var spare: [RowBatch] = []
  private var cancelled = false
  private var ended = false

  // Filled by the parse before `headerReady` is signalled.
  var names: [String] = []
  var formats: [String] = []
  var numeric: [Bool] = []
  var encodingName: String?
  var rowCount: Int?
  var failureBeforeRows: RegisterIOError?
  private var headerSent = false
  private var current: RowBatch?
  private var currentObservation = -1
  /// Character values arrive unconverted (UTF-8 file, or `encoding: utf8`), so they are
  /// checked for valid UTF-8 as text files are; set with the first value.
  private var checksUTF8 = false

  init(path: String, encoding: TextEncoding?, rowLimit: Int?) {
    self.path = path
    self.encoding = encoding
    self.rowLimit = rowLimit
  }

  func start() {
    let thread = Thread { [self] in parse() }
    thread.stackSize = 1 << 20
    thread.start()
  }

  /// Stops the parse (at its next value) and lets its thread end.
  func cancel() {
    lock.lock()
    cancelled = true
    lock.unlock()
    // Unblock a producer waiting for a free slot, and wait for its end.
    while true {
      slots.signal()
      if case .end = take() { return }
    }
  }

  func take() -> Item {
    lock.lock()
    if ended && queue.isEmpty {
      lock.unlock()
      return .end(nil)
    }
    lock.unlock()
    items.wait()
    lock.lock()
    let item = queue.removeFirst()
    if case .end = item { ended = true }
    lock.unlock()
    return item
  }

  /// A consumed batch goes back for reuse.
  func recycle(_ batch: RowBatch) {
    lock.lock()
    spare.append(batch)
    lock.unlock()
    slots.signal()
  }

  private func put(_ item: Item) {
    lock.lock()
    queue.append(item)
    lock.unlock()
    items.signal()
  }

  private var isCancelled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return cancelled
  }

  private func parse() {
    let parser = readstat_parser_init()
    defer { readstat_parser_free(parser) }
    readstat_set_metadata_handler(parser) { metadata, context in
      let producer = Unmanaged<Producer>.fromOpaque(context!).takeUnretainedValue()
      let rows = Int(readstat_get_row_count(metadata))
      producer.rowCount = rows >= 0 ? rows : nil
      producer.encodingName = readstat_get_file_encoding(metadata).map { String(cString: $0) }
      return Int32(READSTAT_HANDLER_OK)
    }
    readstat_set_variable_handler(parser) { _, variable, _, context in
      let producer = Unmanaged<Producer>.fromOpaque(context!).takeUnretainedValue()
      producer.names.append(readstat_variable_get_name(variable).map { String(cString: $0) } ?? "")
      producer.formats.append(readstat_variable_get_format(variable).map { String(cString: $0) } ?? "")
      producer.numeric.append(readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_NUMERIC)
      return Int32(READSTAT_HANDLER_OK)
    }
    readstat_set_value_handler(parser) { observation, variable, value, context in
      let producer = Unmanaged<Producer>.fromOpaque(context!).takeUnretainedValue()
      return producer.value(observation: Int(observation), variable: variable, value: value)
    }
    if let encoding {
      readstat_set_file_character_encoding(parser, encoding == .latin1 ? "WINDOWS-1252" : "UTF-8")
    }
    if let rowLimit { readstat_set_row_limit(parser, rowLimit) }
    let context = Unmanaged.passUnretained(self).toOpaque()
    let status = readstat_parse_sas7bdat(parser, path, context)
    if let current, current.count > 0 { put(.rows(current)) }
    var failure: RegisterIOError?
    if status != READSTAT_OK && status != READSTAT_ERROR_USER_ABORT {
      failure = error(status)
    } else if status == READSTAT_ERROR_USER_ABORT, let pending = pendingError {
      failure = pending
    }
    if !headerSent {
      failureBeforeRows = failure
      headerSent = true
      headerReady.signal()
      put(.end(nil))
      return
    }
    put(.end(failure))
  }

  /// An error found in a value (invalid UTF-8) that aborted the parse.
  private var pendingError: RegisterIOError?

  private func error(_ status: readstat_error_t) -> RegisterIOError {
    let row = rowsDelivered + 1
    switch status {
    case READSTAT_ERROR_OPEN: return RegisterIOError("\(path): cannot open the file")
    case READSTAT_ERROR_READ,
      READSTAT_ERROR_SEEK where !headerSent:
      return RegisterIOError("\(path): the SAS dataset is truncated: its pages end before row 1 could be read")
    case READSTAT_ERROR_PARSE,
      READSTAT_ERROR_UNSUPPORTED_FILE_FORMAT_VERSION where !headerSent:
      return RegisterIOError("\(path): the SAS dataset's header is corrupt (\(message(status)))")
    case READSTAT_ERROR_PARSE, READSTAT_ERROR_UNSUPPORTED_FILE_FORMAT_VERSION:
      return RegisterIOError("\(path): row \(row): the SAS dataset is corrupt (\(message(status)))")
    case READSTAT_ERROR_READ, READSTAT_ERROR_SEEK:
      return RegisterIOError("\(path): row \(row): the SAS dataset is truncated or unreadable (\(message(status)))")
    case READSTAT_ERROR_UNSUPPORTED_CHARSET, READSTAT_ERROR_CONVERT, READSTAT_ERROR_CONVERT_BAD_STRING,
      READSTAT_ERROR_CONVERT_SHORT_STRING, READSTAT_ERROR_CONVERT_LONG_STRING:
      return RegisterIOError(
        "\(path): row \(row): cannot convert the dataset's text from its encoding \(encodingName ?? "(not stated)") "
          + "(\(message(status))); set encoding: latin1 or utf8 for this source")
    default:
      return RegisterIOError("\(path): row \(row): cannot read the SAS dataset (\(message(status)))")
    }
  }

  private func message(_ status: readstat_error_t) -> String {
    readstat_error_message(status).map { String(cString: $0) } ?? "error \(status.rawValue)"
  }

  private var rowsDelivered = 0

  /// One value of the parse: rows are filled variable by variable and queued by batch.
  private func value(
    observation: Int, variable: UnsafeMutablePointer<readstat_variable_t>?, value: readstat_value_t
  ) -> Int32 {
    if !headerSent {
      let stated = encodingName?.uppercased().replacingOccurrences(of: "-", with: "")
      checksUTF8 = encoding == .utf8 || (encoding == nil && (stated == "UTF8" || stated == nil))
      headerSent = true
      headerReady.signal()
    }
    let columns = names.count
    if observation != currentObservation {
      if isCancelled { return Int32(READSTAT_HANDLER_ABORT) }
      currentObservation = observation
      if current == nil || current!.count == RowBatch.capacity {
        if let full = current {
          rowsDelivered += full.count
          put(.rows(full))
        }
        slots.wait()
        if isCancelled { return Int32(READSTAT_HANDLER_ABORT) }
        lock.lock()
        let reused = spare.popLast()
        lock.unlock()
        reused?.reset()
        current = reused ?? RowBatch(columns: columns)
      }
      current!.count += 1
    }
    let batch = current!
    let index = Int(readstat_variable_get_index(variable))
    let slot = (batch.count - 1) * columns + index
    if numeric[index] {
      batch.missing[slot] = readstat_value_is_missing(value, variable) != 0
      batch.numbers[slot] = batch.missing[slot] ? 0 : readstat_double_value(value)
    } else {
      batch.textStart[slot] = Int32(batch.bytes.count)
      if readstat_value_is_missing(value, variable) == 0, let text = readstat_string_value(value) {
        var count = strlen(text)
        text.withMemoryRebound(to: UInt8.self, capacity: count) { start in
          // SAS pads values with spaces; ReadStat drops the trailing ones, text fields
          // lose the leading ones too.
          var pointer = start
          while count > 0, pointer.pointee == 0x20 {
            pointer += 1
            count -= 1
          }
          if checksUTF8, UTF8Validation.firstInvalidByte(pointer, count: count) != nil {
            pendingError = RegisterIOError(
              "\(path): row \(rowsDelivered + batch.count): invalid UTF-8 in variable \(names[index]); the dataset "
                + "says it is UTF-8; if it is Latin-1 (Windows-1252), set encoding: latin1 for this source")
          }
          batch.bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
        }
        if pendingError != nil { return Int32(READSTAT_HANDLER_ABORT) }
      }
      batch.textStart[slot + 1] = Int32(batch.bytes.count)
    }
    return Int32(READSTAT_HANDLER_OK)
  }
}
