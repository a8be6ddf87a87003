import Foundation

/// `leadbook-bench run`: times leadbook against `cat` of the same files on generated
/// workspaces, as medians of several runs, with peak memory, and checks the targets.
struct Benchmark {
    var sizes: [Int]
    var repeats: Int
    var work: String
    var leadbook: String
    var seed: UInt64 = 1

    struct Row {
        var size: Int
        var name: String
        var samples: [Spawn.Measurement]
        var cat: Double?

        var median: Double {
            let sorted = samples.map(\.seconds).sorted()
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        var minimum: Double { samples.map(\.seconds).min() ?? 0 }
        var maximum: Double { samples.map(\.seconds).max() ?? 0 }
        var peakMB: Double { Double(samples.map(\.peakRSSBytes).max() ?? 0) / 1_048_576 }
        var ratio: Double? { cat.map { median / $0 } }
    }

    func workspace(_ size: Int) throws -> String {
        let directory = work + "/ws-\(size)"
        let marker = directory + "/.generated-seed-\(seed)"
        if !FileManager.default.fileExists(atPath: marker) {
            try? FileManager.default.removeItem(atPath: directory)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            FileHandle.standardError.write(Data("generating \(size) customers in \(directory)...\n".utf8))
            // In a child process, so this process stays small: a child's peak memory counts
            // the memory of the process that started it.
            let generation = try Spawn.run(CommandLine.arguments[0], ["generate", directory, "--customers", String(size), "--seed", String(seed), "--force"])
            guard generation.status == 0 else { throw BenchError("generating \(size) customers failed") }
            _ = FileManager.default.createFile(atPath: marker, contents: nil)
        }
        return directory
    }

    static func files(under directory: String) -> [String] {
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: directory + "/customers")
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".md") { files.append(directory + "/customers/" + path) }
        }
        return files.sorted()
    }

    /// `cat` of every customer file, in batches of arguments, output discarded.
    func timeCat(_ files: [String]) throws -> Spawn.Measurement {
        var total = Spawn.Measurement(seconds: 0, peakRSSBytes: 0, status: 0)
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(files.count, start + 4000)])
            let measurement = try Spawn.run("cat", batch)
            total.seconds += measurement.seconds
            total.peakRSSBytes = max(total.peakRSSBytes, measurement.peakRSSBytes)
            start += 4000
        }
        return total
    }

    func measure(_ repeats: Int, _ body: () throws -> Spawn.Measurement) rethrows -> [Spawn.Measurement] {
        _ = try body()  // warm-up: page cache and the binary
        return try (0..<repeats).map { _ in try body() }
    }

    func commands() throws -> Set<String> {
        let help = try Spawn.capture(leadbook, ["--help"], in: work)
        var names: Set<String> = []
        for line in help.split(separator: "\n") where line.hasPrefix("  ") {
            if let name = line.split(separator: " ").first { names.insert(String(name)) }
        }
        return names
    }

    /// A git repository of the workspace with one customer file changed and staged.
    func stagedRepository(_ directory: String) throws -> String {
        let marker = directory + "/.git-ready"
        if !FileManager.default.fileExists(atPath: marker) {
            try? FileManager.default.removeItem(atPath: directory + "/.git")
            try Spawn.capture("git", ["init", "-q"], in: directory)
            try Spawn.capture("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", "add", "-A"], in: directory)
            try Spawn.capture("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "workspace"], in: directory)
            _ = FileManager.default.createFile(atPath: marker, contents: nil)
        }
        // Stage a change to the first customer file (a note line appended), leaving the worktree as it was.
        let file = Self.files(under: directory)[0]
        let relative = String(file.dropFirst(directory.count + 1))
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        var changed = original
        changed.append(contentsOf: Array("\nNote added for the benchmark.\n".utf8))
        try changed.write(to: URL(fileURLWithPath: file))
        try Spawn.capture("git", ["add", relative], in: directory)
        try original.write(to: URL(fileURLWithPath: file))
        return directory
    }

    func run() throws -> Int32 {
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let available = try commands()
        var rows: [Row] = []
        for size in sizes {
            let directory = try workspace(size)
            let files = Self.files(under: directory)
            // A workspace as teams have it: with its index file (sync and index keep it), so
            // check and index --check do their full work. Made by the leadbook being measured.
            if available.contains("index") {
                let made = try Spawn.run(leadbook, ["index", "-C", directory])
                guard made.status == 0 else { throw BenchError("leadbook index failed on \(directory)") }
            }
            let cat = try measure(repeats) { try timeCat(files) }
            var catRow = Row(size: size, name: "cat", samples: cat, cat: nil)
            catRow.cat = catRow.median
            rows.append(catRow)
            var jobs: [(String, [String])] = [("check", ["check", "-C", directory])]
            jobs.append(("sync --dry-run", ["sync", "-C", directory, "--dry-run"]))
            if available.contains("index") { jobs.append(("index --check", ["index", "-C", directory, "--check"])) }
            if available.contains("summary") { jobs.append(("summary --format json", ["summary", "-C", directory, "--format", "json"])) }
            for (name, arguments) in jobs {
                let samples = try measure(repeats) { try Spawn.run(leadbook, arguments) }
                rows.append(Row(size: size, name: name, samples: samples, cat: catRow.median))
            }
            let checkHelp = try Spawn.capture(leadbook, ["check", "--help"], in: work)
            if size == 10_000 && checkHelp.contains("--staged") {
                let repository = try stagedRepository(directory)
                let samples = try measure(repeats) { try Spawn.run(leadbook, ["check", "--staged", "-C", repository]) }
                rows.append(Row(size: size, name: "check --staged (1 file)", samples: samples, cat: catRow.median))
            }
        }
        print(report(rows))
        return targets(rows) ? 0 : 1
    }

    static func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

    func report(_ rows: [Row]) -> String {
        var text = "leadbook benchmark: \(repeats) runs each (median, min-max), \(ProcessInfo.processInfo.activeProcessorCount) cores, warm page cache\n\n"
        text += "| customers | command | median s | min-max s | x cat | peak RSS MB | exit |\n|---:|---|---:|---:|---:|---:|---:|\n"
        for row in rows {
            let exits = Set(row.samples.map(\.status)).sorted().map(String.init).joined(separator: ",")
            text += "| \(row.size) | \(row.name) | \(Self.format(row.median)) | \(Self.format(row.minimum))-\(Self.format(row.maximum)) | "
            text += (row.ratio.map { Self.format($0, 2) } ?? "1.00") + " | \(Self.format(row.peakMB, 1)) | \(exits) |\n"
        }
        return text
    }

    /// The targets of the performance issue; prints each with PASS or FAIL.
    func targets(_ rows: [Row]) -> Bool {
        var allPass = true
        func target(_ label: String, _ pass: Bool?) {
            guard let pass else { return }
            print("\(pass ? "PASS" : "FAIL")  \(label)")
            allPass = allPass && pass
        }
        func row(_ size: Int, _ name: String) -> Row? { rows.first { $0.size == size && $0.name == name } }
        target("check on 10,000 customers within 2.0x of cat", row(10_000, "check")?.ratio.map { $0 <= 2.0 })
        for name in ["summary --format json", "index --check", "sync --dry-run"] {
            target("\(name) on 10,000 customers within 3.0x of cat", row(10_000, name)?.ratio.map { $0 <= 3.0 })
        }
        if let small = row(10_000, "check"), let large = row(100_000, "check") {
            target("check on 100,000 customers at most 11x the 10,000 time (\(Self.format(large.median / small.median, 1))x)", large.median <= 11 * small.median)
            let peak = rows.filter { $0.size == 100_000 && $0.name != "cat" }.map(\.peakMB).max() ?? 0
            target("peak RSS on 100,000 customers under 300 MB (\(Self.format(peak, 0)) MB)", peak < 300)
        }
        target("check --staged with one file staged in 10,000 customers under 0.5 s", row(10_000, "check --staged (1 file)").map { $0.median < 0.5 })
        return allPass
    }
}
