import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer at a time per workspace: commands that write hold `.leadbook/lock` while they
/// read, change and write files, so two commands started together never lose an update.
public final class WorkspaceLock {
    private var descriptor: Int32 = -1
    private let path: String

    public struct Busy: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "another leadbook command holds \(path); try again when it has finished" }
    }

    /// Waits (up to `timeout` seconds) for the lock of the workspace at `root`.
    public init(root: String, timeout: Double = 30) throws {
        let directory = root + "/.leadbook"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/lock"
        let deadline = Date().addingTimeInterval(timeout)
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw Busy(path: path) }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if Date() > deadline {
                close(descriptor)
                throw Busy(path: path)
            }
            usleep(5_000)
        }
        #else
        // Exclusive creation of the lock file stands in for a file lock.
        while !FileManager.default.createFile(atPath: path + ".held", contents: nil) || !Self.claim(path + ".held") {
            if Date() > deadline { throw Busy(path: path) }
            Thread.sleep(forTimeInterval: 0.005)
        }
        #endif
    }

    #if !(canImport(Glibc) || canImport(Darwin) || canImport(Musl))
    static func claim(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }
    #endif

    public func release() {
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        if descriptor >= 0 {
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
        #else
        try? FileManager.default.removeItem(atPath: path + ".held")
        #endif
    }

    deinit { release() }
}
