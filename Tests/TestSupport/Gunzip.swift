import Foundation

/// A gzip file's contents as the system's `gzip -dc` reads them, with its exit status:
/// an independent reader for the files regpipe writes.
public func systemGunzip(_ path: String) throws -> (data: Data, status: Int32) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["gzip", "-dc", path]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (data, process.terminationStatus)
}
