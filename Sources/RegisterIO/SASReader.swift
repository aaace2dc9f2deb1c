import CReadStat
import Foundation
import RegisterModel

/// A SAS dataset (`.sas7bdat`, SPEC 2.1) read row by row through ReadStat. ReadStat
/// pushes values through callbacks; a producer thread runs its parse and hands rows
/// over in batches through a small bounded queue, so the caller pulls rows like a text
/// file's and parsing and record building use both cores. Memory is a few batches,
/// whatever the file's size. Character values arrive as UTF-8 (ReadStat converts from
/// the dataset's encoding, or from `encoding` when given); numbers stay numbers.
package final class SASReader: RecordReader {
  package let path: String
  package let fileSize: Int
  package let header: [String]
  /// Each variable's SAS format as stored (`DATE9`, `DATETIME20`, empty when none).
  package let formats: [String]
  package let isNumeric: [Bool]
  /// The dataset's encoding as its header states it (`WINDOWS-1252`, `UTF-8`), if any.
  package let fileEncoding: String?
  /// Observations the header announces (nil when it does not say).
  package let announcedRows: Int?
  package var line: Int { cursor.pointee.line }

  package var fieldCount: Int { header.count }
  package var fieldCountMatchesHeader: Bool { true }
  package var bytesConsumed: Int {
    guard let announcedRows, announcedRows > 0 else { return 0 }
    return Int(Double(fileSize) * Double(min(line, announcedRows)) / Double(announcedRows))
  }

  private let producer: Producer
  /// Whether each variable's format is a datetime format.
  private let isDatetime: [Bool]
  /// Variables whose values are not read (see `init`).
  private let isSkipped: [Bool]
  /// The batch being read; its buffers are also in `cursor`, so the per-field path reads
  /// no class property (each such read cost a dynamic exclusivity check: a third of the
  /// time of a SAS load, measured with perf).
  private var batch: RowBatch?
  private let cursor: UnsafeMutablePointer<Cursor>
  /// Per variable 32 bytes where a number's text is made when asked for.
  private let numberText: UnsafeMutablePointer<UInt8>

  private struct Cursor {
    var numbers: UnsafeMutablePointer<Double>?
    var missing: UnsafeMutablePointer<Bool>?
    var textStart: UnsafeMutablePointer<Int32>?
    var bytes: UnsafeMutablePointer<UInt8>?
    /// First slot of the current row, the row within the batch and the batch's rows.
    var base = 0
    var row = -1
    var count = 0
    var line = 0
    var finished = false
  }

  /// Opens the dataset and reads its header (the variables). `encoding` overrides the
  /// dataset's own; `rowLimit` stops after that many rows (date-format detection).
  /// `variables` (names, any case) are the only ones whose values are read: ReadStat
  /// skips the others, which then read as missing (a BEF has dozens the load does not map).
  package init(path: String, encoding: TextEncoding? = nil, rowLimit: Int? = nil, variables: [String]? = nil) throws {
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
    producer = Producer(
      path: path, encoding: encoding, rowLimit: rowLimit, keep: variables.map { Set($0.map { $0.uppercased() }) })
    producer.start()
    producer.headerReady.wait()
    if let failure = producer.failureBeforeRows { throw failure }
    header = producer.names
    formats = producer.formats
    isNumeric = producer.numeric
    isSkipped = producer.skipped
    isDatetime = producer.formats.map(Self.isDatetimeFormat)
    fileEncoding = producer.encodingName
    announcedRows = producer.rowCount
    cursor = .allocate(capacity: 1)
    cursor.initialize(to: Cursor())
    numberText = .allocate(capacity: max(1, producer.names.count) * 32)
  }

  deinit {
    producer.cancel()
    cursor.deinitialize(count: 1)
    cursor.deallocate()
    numberText.deallocate()
  }

  /// The first 32 bytes of every sas7bdat file.
  private static let magic: [UInt8] = [
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC2, 0xEA, 0x81, 0x60,
    0xB3, 0x14, 0x11, 0xCF, 0xBD, 0x92, 0x08, 0x00, 0x09, 0xC7, 0x31, 0x8C, 0x18, 0x1F, 0x10, 0x11,
  ]

  package func next() throws -> Bool {
    if cursor.pointee.finished { return false }
    cursor.pointee.row += 1
    if cursor.pointee.row >= cursor.pointee.count {
      if let current = batch { producer.recycle(current) }
      batch = nil
      repeat {
        switch producer.take() {
        case .rows(let next): batch = next
        case .end(let error):
          cursor.pointee.finished = true
          if let error { throw error }
          return false
        }
      } while batch!.fill.pointee.count == 0
      let next = batch!
      cursor.pointee = Cursor(
        numbers: next.numbers, missing: next.missing, textStart: next.textStart, bytes: next.fill.pointee.bytes,
        base: 0, row: 0, count: next.fill.pointee.count, line: cursor.pointee.line, finished: false)
    }
    cursor.pointee.base = cursor.pointee.row * header.count
    cursor.pointee.line += 1
    return true
  }

  package func field(_ index: Int) -> UnsafeRawBufferPointer {
    let slot = cursor.pointee.base + index
    guard let missing = cursor.pointee.missing, !isSkipped[index] else {
      return UnsafeRawBufferPointer(start: nil, count: 0)
    }
    if isNumeric[index] {
      if missing[slot] { return UnsafeRawBufferPointer(start: nil, count: 0) }
      let buffer = numberText + index * 32
      let count = Self.writeText(of: cursor.pointee.numbers![slot], into: buffer)
      return UnsafeRawBufferPointer(start: buffer, count: count)
    }
    let textStart = cursor.pointee.textStart!
    let start = Int(textStart[slot])
    return UnsafeRawBufferPointer(start: cursor.pointee.bytes! + start, count: Int(textStart[slot + 1]) - start)
  }

  package func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

  package func isMissing(_ index: Int) -> Bool {
    guard let missing = cursor.pointee.missing, !isSkipped[index] else { return true }
    return isNumeric[index] ? missing[cursor.pointee.base + index] : FieldValue.isMissing(field(index))
  }

  package func day(_ index: Int, _ format: DateFormat) -> Day? {
    guard !isSkipped[index] else { return nil }
    guard isNumeric[index] else { return format.parse(field(index)) }
    let slot = cursor.pointee.base + index
    guard let missing = cursor.pointee.missing, !missing[slot] else { return nil }
    return Self.day(sasValue: cursor.pointee.numbers![slot], datetime: isDatetime[index])
  }

  package func isFractionalNumber(_ index: Int) -> Bool {
    guard isNumeric[index], !isSkipped[index], let missing = cursor.pointee.missing else { return false }
    let slot = cursor.pointee.base + index
    let value = cursor.pointee.numbers![slot]
    return !missing[slot] && value.rounded(.towardZero) != value
  }

  /// Writes the number's text (`text(of:)`) into `buffer` (32 bytes); returns its length.
  /// Whole numbers, nearly every value of a register, are written digit by digit.
  private static func writeText(of value: Double, into buffer: UnsafeMutablePointer<UInt8>) -> Int {
    guard value == value.rounded(.towardZero), abs(value) < 1e15 else {
      let text = "\(value)".utf8
      let count = min(text.count, 32)
      _ = UnsafeMutableBufferPointer(start: buffer, count: 32).initialize(from: text.prefix(count))
      return count
    }
    var magnitude = Int64(value).magnitude
    var digits = 0
    repeat {
      buffer[31 - digits] = UInt8(ascii: "0") + UInt8(magnitude % 10)
      magnitude /= 10
      digits += 1
    } while magnitude > 0
    if value < 0 {
      buffer[31 - digits] = UInt8(ascii: "-")
      digits += 1
    }
    (buffer).update(from: buffer + 32 - digits, count: digits)
    return digits
  }

  /// The number's text: a whole number without `.0` (`101`), else the shortest decimal
  /// that reads back as the same value.
  package static func text(of value: Double) -> String {
    if value == value.rounded(.towardZero), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// Days from 1960-01-01 (SAS's epoch) to 1970-01-01 (`Day`'s).
  private static let epochOffset = 3653

  /// A SAS numeric date (days since 1960-01-01), or a datetime (seconds since
  /// 1960-01-01T00:00) when `format` is a datetime format; nil when not integral (a
  /// date) or out of range.
  package static func day(sasValue value: Double, format: String) -> Day? {
    day(sasValue: value, datetime: isDatetimeFormat(format))
  }

  static func day(sasValue value: Double, datetime: Bool) -> Day? {
    let days: Double
    if datetime {
      days = (value / 86_400).rounded(.down)
    } else {
      guard value == value.rounded(.towardZero) else { return nil }
      days = value
    }
    guard abs(days) < 3_000_000 else { return nil }
    return Day(rawValue: Int32(days) - Int32(epochOffset))
  }

  /// SAS datetime formats (`DATETIME20.`, `E8601DT19.`, `DATEAMPM.`, `DTDATE9.`, …).
  package static func isDatetimeFormat(_ format: String) -> Bool {
    let name = format.uppercased()
    return ["DATETIME", "DATEAMPM", "E8601DT", "B8601DT", "IS8601DT", "E8601DZ", "B8601DZ", "MDYAMPM", "NLDATM", "DT"]
      .contains { name.hasPrefix($0) }
  }
}

/// Rows of a dataset in a flat layout: `numbers` and `missing` by (row, variable),
/// character values as UTF-8 in `fill.bytes` between `textStart` offsets. Buffers are
/// allocated once and reused; the mutable counts sit behind a pointer (no exclusivity
/// checks per value).
final class RowBatch {
  static let capacity = 4096
  let numbers: UnsafeMutablePointer<Double>
  let missing: UnsafeMutablePointer<Bool>
  let textStart: UnsafeMutablePointer<Int32>
  let fill: UnsafeMutablePointer<Fill>

  struct Fill {
    var count = 0
    var bytes: UnsafeMutablePointer<UInt8>
    var byteCount = 0
    var byteCapacity: Int
  }

  init(columns: Int) {
    let slots = Self.capacity * max(columns, 1)
    numbers = .allocate(capacity: slots)
    missing = .allocate(capacity: slots)
    missing.initialize(repeating: false, count: slots)
    textStart = .allocate(capacity: slots + 1)
    textStart.initialize(repeating: 0, count: slots + 1)
    fill = .allocate(capacity: 1)
    fill.initialize(to: Fill(bytes: .allocate(capacity: 1 << 16), byteCapacity: 1 << 16))
  }

  deinit {
    numbers.deallocate()
    missing.deallocate()
    textStart.deallocate()
    fill.pointee.bytes.deallocate()
    fill.deallocate()
  }

  func reset() {
    fill.pointee.count = 0
    fill.pointee.byteCount = 0
  }
}

extension RowBatch.Fill {
  /// Appends `count` bytes of a character value, growing the byte buffer as needed.
  mutating func append(_ source: UnsafePointer<UInt8>, count: Int) {
    if byteCount + count > byteCapacity {
      let capacity = max(byteCapacity * 2, byteCount + count)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
      grown.update(from: bytes, count: byteCount)
      bytes.deallocate()
      (bytes, byteCapacity) = (grown, capacity)
    }
    (bytes + byteCount).update(from: source, count: count)
    byteCount += count
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
  /// Character values arrive unconverted (UTF-8 file, or `encoding: utf8`), so they are
  /// checked for valid UTF-8 as text files are; set with the first value.
  private var checksUTF8 = false

  /// Upper-cased names of the variables to read; nil reads all.
  let keep: Set<String>?
  var skipped: [Bool] = []

  init(path: String, encoding: TextEncoding?, rowLimit: Int?, keep: Set<String>?) {
    self.path = path
    self.encoding = encoding
    self.rowLimit = rowLimit
    self.keep = keep
  }

  func start() {
    let thread = Thread { [self] in parse() }
    thread.stackSize = 1 << 20
    thread.start()
  }

  /// Stops the parse (at its next batch) and lets its thread end.
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
      let skip = producer.keep.map { !$0.contains(producer.names.last!.uppercased()) } ?? false
      producer.skipped.append(skip)
      return Int32(skip ? READSTAT_HANDLER_SKIP_VARIABLE : READSTAT_HANDLER_OK)
    }
    readstat_set_value_handler(parser) { observation, variable, value, context in
      // Called once per value: borrow the producer without a retain and release each time
      // (they were 9 % of a SAS load, BENCHMARKS.md); the parse holds it.
      Unmanaged<Producer>.fromOpaque(context!)._withUnsafeGuaranteedRef {
        $0.value(observation: Int(observation), variable: variable, value: value)
      }
    }
    if let encoding {
      readstat_set_file_character_encoding(parser, encoding == .latin1 ? "WINDOWS-1252" : "UTF-8")
    }
    if let rowLimit { readstat_set_row_limit(parser, rowLimit) }
    let context = Unmanaged.passUnretained(self).toOpaque()
    let status = readstat_parse_sas7bdat(parser, path, context)
    if let current, current.fill.pointee.count > 0 { put(.rows(current)) }
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

  /// The parse's position, behind a pointer so the per-value path reads no class property.
  private struct Position {
    var columns = 0
    var observation = -1
    var rowsDelivered = 0
    var numeric: UnsafeMutablePointer<Bool>?
    var numbers: UnsafeMutablePointer<Double>?
    var missing: UnsafeMutablePointer<Bool>?
    var textStart: UnsafeMutablePointer<Int32>?
    var fill: UnsafeMutablePointer<RowBatch.Fill>?
    /// First slot of the row being filled.
    var base = 0
  }

  private let position: UnsafeMutablePointer<Position> = {
    let pointer = UnsafeMutablePointer<Position>.allocate(capacity: 1)
    pointer.initialize(to: Position())
    return pointer
  }()

  private var rowsDelivered: Int { position.pointee.rowsDelivered }

  deinit {
    position.pointee.numeric?.deallocate()
    position.deallocate()
  }

  /// Starts a row: a new batch when there is none or it is full (waiting for a free
  /// slot, and stopping there when the reader was dropped). False to abort.
  private func startRow(_ observation: Int) -> Bool {
    position.pointee.observation = observation
    if current == nil || current!.fill.pointee.count == RowBatch.capacity {
      if let full = current {
        position.pointee.rowsDelivered += full.fill.pointee.count
        put(.rows(full))
      }
      slots.wait()
      if isCancelled { return false }
      lock.lock()
      let reused = spare.popLast()
      lock.unlock()
      reused?.reset()
      let batch = reused ?? RowBatch(columns: position.pointee.columns)
      current = batch
      position.pointee.numbers = batch.numbers
      position.pointee.missing = batch.missing
      position.pointee.textStart = batch.textStart
      position.pointee.fill = batch.fill
    }
    let batch = current!
    position.pointee.base = batch.fill.pointee.count * position.pointee.columns
    batch.fill.pointee.count += 1
    return true
  }

  /// One value of the parse: rows are filled variable by variable and queued by batch.
  private func value(
    observation: Int, variable: UnsafeMutablePointer<readstat_variable_t>?, value: readstat_value_t
  ) -> Int32 {
    if !headerSent {
      let stated = encodingName?.uppercased().replacingOccurrences(of: "-", with: "")
      checksUTF8 = encoding == .utf8 || (encoding == nil && (stated == "UTF8" || stated == nil))
      position.pointee.columns = names.count
      let numericFlags = UnsafeMutablePointer<Bool>.allocate(capacity: max(names.count, 1))
      numericFlags.initialize(from: numeric, count: numeric.count)
      position.pointee.numeric = numericFlags
      headerSent = true
      headerReady.signal()
    }
    if observation != position.pointee.observation, !startRow(observation) { return Int32(READSTAT_HANDLER_ABORT) }
    // The value and variable are read as `readstat.h` declares them, not through
    // ReadStat's accessors: five calls a value were a fifth of a SAS load (BENCHMARKS.md).
    // A sas7bdat value is missing only as `.`, `._` or `.A`–`.Z` (system or tagged): SAS
    // has no user-defined missing ranges, which `readstat_value_is_missing` also checks.
    let index = Int(variable!.pointee.index)
    let slot = position.pointee.base + index
    if position.pointee.numeric![index] {
      let isMissing = value.is_system_missing != 0 || value.is_tagged_missing != 0
      let number = value.type == READSTAT_TYPE_DOUBLE ? value.v.double_value : readstat_double_value(value)
      position.pointee.missing![slot] = isMissing
      position.pointee.numbers![slot] = isMissing ? 0 : number
      return Int32(READSTAT_HANDLER_OK)
    }
    let fill = position.pointee.fill!
    let textStart = position.pointee.textStart!
    textStart[slot] = Int32(fill.pointee.byteCount)
    let text = value.type == READSTAT_TYPE_STRING ? value.v.string_value : readstat_string_value(value)
    if value.is_system_missing == 0, value.is_tagged_missing == 0, let text {
      var count = strlen(text)
      let invalid = text.withMemoryRebound(to: UInt8.self, capacity: count) { start -> Bool in
        // SAS pads values with spaces; ReadStat drops the trailing ones, text fields
        // lose the leading ones too.
        var pointer = start
        while count > 0, pointer.pointee == 0x20 {
          pointer += 1
          count -= 1
        }
        if checksUTF8, UTF8Validation.firstInvalidByte(pointer, count: count) != nil { return true }
        fill.pointee.append(pointer, count: count)
        return false
      }
      if invalid {
        pendingError = RegisterIOError(
          "\(path): row \(rowsDelivered + fill.pointee.count): invalid UTF-8 in variable \(names[index]); the "
            + "dataset says it is UTF-8; if it is Latin-1 (Windows-1252), set encoding: latin1 for this source")
        return Int32(READSTAT_HANDLER_ABORT)
      }
    }
    textStart[slot + 1] = Int32(fill.pointee.byteCount)
    return Int32(READSTAT_HANDLER_OK)
  }
}
