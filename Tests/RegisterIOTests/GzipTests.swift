import Foundation
import RegisterIO
import TestSupport
import XCTest

final class GzipTests: XCTestCase {
  var directory: String!

  override func setUpWithError() throws {
    directory = NSTemporaryDirectory() + "regpipe-gzip-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: directory)
  }

  private func readAll(_ path: String) throws -> [UInt8] {
    let reader = try ByteReader(path: path, bufferSize: 64)
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 100)
    while true {
      let n = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
      if n == 0 { break }
      result += buffer[0..<n]
    }
    return result
  }

  private func writeGzip(_ text: String, to path: String) throws {
    let writer = try GzipWriter(path: path)
    try writer.write(text)
    try writer.finish()
  }

  func testRoundTrip() throws {
    let text = String(repeating: "PNR;INDDTO\n0101011234;14MAR2019\n", count: 1000)
    let path = directory + "/a.csv.gz"
    try writeGzip(text, to: path)
    XCTAssertEqual(try readAll(path), Array(text.utf8))
  }

  /// A member with every optional header field (FEXTRA, FNAME, FCOMMENT, FHCRC) and a
  /// stored deflate block, as other writers make them: read whole, and a wrong header
  /// CRC is a corrupt stream.
  /// Small writes are gathered before deflate sees them: writes of 1 byte to 200 KB,
  /// across the gathering buffer's edge, read back whole and give the bytes one write of
  /// everything gives, so an artefact's file does not depend on how its rows were handed over.
  /// The same for the `fastPath` writer (ISA-L).
  func testWritesOfAnySizeGiveTheBytesOfOneWrite() throws {
    var random = SystemRandomNumberGenerator()
    let text = (0..<400_000).map { _ in UInt8.random(in: 0x30...0x3A, using: &random) }
    let sizes = [1, 30, 65_535, 65_536, 65_537, 200_000, 7, 17, 40_000]
    for fast in [false, true] {
      func writer(_ name: String) throws -> GzipWriter {
        fast
          ? try GzipWriter(fastPath: "\(directory!)/\(name)") : try GzipWriter(path: "\(directory!)/\(name)", level: 1)
      }
      let pieces = try writer("pieces.gz")
      var offset = 0
      var turn = 0
      while offset < text.count {
        let end = min(text.count, offset + sizes[turn % sizes.count])
        try pieces.write(Array(text[offset..<end]))
        offset = end
        turn += 1
      }
      try pieces.finish()
      let whole = try writer("whole.gz")
      try whole.write(text)
      try whole.finish()
      XCTAssertEqual(try readAll("\(directory!)/pieces.gz"), text, fast ? "fast" : "zlib")
      XCTAssertEqual(
        FileManager.default.contents(atPath: "\(directory!)/pieces.gz"),
        FileManager.default.contents(atPath: "\(directory!)/whole.gz"), fast ? "fast" : "zlib")
    }
  }

  /// The `fastPath` writer makes standard gzip: `gzip -dc` gives the text back, also for an
  /// empty file and for a text far larger than the writer's buffers.
  func testFastWriterMakesFilesGzipReads() throws {
    let rows = (0..<200_000).map { "\($0);0101011234;14MAR2019;\($0 % 97)\n" }.joined()
    for (name, text) in [("empty.gz", ""), ("rows.gz", rows)] {
      let path = "\(directory!)/\(name)"
      let writer = try GzipWriter(fastPath: path)
      try writer.write(text)
      try writer.finish()
      let (data, status) = try systemGunzip(path)
      XCTAssertEqual(status, 0, name)
      XCTAssertEqual(data, Data(text.utf8), name)
      XCTAssertEqual(try readAll(path), Array(text.utf8), name)
    }
  }

  func testOptionalHeaderFieldsAndStoredBlocks() throws {
    let text = Array("PNR;INDDTO\n0101011234;14MAR2019\n".utf8)
    // FLG 0x1e: FHCRC, FEXTRA, FNAME, FCOMMENT; XLEN 4 holding one empty subfield "AB".
    var header: [UInt8] = [0x1f, 0x8b, 8, 0x1e, 0, 0, 0, 0, 0, 3, 4, 0, 0x41, 0x42, 0, 0]
    header += Array("stays.csv".utf8) + [0] + Array("from a test".utf8) + [0]
    let headerCRC = Self.crc32(header) & 0xffff
    let body: [UInt8] =
      [1, UInt8(text.count & 0xff), UInt8(text.count >> 8), ~UInt8(text.count & 0xff), ~UInt8(text.count >> 8)]
      + text
    let trailer = Self.littleEndian(Self.crc32(text)) + Self.littleEndian(UInt32(text.count))
    let path = directory + "/fields.gz"
    try Data(header + Self.littleEndian(headerCRC).prefix(2) + body + trailer).write(to: URL(fileURLWithPath: path))
    XCTAssertEqual(try readAll(path), text)

    let wrong = directory + "/wrong.gz"
    try Data(header + Self.littleEndian(headerCRC ^ 1).prefix(2) + body + trailer).write(
      to: URL(fileURLWithPath: wrong))
    XCTAssertThrowsError(try readAll(wrong)) { error in
      XCTAssertTrue("\(error)".hasPrefix("\(wrong): corrupt gzip stream at byte offset "), "\(error)")
    }
  }

  /// CRC-32 (RFC 1952), bit by bit: the test's own check value, independent of the reader.
  private static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xffff_ffff
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
    }
    return ~crc
  }

  private static func littleEndian(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }

  func testPlainFilesAreReadAsTheyAre() throws {
    let path = directory + "/plain.csv"
    try "a;b\n1;2\n".write(toFile: path, atomically: true, encoding: .utf8)
    XCTAssertEqual(String(decoding: try readAll(path), as: UTF8.self), "a;b\n1;2\n")
    XCTAssertFalse(try ByteReader(path: path).isGzip)
  }

  func testMultiMemberFileIsReadWhole() throws {
    try writeGzip("first\n", to: directory + "/a.gz")
    try writeGzip("second\n", to: directory + "/b.gz")
    let joined =
      try Data(contentsOf: URL(fileURLWithPath: directory + "/a.gz"))
      + Data(contentsOf: URL(fileURLWithPath: directory + "/b.gz"))
    try joined.write(to: URL(fileURLWithPath: directory + "/c.gz"))
    XCTAssertEqual(String(decoding: try readAll(directory + "/c.gz"), as: UTF8.self), "first\nsecond\n")
  }

  func testTruncatedGzipNamesFileAndOffset() throws {
    let path = directory + "/t.gz"
    var text = ""
    for i in 0..<5000 { text += "\(i * 7919 % 10007);row\n" }
    try writeGzip(text, to: path)
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
    XCTAssertThrowsError(try readAll(path)) { error in
      XCTAssertEqual(
        "\(error)",
        "\(path): truncated gzip stream: the file ends at byte offset \(data.count / 2) inside a compressed member")
    }
  }

  func testCorruptGzipNamesFileAndOffset() throws {
    let path = directory + "/c.gz"
    try writeGzip(String(repeating: "abcdefgh\n", count: 100), to: path)
    var data = try Data(contentsOf: URL(fileURLWithPath: path))
    data[data.count - 5] ^= 0xff  // inside the CRC-32/length trailer
    try data.write(to: URL(fileURLWithPath: path))
    XCTAssertThrowsError(try readAll(path)) { error in
      XCTAssertTrue("\(error)".hasPrefix("\(path): corrupt gzip stream at byte offset "), "\(error)")
    }
  }

  func testAtomicWriteLeavesNoTemporaryFileOnError() throws {
    let path = directory + "/result.csv"
    try AtomicFile.write("old\n", to: path)
    struct Interrupted: Error {}
    XCTAssertThrowsError(
      try AtomicFile.write(to: path) { temporary in
        try "partial".write(toFile: temporary, atomically: false, encoding: .utf8)
        throw Interrupted()
      })
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["result.csv"])
  }
}

final class AtomicDirectoryTests: XCTestCase {
  func testReplaceSwapsCompleteFoldersAndRemovesTheOld() throws {
    let root = NSTemporaryDirectory() + "regpipe-dir-\(UUID().uuidString)"
    defer { try? AtomicDirectory.removeTree(root) }
    try AtomicDirectory.create(root + "/tables")
    try AtomicFile.write("old\n", to: root + "/tables/a.csv")
    try AtomicDirectory.create(root + "/.tables.new")
    try AtomicFile.write("new\n", to: root + "/.tables.new/a.csv")
    try AtomicFile.write("new\n", to: root + "/.tables.new/b.csv")

    try AtomicDirectory.replace(root + "/tables", with: root + "/.tables.new")

    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root).sorted(), ["tables"])
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/tables").sorted(), ["a.csv", "b.csv"])
    XCTAssertEqual(try String(contentsOfFile: root + "/tables/a.csv", encoding: .utf8), "new\n")
  }

  func testReplaceCreatesTheFolderWhenThereIsNone() throws {
    let root = NSTemporaryDirectory() + "regpipe-dir-\(UUID().uuidString)"
    defer { try? AtomicDirectory.removeTree(root) }
    try AtomicDirectory.create(root + "/staged")
    try AtomicDirectory.replace(root + "/tables", with: root + "/staged")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root), ["tables"])
  }
}
