import Dispatch
import Foundation
import LeadbookText

/// Runs independent per-file work on every core and returns the results in input order.
public enum ParallelMap {
    public static var workers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        if count == 0 { return [] }
        if count < 8 || workers == 1 { return (0..<count).map(body) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = buffer.baseAddress!
            // Small chunks so a slow file does not hold one core while the other idles.
            let chunk = max(1, min(64, count / (workers * 8)))
            let chunks = (count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let start = index * chunk
                let end = min(count, start + chunk)
                for item in start..<end {
                    (base + item).initialize(to: body(item))
                }
            }
            initialized = count
        }
    }
}
