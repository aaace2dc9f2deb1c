/// Where written bytes go: a plain file (`FileSink`) or a gzip file (`GzipWriter`).
package protocol ByteSink: AnyObject {
  func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension FileSink: ByteSink {}
extension GzipWriter: ByteSink {}
