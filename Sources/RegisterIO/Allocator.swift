import CShims

/// The process's memory allocator.
package enum Allocator {
  /// Keeps freed memory for reuse instead of returning it to the kernel (glibc). A rerun
  /// of publish alone took 1.53 s against 0.98 s with it, a third of it in page faults
  /// (BENCHMARKS.md, session 9); call once, at the start of the process.
  package static func keepFreedMemory() { regpipe_keep_freed_memory() }
}
