import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program with an argument array (no shell), output discarded, and reports its wall
/// time and peak resident memory (getrusage of the child through wait4).
struct Spawn {
    struct Measurement {
        var seconds: Double
        var peakRSSBytes: Int
        var status: Int32
        /// Killed because it ran longer than the timeout it was given.
        var timedOut = false
    }

    /// With `timeout` (seconds), a run that takes longer is killed and reported as timed out.
    static func run(_ executable: String, _ arguments: [String], timeout: Double? = nil) throws -> Measurement {
        #if canImport(Glibc) || canImport(Darwin)
        var fileActions: posix_spawn_file_actions_t = {
            #if canImport(Darwin)
            return nil
            #else
            return posix_spawn_file_actions_t()
            #endif
        }()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawnp(&pid, executable, &fileActions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var killer: DispatchWorkItem?
        if let timeout {
            let child = pid
            let item = DispatchWorkItem { kill(child, SIGKILL) }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: item)
            killer = item
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            if errno != EINTR { throw BenchError("wait4 failed for \(executable)") }
        }
        killer?.cancel()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #if canImport(Darwin)
        let peak = Int(usage.ru_maxrss)           // bytes on macOS
        #else
        let peak = Int(usage.ru_maxrss) * 1024    // kilobytes on Linux
        #endif
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let timedOut = timeout.map { (status & 0x7F) == SIGKILL && seconds >= $0 } ?? false
        return Measurement(seconds: seconds, peakRSSBytes: peak, status: exitStatus, timedOut: timedOut)
        #else
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        return Measurement(seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, peakRSSBytes: 0,
                           status: process.terminationStatus)
        #endif
    }

    /// Runs and captures standard output (for git plumbing during setup).
    @discardableResult
    static func capture(_ executable: String, _ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("\(executable) \(arguments.joined(separator: " ")) failed in \(directory)") }
        return String(decoding: data, as: UTF8.self)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
