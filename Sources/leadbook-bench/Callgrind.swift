import Foundation

/// Instruction counts of one run of leadbook under valgrind's callgrind, which count the same
/// whatever else the machine is doing.
struct Callgrind {
    /// valgrind's path, found on PATH; nil when it is not installed.
    let valgrind: String
    /// Where the output files go (kept, for `callgrind_annotate`).
    let folder: String
    /// A run under callgrind that takes longer is stopped.
    let timeout: Double

    struct Count {
        /// The total of the run's `summary:` (or `totals:`) line; nil when it was stopped or failed.
        var instructions: Int?
        var seconds: Double
        var timedOut: Bool
        var file: String
    }

    static func find() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = String(folder) + "/valgrind"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    func count(_ leadbook: String, _ arguments: [String], name: String) throws -> Count {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "-" }) + ".out"
        try? FileManager.default.removeItem(atPath: file)
        let run = try Spawn.run(valgrind, ["--tool=callgrind", "--callgrind-out-file=" + file, leadbook] + arguments, timeout: timeout)
        let total = run.timedOut ? nil : Self.total(of: file)
        return Count(instructions: total, seconds: run.seconds, timedOut: run.timedOut, file: file)
    }

    /// The number after `summary:` or `totals:` in a callgrind output file (the first event, Ir).
    static func total(of file: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        // The totals are at the end; the last 64 KB hold them.
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 65_536 ? size - 65_536 : 0)
        let tail = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        for line in tail.split(separator: "\n").reversed() {
            for label in ["summary:", "totals:"] where line.hasPrefix(label) {
                if let number = line.dropFirst(label.count).split(separator: " ").first.flatMap({ Int($0) }) { return number }
            }
        }
        return nil
    }
}
