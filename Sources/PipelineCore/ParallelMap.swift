import Dispatch
import Foundation

/// Maps `0..<count` on up to `jobs` threads, keeping results in index order. The first
/// error in index order is thrown, so a failing run fails the same way every time.
/// `order`, a permutation of the indices, is the order work is started in (e.g. largest
/// file first, so one big register does not start last and run alone).
package func parallelMap<T: Sendable>(
  _ count: Int, jobs: Int, order: [Int]? = nil, _ work: @Sendable @escaping (Int) throws -> T
) throws -> [T] {
  let slots = ResultSlots<T>(count, order: order)
  let threads = max(1, min(jobs, count))
  DispatchQueue.concurrentPerform(iterations: threads) { _ in
    while let i = slots.take() { slots.put(i, Result { try work(i) }) }
  }
  return try slots.results.map { try $0!.get() }
}

/// Results by index, filled by worker threads under a lock.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
  var results: [Result<T, Error>?]
  private let lock = NSLock()
  private var next = 0
  private let order: [Int]?

  init(_ count: Int, order: [Int]?) {
    results = Array(repeating: nil, count: count)
    self.order = order
  }

  /// The next index to work on, or nil when all are taken.
  func take() -> Int? {
    lock.withLock {
      defer { next += 1 }
      guard next < results.count else { return nil }
      return order?[next] ?? next
    }
  }

  func put(_ index: Int, _ result: Result<T, Error>) { lock.withLock { results[index] = result } }
}
