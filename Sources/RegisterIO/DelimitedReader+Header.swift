extension DelimitedReader {
  /// Skips a UTF-8 BOM (in `latin1` sources too, where those bytes can only be the mark of
  /// a mislabelled UTF-8 file), decides the delimiter and reads the header row.
  func readHeader(delimiter requested: Delimiter) throws {
    let s = state
    while s.pointee.end - s.pointee.position < 3, !s.pointee.sourceEnded { try refill() }
    let p = s.pointee.buffer + s.pointee.position
    if s.pointee.end - s.pointee.position >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF {
      s.pointee.position += 3
    }
    switch requested {
    case .byte(let byte):
      delimiter = byte
    case .auto:
      // Read the header line as one field, count candidates, then read it again.
      s.pointee.separator = ByteCode.lineFeed
      guard try advance(unquote: false) else { throw emptyFileError }
      let bytes = recordBytes
      delimiter = Self.mostFrequentCandidate(bytes.start, count: bytes.count)
      s.pointee.position = s.pointee.recordStart
      s.pointee.nextLine = s.pointee.line
    }
    s.pointee.separator = delimiter ?? ByteCode.lineFeed
    guard try advance(unquote: true) else { throw emptyFileError }
    headerLine = line
    header = (0..<fieldCount).map { string($0) }
  }

  private var emptyFileError: RegisterIOError {
    RegisterIOError("\(path): the file is empty; a header line was expected")
  }

  /// The candidate delimiter found most often outside quotes; ties go to the first in
  /// `Delimiter.candidates`; nil when there is none (one column).
  static func mostFrequentCandidate(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> UInt8? {
    var counts = [Int](repeating: 0, count: Delimiter.candidates.count)
    var inQuotes = false
    for i in 0..<count {
      let byte = bytes[i]
      if byte == ByteCode.quote {
        inQuotes.toggle()
      } else if !inQuotes, let slot = Delimiter.candidates.firstIndex(of: byte) {
        counts[slot] += 1
      }
    }
    guard let best = counts.max(), best > 0 else { return nil }
    return Delimiter.candidates[counts.firstIndex(of: best)!]
  }

  /// The index of the header column `name`: an exact match, else the only match ignoring
  /// case (SAS exports write `pnr` as well as `PNR`).
  package func columnIndex(_ name: String) -> Int? {
    if let exact = header.firstIndex(of: name) { return exact }
    let lowered = name.lowercased()
    let matches = header.indices.filter { header[$0].lowercased() == lowered }
    return matches.count == 1 ? matches[0] : nil
  }

  /// Like `columnIndex(_:)`, but a missing column is an error naming the file, the column
  /// looked for and the header found.
  public func requireColumn(_ name: String) throws -> Int {
    guard let index = columnIndex(name) else {
      throw RegisterIOError(
        "\(path): column \(name) not found; the header has: \(header.joined(separator: ", "))")
    }
    return index
  }
}
