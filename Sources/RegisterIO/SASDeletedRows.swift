import Foundation

/// The number of rows a SAS dataset marks as deleted, read from its row-size subheader
/// (the sas7bdat layout as documented by Shotwell's and the FredHutch specification:
/// `NOBS` at 6 and `DELOBS` at 7 integer widths into the subheader). ReadStat 1.1.8,
/// Debian's, returns deleted rows as if they were live (fixed upstream only in 2026),
/// so a dataset with any is refused rather than read with rows SAS no longer shows.
/// Nil when the subheader cannot be found (the check is then silent, see DECISIONS.md).
enum SASDeletedRows {
  static func count(path: String) -> Int? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let header = try? handle.read(upToCount: 1024), header.count >= 240 else { return nil }
    let bytes = [UInt8](header)
    let is64 = bytes[32] == 0x33
    let align1 = bytes[35] == 0x33 ? 4 : 0
    let little = bytes[37] == 0x01
    func integer(_ data: [UInt8], _ offset: Int, _ width: Int) -> Int? {
      guard offset >= 0, offset + width <= data.count else { return nil }
      let slice = data[offset..<(offset + width)]
      let ordered = little ? Array(slice.reversed()) : Array(slice)
      return ordered.reduce(0) { $0 << 8 | Int($1) }
    }
    guard let headerLength = integer(bytes, 196 + align1, 4), let pageSize = integer(bytes, 200 + align1, 4),
      let pageCount = integer(bytes, 204 + align1, is64 ? 8 : 4), pageSize > 0, headerLength > 0
    else { return nil }
    let width = is64 ? 8 : 4
    let pageHeader = is64 ? 32 : 16
    let pointerSize = is64 ? 24 : 12
    // The row-size subheader sits on one of the first meta pages.
    for page in 0..<min(pageCount, 16) {
      guard (try? handle.seek(toOffset: UInt64(headerLength + page * pageSize))) != nil,
        let data = try? handle.read(upToCount: pageSize), data.count == pageSize
      else { return nil }
      let pageBytes = [UInt8](data)
      guard let subheaders = integer(pageBytes, pageHeader + 4, 2) else { return nil }
      for index in 0..<subheaders {
        let pointer = pageHeader + 8 + index * pointerSize
        guard let offset = integer(pageBytes, pointer, width), let length = integer(pageBytes, pointer + width, width),
          length >= 8 * width, offset + length <= pageBytes.count
        else { continue }
        // F7F7F7F7, padded to 8 bytes on 64-bit files: the same number either byte order.
        guard integer(pageBytes, offset, width) == 0xF7F7_F7F7 else { continue }
        return integer(pageBytes, offset + 7 * width, width)
      }
    }
    return nil
  }
}
