import Foundation

/// `leadbook-bench run`: times leadbook against `cat` of the same files on generated
/// workspaces, as medians of several runs, with peak memory and instruction counts, and checks
/// the targets (docs/performance.md).
struct Benchmark {
    var sizes: [Int]
    var repeats: Int
    var work: String
    var leadbook: String
    var seed: UInt64 = 1
    /// Measurement names or groups to run (`--only`); empty: all of them.
    var only: Set<String> = []
    /// valgrind's callgrind, when installed and not turned off.
    var callgrind: Callgrind?
    /// Why there are no instruction counts, when there are none.
    var noCallgrindReason = "valgrind is not installed"

    /// The moment the commands that judge deadlines look from, so every run does the same work.
    static let asOf = "2025-01-06 09:00"

    struct Row {
        var size: Int
        var name: String
        var samples: [Spawn.Measurement]
        var cat: Double?
        var instructions: Int?
        /// Why instructions has no value, or how it was estimated.
        var instructionsNote: String?
        /// instructions is a lower bound (the run under callgrind was stopped).
        var instructionsAtLeast = false

        var median: Double {
            let sorted = samples.map(\.seconds).sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        var minimum: Double { samples.map(\.seconds).min() ?? 0 }
        var maximum: Double { samples.map(\.seconds).max() ?? 0 }
        var peakMB: Double { Double(samples.map(\.peakRSSBytes).max() ?? 0) / 1_048_576 }
        var ratio: Double? { cat.map { median / $0 } }
    }

    /// The measurements `--only` can name, by group.
    static let oneCustomer = ["show", "explain", "log", "feedback", "resolve", "confirm", "new"]
    static let wholeTree = ["check", "summary", "index-check", "sync", "agenda", "assign", "export", "dupes"]
    static let others = ["index", "warm", "staged", "startup", "peer", "lsp"]
    static let groups: [String: [String]] = ["one": oneCustomer, "tree": wholeTree]
    static var names: [String] { oneCustomer + wholeTree + others + groups.keys.sorted() }

    func wanted(_ name: String) -> Bool {
        guard !only.isEmpty else { return true }
        if only.contains(name) { return true }
        return Self.groups.contains { only.contains($0.key) && $0.value.contains(name) }
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

    static func bytes(of files: [String]) -> Int {
        files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
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

    /// A warm-up run (page cache, the binary), then the timed runs: `repeats` of them, or 3 when
    /// the warm-up took over a second, 1 when it took over 5 s (100,000 customers of a slow
    /// command would take many minutes). `prepare` runs before each run, untimed.
    func measure(_ repeats: Int, prepare: () throws -> Void = {}, _ body: () throws -> Spawn.Measurement) rethrows -> [Spawn.Measurement] {
        try prepare()
        let first = try body()
        let count = first.seconds > 5 ? min(repeats, 1) : first.seconds > 1 ? min(repeats, 3) : repeats
        return try (0..<count).map { _ in
            try prepare()
            return try body()
        }
    }

    func help(_ arguments: [String]) throws -> String {
        try Spawn.capture(leadbook, arguments, in: work)
    }

    func commands() throws -> Set<String> {
        var names: Set<String> = []
        for line in try help(["--help"]).split(separator: "\n") where line.hasPrefix("  ") {
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

    /// Instructions of one run under callgrind; a run stopped at the timeout gets a lower bound
    /// from the rate (instructions per second under callgrind) of the same command at a smaller size.
    func count(_ row: inout Row, _ arguments: [String], key: String, rates: inout [String: Double]) throws {
        guard let callgrind else {
            row.instructionsNote = noCallgrindReason
            return
        }
        let result = try callgrind.count(leadbook, arguments, name: "\(row.size)-\(key)")
        if let instructions = result.instructions {
            row.instructions = instructions
            if result.seconds > 0.5 { rates[key] = Double(instructions) / result.seconds }
        } else if result.timedOut {
            if let rate = rates[key] {
                row.instructions = Int(rate * result.seconds)
                row.instructionsAtLeast = true
                row.instructionsNote = "stopped after \(Int(callgrind.timeout)) s under callgrind; lower bound from the rate at a smaller size"
            } else {
                row.instructionsNote = "stopped after \(Int(callgrind.timeout)) s under callgrind"
            }
        } else {
            row.instructionsNote = "callgrind gave no total (\(result.file))"
        }
    }

    func run() throws -> Int32 {
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let available = try commands()
        let checkHelp = try help(["check", "--help"])
        // "Cold" is without leadbook's cache, for the commands that have one.
        func cold(_ command: String) throws -> [String] {
            try help([command, "--help"]).contains("--no-cache") ? ["--no-cache"] : []
        }
        var rows: [Row] = []
        var notes: [String] = []
        var rates: [String: Double] = [:]
        var inputBytes: [Int: Int] = [:]

        if wanted("startup") {
            // Start-up: `leadbook --version`, 50 runs (no workspace).
            let samples = try measure(max(repeats, 50)) { try Spawn.run(leadbook, ["--version"]) }
            var row = Row(size: 0, name: "--version", samples: samples)
            try count(&row, ["--version"], key: "version", rates: &rates)
            rows.append(row)
        }

        // Start-up alone needs no workspace.
        for size in sizes where only.isEmpty || !only.isSubset(of: ["startup"]) {
            let directory = try workspace(size)
            let files = Self.files(under: directory)
            inputBytes[size] = Self.bytes(of: files)
            // A workspace as teams have it: with its index file (sync and index keep it), so
            // check and index --check do their full work. Made by the leadbook being measured,
            // and timed from nothing (the index file removed before each run).
            if available.contains("index") {
                let indexFile = directory + "/INDEX.md"
                let samples = try measure(wanted("index") ? repeats : 0, prepare: { try? FileManager.default.removeItem(atPath: indexFile) }) {
                    try Spawn.run(leadbook, ["index", "-C", directory])
                }
                if !FileManager.default.fileExists(atPath: indexFile) { throw BenchError("leadbook index did not write \(indexFile)") }
                if wanted("index") { rows.append(Row(size: size, name: "index", samples: samples)) }
            }
            let cat = try measure(repeats) { try timeCat(files) }
            var catRow = Row(size: size, name: "cat", samples: cat, cat: nil)
            catRow.cat = catRow.median
            rows.append(catRow)

            // The whole tree, cold.
            var jobs: [(key: String, name: String, arguments: [String])] = []
            jobs.append(("check", "check", ["check", "-C", directory] + (try cold("check"))))
            jobs.append(("sync", "sync --dry-run", ["sync", "-C", directory, "--dry-run"] + (try cold("sync"))))
            if available.contains("index") { jobs.append(("index-check", "index --check", ["index", "-C", directory, "--check"] + (try cold("index")))) }
            if available.contains("summary") {
                jobs.append(("summary", "summary --format json", ["summary", "-C", directory, "--format", "json", "--as-of", Self.asOf] + (try cold("summary"))))
            }
            if available.contains("agenda") { jobs.append(("agenda", "agenda", ["agenda", "-C", directory, "--as-of", Self.asOf] + (try cold("agenda")))) }
            if available.contains("assign") { jobs.append(("assign", "assign --dry-run", ["assign", "-C", directory, "--dry-run", "--at", Self.asOf] + (try cold("assign")))) }
            if available.contains("export") { jobs.append(("export", "export", ["export", "-C", directory] + (try cold("export")))) }
            if available.contains("dupes") { jobs.append(("dupes", "dupes", ["dupes", "-C", directory] + (try cold("dupes")))) }
            for job in jobs where wanted(job.key) {
                let samples = try measure(repeats) { try Spawn.run(leadbook, job.arguments) }
                var row = Row(size: size, name: job.name, samples: samples, cat: catRow.median)
                // Instructions per byte of check; 100,000 customers would take 10 minutes under callgrind.
                if job.key == "check", size <= 10_000 { try count(&row, job.arguments, key: "check", rates: &rates) }
                rows.append(row)
            }

            // One customer, with the index file present.
            if Self.oneCustomer.contains(where: wanted) {
                guard let customer = OneCustomer.pick(files) else { throw BenchError("no customer with an open status and a 4-8 KB file in \(directory)") }
                notes.append("\(size): the one-customer commands work on \(customer.id) (\(customer.path.dropFirst(directory.count + 1)))")
                rows += try oneCustomerRows(size, directory, customer, rates: &rates)
            }

            // Warm: nothing changed since the last run, then one file changed before each run.
            if wanted("warm") {
                for (name, arguments) in [("check", ["check", "-C", directory]),
                                          ("summary --format json", ["summary", "-C", directory, "--format", "json", "--as-of", Self.asOf]),
                                          ("agenda", ["agenda", "-C", directory, "--as-of", Self.asOf])] where available.contains(arguments[0]) {
                    let unchanged = try measure(repeats) { try Spawn.run(leadbook, arguments) }
                    rows.append(Row(size: size, name: name + " (warm, nothing changed)", samples: unchanged, cat: catRow.median))
                    let changed = try withOneFileChanging(files) { change in
                        try measure(repeats, prepare: change) { try Spawn.run(leadbook, arguments) }
                    }
                    rows.append(Row(size: size, name: name + " (warm, one file changed)", samples: changed, cat: catRow.median))
                }
            }

            // The language server: a change published again, against the workspace read once.
            if wanted("lsp"), available.contains("lsp"), let customer = OneCustomer.pick(files) {
                let samples = try LanguageServerTiming(leadbook: leadbook, directory: directory, file: customer.path).measure(max(repeats, 51))
                rows.append(Row(size: size, name: "lsp: didChange to publishDiagnostics", samples: samples))
            }

            if wanted("staged"), size == 10_000, checkHelp.contains("--staged") {
                let repository = try stagedRepository(directory)
                let samples = try measure(repeats) { try Spawn.run(leadbook, ["check", "--staged", "-C", repository]) }
                rows.append(Row(size: size, name: "check --staged (1 file)", samples: samples, cat: catRow.median))
            }
        }
        print(report(rows, inputBytes: inputBytes))
        for note in notes { print(note) }
        print("")
        return targets(rows, inputBytes: inputBytes) ? 0 : 1
    }

    /// show, explain, log, feedback, feedback N --resolve, feedback N --confirm and new on one
    /// customer; every writing run starts from the same saved state of the customer's file and
    /// the index file, and the workspace is put back afterwards.
    func oneCustomerRows(_ size: Int, _ directory: String, _ customer: OneCustomer, rates: inout [String: Double]) throws -> [Row] {
        let customersFolder = directory + "/customers"
        let topLevel = Set((try? FileManager.default.contentsOfDirectory(atPath: customersFolder)) ?? [])
        let states = try WorkspaceStates(workspace: directory, folder: work + "/states-\(size)", files: [customer.path, directory + "/INDEX.md"])
        try states.save("original")
        defer { try? states.restore("original", customersFolder: customersFolder, topLevel: topLevel) }
        let entry = String(customer.feedbackEntries + 1)
        let feedback = ["feedback", customer.id, "-C", directory, "--channel", "phone", "--type", "product", "--priority", "medium",
                        "--summary", "基准测试反馈", "--at", "2026-11-30"]
        let resolve = ["feedback", customer.id, entry, "-C", directory, "--resolve", "2026-12-01"]
        let confirm = ["feedback", customer.id, entry, "-C", directory, "--confirm", "2026-12-02 客户确认问题已解决"]
        // The states resolve and confirm start from: a new open feedback entry, then that entry resolved.
        guard try Spawn.run(leadbook, feedback).status == 0 else { throw BenchError("leadbook \(feedback.joined(separator: " ")) failed") }
        try states.save("open-feedback")
        guard try Spawn.run(leadbook, resolve).status == 0 else { throw BenchError("leadbook \(resolve.joined(separator: " ")) failed") }
        try states.save("resolved-feedback")
        try states.restore("original", customersFolder: customersFolder, topLevel: topLevel)

        let jobs: [(key: String, state: String?, arguments: [String])] = [
            ("show", nil, ["show", customer.id, "-C", directory]),
            ("explain", nil, ["explain", customer.id, "-C", directory, "--as-of", Self.asOf]),
            ("log", "original", ["log", customer.id, "-C", directory, "--channel", "phone", "--at", "2026-11-30 10:00",
                                 "--set", "need=基准测试", "--next", "2026-12-05"]),
            ("feedback", "original", feedback),
            ("resolve", "open-feedback", resolve),
            ("confirm", "resolved-feedback", confirm),
            ("new", "original", ["new", "-C", directory, "--name", "基准测试智能装备有限公司", "--source", "exhibition", "--intent", "B",
                                 "--contact", "周基准,经理,19900000001,zhou.jizhun@example.com", "--at", "2026-11-30 09:00"]),
        ]
        var rows: [Row] = []
        for job in jobs where wanted(job.key) {
            let prepare = { if let state = job.state { try states.restore(state, customersFolder: customersFolder, topLevel: topLevel) } }
            let samples = try measure(repeats, prepare: prepare) { try Spawn.run(leadbook, job.arguments) }
            let names = ["resolve": "feedback N --resolve", "confirm": "feedback N --confirm"]
            var row = Row(size: size, name: names[job.key] ?? job.key, samples: samples)
            if let failed = samples.first(where: { $0.status != 0 }) {
                throw BenchError("leadbook \(job.arguments.joined(separator: " ")) exited \(failed.status)")
            }
            try prepare()
            try count(&row, job.arguments, key: job.key, rates: &rates)
            rows.append(row)
        }
        return rows
    }

    /// Runs `body` with a function that changes one customer file (a note line added at its
    /// end, then taken away again, in turn), and puts the file back afterwards.
    func withOneFileChanging<T>(_ files: [String], _ body: (() throws -> Void) throws -> T) throws -> T {
        let file = files[files.count / 3]
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        defer { try? original.write(to: URL(fileURLWithPath: file)) }
        var changed = original
        changed.append(contentsOf: Array("\n基准测试备注。\n".utf8))
        var turn = 0
        return try body {
            turn += 1
            try (turn % 2 == 1 ? changed : original).write(to: URL(fileURLWithPath: file))
        }
    }

    static func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

    static func millions(_ value: Int) -> String {
        value >= 10_000_000 ? "\(value / 1_000_000) M" : String(format: "%.1f M", Double(value) / 1e6)
    }

    func report(_ rows: [Row], inputBytes: [Int: Int]) -> String {
        var text = "leadbook benchmark: \(repeats) runs each after a warm-up (median, min-max; fewer runs when one takes over 1 s),"
        text += " \(ProcessInfo.processInfo.activeProcessorCount) cores, warm page cache\n\n"
        text += "| customers | command | median s | min-max s | x cat | peak RSS MB | instructions | exit |\n|---:|---|---:|---:|---:|---:|---:|---:|\n"
        for row in rows {
            let exits = Set(row.samples.map(\.status)).sorted().map(String.init).joined(separator: ",")
            var instructions = row.instructions.map { (row.instructionsAtLeast ? ">= " : "") + Self.millions($0) } ?? ""
            if let bytes = inputBytes[row.size], let count = row.instructions, row.name == "check" {
                instructions += " (\(row.instructionsAtLeast ? ">= " : "")\(Self.format(Double(count) / Double(bytes), 1))/byte)"
            }
            text += "| \(row.size == 0 ? "-" : String(row.size)) | \(row.name) | \(Self.format(row.median)) | \(Self.format(row.minimum))-\(Self.format(row.maximum)) | "
            text += (row.ratio.map { Self.format($0, 2) } ?? (row.name == "cat" ? "1.00" : "")) + " | \(Self.format(row.peakMB, 1)) | \(instructions) | \(exits) |\n"
        }
        let notes = rows.compactMap { row in row.instructionsNote.map { "\(row.size == 0 ? "-" : String(row.size)) \(row.name): instructions \($0)" } }
        if !notes.isEmpty { text += "\n" + notes.joined(separator: "\n") + "\n" }
        return text
    }

    /// The speed targets of docs/performance.md; prints each with PASS, FAIL or SKIP (with the
    /// reason). A target whose size was not measured is left out.
    func targets(_ rows: [Row], inputBytes: [Int: Int]) -> Bool {
        var allPass = true
        func target(_ label: String, _ pass: Bool?) {
            guard let pass else { return }
            print("\(pass ? "PASS" : "FAIL")  \(label)")
            allPass = allPass && pass
        }
        func skip(_ label: String, _ reason: String) { print("SKIP  \(label): \(reason)") }
        func row(_ size: Int, _ name: String) -> Row? { rows.first { $0.size == size && $0.name == name } }
        func ms(_ seconds: Double) -> String { Self.format(seconds * 1000, 1) + " ms" }

        // 1. One customer: instructions at 100,000 at most 1.3x those at 1,000; wall under 50 ms (new: 150 ms).
        for name in ["show", "explain", "log", "feedback", "feedback N --resolve", "feedback N --confirm", "new"] {
            if let small = row(1_000, name), let large = row(100_000, name) {
                let label = "\(name): instructions at 100,000 customers at most 1.3x those at 1,000"
                if let a = small.instructions, let b = large.instructions {
                    let ratio = Double(b) / Double(a)
                    target("\(label) (\(Self.millions(a)) -> \(large.instructionsAtLeast ? ">= " : "")\(Self.millions(b)), \(Self.format(ratio, 2))x)", ratio <= 1.3)
                } else {
                    skip(label, small.instructionsNote ?? large.instructionsNote ?? "no count")
                }
            }
            if let large = row(100_000, name) {
                let limit = name == "new" ? 0.150 : 0.050
                target("\(name) on 100,000 customers under \(ms(limit)) (\(ms(large.median)))", large.median < limit)
            }
        }

        // 2. The whole tree, cold: check at most 30 instructions per byte and within 1.5x cat; the others within 2x cat.
        for size in sizes {
            if let check = row(size, "check"), let bytes = inputBytes[size] {
                let label = "check on \(size) customers at most 30 instructions per input byte"
                if let count = check.instructions {
                    let perByte = Double(count) / Double(bytes)
                    let atLeast = check.instructionsAtLeast ? ">= " : ""
                    target("\(label) (\(atLeast)\(Self.format(perByte, 1)): \(atLeast)\(Self.millions(count)) for \(bytes / 1_000) KB)", perByte <= 30)
                } else if size <= 10_000 {
                    skip(label, check.instructionsNote ?? "no count")
                }
            }
        }
        for size in [10_000, 100_000] {
            if let check = row(size, "check"), let ratio = check.ratio {
                target("check on \(size) customers within 1.5x cat (\(Self.format(ratio, 2))x)", ratio <= 1.5)
            }
            for name in ["summary --format json", "index --check", "sync --dry-run", "agenda", "assign --dry-run", "export", "dupes"] {
                if let ratio = row(size, name)?.ratio { target("\(name) on \(size) customers within 2x cat (\(Self.format(ratio, 2))x)", ratio <= 2.0) }
            }
        }
        if sizes.contains(10_000), row(10_000, "check") != nil {
            skip("check at least 25x faster than the Python peer", "no peer script in this repository (PyYAML CSafeLoader + jsonschema was once measured 9.4x slower than leadbook)")
        }
        if let small = row(10_000, "check"), let large = row(100_000, "check") {
            target("check on 100,000 customers at most 11x the 10,000 time (\(Self.format(large.median / small.median, 1))x)", large.median <= 11 * small.median)
        }

        // 3. Warm runs at 100,000 under 0.5 s.
        for name in ["check", "summary --format json", "agenda"] {
            for state in ["nothing changed", "one file changed"] {
                if let warm = row(100_000, "\(name) (warm, \(state))") {
                    target("\(name) on 100,000 customers, warm (\(state)), under 0.5 s (\(Self.format(warm.median)) s)", warm.median < 0.5)
                }
            }
        }

        // 4. Memory at 100,000, and index.
        let large = rows.filter { $0.size == 100_000 && $0.name != "cat" }
        if let largest = large.max(by: { $0.peakMB < $1.peakMB }) {
            let over = large.filter { $0.peakMB >= 250 }.map { "\($0.name) \(Self.format($0.peakMB, 0)) MB" }
            target("peak memory of every command on 100,000 customers under 250 MB (largest: \(largest.name) \(Self.format(largest.peakMB, 0)) MB"
                   + (over.isEmpty ? ")" : "; over: " + over.joined(separator: ", ") + ")"), over.isEmpty)
        }
        if let index = row(100_000, "index") {
            target("index on 100,000 customers under 10 s (\(Self.format(index.median, 2)) s)", index.median < 10)
        }
        target("check --staged with one file staged in 10,000 customers under 0.5 s", row(10_000, "check --staged (1 file)").map { $0.median < 0.5 })

        // 5. The language server's diagnostics after a change.
        if let lsp = row(10_000, "lsp: didChange to publishDiagnostics") {
            target("leadbook lsp publishes a change's diagnostics on 10,000 customers within 50 ms (median of \(lsp.samples.count): \(ms(lsp.median)), slowest \(ms(lsp.maximum)))",
                   lsp.median < 0.050)
        }

        // 6. Start-up.
        if let version = row(0, "--version") {
            let instructions = version.instructions.map { ", \(Self.millions($0)) instructions" } ?? ""
            target("leadbook --version under 8 ms (median of \(version.samples.count): \(ms(version.median))\(instructions))", version.median < 0.008)
        }
        return allPass
    }
}
