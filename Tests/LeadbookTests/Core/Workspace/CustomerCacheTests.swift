import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-file cache of `.leadbook/cache/`: a run that uses it says exactly what a run that
/// reads every file says, whatever was changed since (the differential test), and it is
/// validated, ignored when broken, kept out of git and turned off by `--no-cache`.
final class CustomerCacheTests: XCTestCase {
    var root: URL!
    var path: String { root.path }

    override func setUpWithError() throws {
        #if os(Windows)
        throw XCTSkip("the cache needs stat's identity of a file")
        #endif
        root = try GeneratedWorkspace.make(customers: 30, purpose: "cache")
        // Files written a moment ago count as old: the racy check is tested on its own.
        CustomerCache.clock = { Int64((Date().timeIntervalSince1970 + 3600) * 1e9) }
        XCTAssertEqual(run(["index"]).code, .ok)
    }

    override func tearDownWithError() throws {
        CustomerCache.clock = { Int64((Date().timeIntervalSince1970 * 1e9).rounded(.down)) }
        CustomerCache.observer = nil
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = ["LEADBOOK_LANG": "en"]) -> (code: ExitCode, out: String, err: String) {
        let console = RecordingConsole()
        let code = LeadbookCommandLine.run(arguments, CommandContext(console: console, environment: environment, currentDirectory: path))
        return (code, console.output, console.errors)
    }

    /// What a command's run with the cache recalled, and its output.
    func cached(_ arguments: [String]) -> (recalled: Int, read: Int, result: (code: ExitCode, out: String, err: String)) {
        var counts = (0, 0)
        CustomerCache.observer = { counts = ($0, $1) }
        defer { CustomerCache.observer = nil }
        let result = run(arguments)
        return (counts.0, counts.1, result)
    }

    var customerFiles: [String] {
        let folder = root.appendingPathComponent("customers").path
        let names = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { "customers/" + $0 }
    }

    func bytes(_ relative: String) throws -> [UInt8] { Array(try Data(contentsOf: root.appendingPathComponent(relative))) }

    func identity(_ relative: String) -> CustomerCache.FileIdentity? { CustomerCache.FileIdentity.of(path + "/" + relative) }

    /// Overwrites bytes of a file in place (same inode, same size) and puts its modification
    /// time back, so that only its change time tells: and makes sure that one does.
    func editInPlace(_ relative: String, at offset: Int, _ replacement: [UInt8]) throws {
        let full = path + "/" + relative
        let before = identity(relative)!
        var times = [timespec(tv_sec: Int(before.modified), tv_nsec: Int(before.modifiedNanoseconds)),
                     timespec(tv_sec: Int(before.modified), tv_nsec: Int(before.modifiedNanoseconds))]
        let fd = open(full, O_WRONLY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = replacement.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(offset)) }
        close(fd)
        repeat {
            XCTAssertEqual(utimensat(AT_FDCWD, full, &times, 0), 0)
            if identity(relative) != before { break }
            usleep(2000)
        } while true
        let after = identity(relative)!
        XCTAssertEqual(after.size, before.size)
        XCTAssertEqual(after.modified, before.modified)
        XCTAssertEqual(after.modifiedNanoseconds, before.modifiedNanoseconds)
        XCTAssertEqual(after.inode, before.inode)
    }

    // MARK: The differential test

    /// Random edits, and after each round every command that uses the cache gives with it what
    /// it gives without it: check (with its index), summary, agenda, and new's duplicate
    /// findings and ids.
    func testCachedAndUncachedRunsAgreeAfterRandomEdits() throws {
        var random = SeededRandom(seed: 14)
        var recalledInAll = 0
        var readInAll = 0
        let commands: [[String]] = [
            ["check"],
            ["summary", "--format", "json", "--as-of", "2025-01-06 09:00"],
            ["agenda", "--as-of", "2025-01-06 09:00", "--days", "3"],
            ["agenda", "--as-of", "2025-01-06 09:00", "--days", "3", "--format", "json"],
        ]
        for round in 0..<20 {
            if round > 0 {
                for _ in 0..<(1 + random.next(3)) { try randomEdit(&random, round: round) }
            }
            for command in commands {
                let warm = cached(command)
                let cold = run(command + ["--no-cache"])
                recalledInAll += warm.recalled
                readInAll += warm.read
                XCTAssertEqual(warm.result.code, cold.code, "round \(round): \(command)")
                XCTAssertEqual(warm.result.out, cold.out, "round \(round): \(command)")
                XCTAssertEqual(warm.result.err, cold.err, "round \(round): \(command)")
                if warm.result.out != cold.out { return }
            }
            try compareFacts(round: round)
            try compareNew(&random, round: round)
        }
        // The cache did its work: most records came from it.
        XCTAssertGreaterThan(recalledInAll, readInAll * 3, "recalled \(recalledInAll), read \(readInAll)")
    }

    /// The facts `new` decides from (duplicate keys, ids), through the cache and without it.
    func compareFacts(round: Int) throws {
        var workspace = Workspace.open(root: path)
        let plain = WorkspaceCheck.facts(workspace).values
        workspace.cache = CustomerCache.Setting(enabled: true, build: CacheChoice.build)
        let fromCache = WorkspaceCheck.facts(workspace).values
        XCTAssertEqual(plain.count, fromCache.count, "round \(round)")
        for (a, b) in zip(plain, fromCache) {
            XCTAssertEqual(a.path, b.path, "round \(round)")
            XCTAssertEqual(a.id, b.id, "round \(round) \(a.path)")
            XCTAssertEqual(a.name, b.name, "round \(round) \(a.path)")
            XCTAssertEqual(a.created, b.created, "round \(round) \(a.path)")
            XCTAssertEqual(a.mergedInto, b.mergedInto, "round \(round) \(a.path)")
            XCTAssertEqual(a.duplicateDigests, b.duplicateDigests, "round \(round) \(a.path)")
            XCTAssertEqual(a.idAnchor, b.idAnchor, "round \(round) \(a.path)")
            XCTAssertEqual(a.mergedIntoAnchor, b.mergedIntoAnchor, "round \(round) \(a.path)")
            XCTAssertEqual(a.root, b.root)
        }
    }

    /// `new` with the phone of a customer already there: refused, with the same matches.
    func compareNew(_ random: inout SeededRandom, round: Int) throws {
        let files = customerFiles
        let text = String(decoding: try bytes(files[random.next(files.count)]), as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.contains("phone: \"1") }) else { return }
        let phone = line.split(separator: "\"")[1]
        let arguments = ["new", "--name", "测试重复客户有限公司", "--source", "website", "--intent", "B",
                         "--contact", "王测试,经理,\(phone),", "--at", "2024-06-01 10:00"]
        let warm = cached(arguments)
        let cold = run(arguments + ["--no-cache"])
        XCTAssertEqual(warm.result.code, cold.code, "round \(round)")
        XCTAssertEqual(warm.result.err, cold.err, "round \(round)")
        XCTAssertEqual(warm.result.out, cold.out, "round \(round)")
        XCTAssertEqual(cold.code, .findings, cold.err)
    }

    func randomEdit(_ random: inout SeededRandom, round: Int) throws {
        let files = customerFiles
        let file = files[random.next(files.count)]
        let url = root.appendingPathComponent(file)
        switch random.next(11) {
        case 0, 1:
            // Same size, same modification time: a digit of a phone, the grade, a status letter.
            let content = try bytes(file)
            let digits = content.indices.filter { content[$0] >= 0x30 && content[$0] <= 0x39 }
            let at = digits[random.next(digits.count)]
            try editInPlace(file, at: at, [content[at] == 0x39 ? 0x30 : content[at] + 1])
        case 2:
            // Text appended to the log (a new size).
            var content = try bytes(file)
            content += Array("\n备注第 \(round) 轮。\n".utf8)
            try Data(content).write(to: url)
        case 3:
            // Renamed (the same inode under another path; the name may no longer match the id).
            let target = url.deletingLastPathComponent().appendingPathComponent("LX2024\(900 + round)-renamed-\(random.next(1000)).md")
            try FileManager.default.moveItem(at: url, to: target)
        case 4:
            if files.count > 20 { try FileManager.default.removeItem(at: url) }
        case 5:
            // A new file: a copy of another (its id taken twice, its contacts shared).
            let target = url.deletingLastPathComponent().appendingPathComponent("LX2024\(800 + round)-copy.md")
            try FileManager.default.copyItem(at: url, to: target)
        case 6:
            // An error of the file's own: a status no one knows, a date that cannot be.
            var text = String(decoding: try bytes(file), as: UTF8.self)
            if random.next(2) == 0, let range = text.range(of: "\nstatus: ") {
                text.replaceSubrange(range, with: "\nstatus: qualifed-")
            } else if let range = text.range(of: "\ncreated: 2") {
                text.replaceSubrange(range, with: "\ncreated: 9")
            }
            try Data(text.utf8).write(to: url, options: .atomic)
        case 7:
            // leadbook.yml: another window for the index, a comment, another language.
            let configuration = root.appendingPathComponent("leadbook.yml")
            var text = try String(contentsOf: configuration, encoding: .utf8)
            switch random.next(3) {
            case 0: text += "\n# round \(round)\n"
            case 1: text = text.replacingOccurrences(of: "language: zh-CN", with: "language: en")
            default: text += text.contains("index_days:") ? "" : "\nindex_days: \(20 + round)\n"
            }
            try Data(text.utf8).write(to: configuration)
        case 9:
            // INDEX.md: a letter of a row changed in place, its modification time put back.
            let index = try bytes("INDEX.md")
            let rows = index.indices.filter { index[$0] == UInt8(ascii: "|") && $0 + 2 < index.count && index[$0 + 2] >= 0x41 && index[$0 + 2] <= 0x5A }
            guard !rows.isEmpty else { return }
            let at = rows[random.next(rows.count)] + 2
            try editInPlace("INDEX.md", at: at, [index[at] == 0x5A ? 0x41 : index[at] + 1])
        case 10:
            // INDEX.md made again from the customer files.
            run(["index"])
        default:
            // Touched: a new identity, the same bytes.
            var times = [timespec(tv_sec: 1_700_000_000 + round, tv_nsec: 0), timespec(tv_sec: 1_700_000_000 + round, tv_nsec: 0)]
            XCTAssertEqual(utimensat(AT_FDCWD, url.path, &times, 0), 0)
        }
    }

    // MARK: What is kept, and when it is not used

    func testAWarmRunReadsOnlyTheFileThatChanged() throws {
        let first = cached(["check"])
        XCTAssertEqual(first.recalled, 0)
        let second = cached(["check"])
        XCTAssertEqual(second.recalled, customerFiles.count)
        XCTAssertEqual(second.result.out, first.result.out)
        let file = customerFiles[7]
        try Data(try bytes(file) + Array("\n备注。\n".utf8)).write(to: root.appendingPathComponent(file))
        let third = cached(["check"])
        XCTAssertEqual(third.recalled, customerFiles.count - 1)
        XCTAssertEqual(third.result.out, run(["check", "--no-cache"]).out)
    }

    /// The cache is written in pieces as it is made, its checksum computed on the way: in
    /// pieces of a few bytes it is byte for byte the file written in one piece, and it serves.
    func testACacheWrittenInPiecesIsTheSameFileAndServes() throws {
        defer { CustomerCache.pieceSize = 1 << 20 }
        let cacheFile = root.appendingPathComponent(CustomerCache.folder + "/check")
        run(["check"])
        let whole = try Data(contentsOf: cacheFile)
        XCTAssertGreaterThan(whole.count, 3 * 1024)
        for size in [1, 7, 64, 1000] {
            try FileManager.default.removeItem(at: cacheFile)
            CustomerCache.pieceSize = size
            XCTAssertEqual(cached(["check"]).recalled, 0)
            XCTAssertEqual(try Data(contentsOf: cacheFile), whole, "pieces of \(size) bytes")
            let warm = cached(["check"])
            XCTAssertEqual(warm.recalled, customerFiles.count, "pieces of \(size) bytes")
            XCTAssertEqual(warm.result.out, run(["check", "--no-cache"]).out)
        }
    }

    func testASameSizeEditWithItsModificationTimePutBackIsReadAgain() throws {
        run(["check"])
        let file = customerFiles[3]
        let content = try bytes(file)
        guard let range = String(decoding: content, as: UTF8.self).range(of: "status: ") else { return XCTFail("no status") }
        let offset = String(decoding: content, as: UTF8.self).utf8.distance(from: String(decoding: content, as: UTF8.self).utf8.startIndex, to: range.upperBound)
        try editInPlace(file, at: offset, Array("X".utf8))
        let after = cached(["check"])
        XCTAssertEqual(after.recalled, customerFiles.count - 1)
        XCTAssertTrue(after.result.out.contains("unknown-status"), after.result.out)
    }

    func testAnIndexFileEditedInPlaceIsComparedAgain() throws {
        let clean = run(["check"])
        XCTAssertFalse(clean.out.contains("stale-index"), clean.out)
        XCTAssertEqual(run(["check"]).out, clean.out)
        let index = try bytes("INDEX.md")
        let text = String(decoding: index, as: UTF8.self)
        guard let range = text.range(of: "| LX2024") else { return XCTFail("no row") }
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound) + 4
        try editInPlace("INDEX.md", at: offset, Array("Y".utf8))
        let after = run(["check"])
        XCTAssertTrue(after.out.contains("stale-index"), after.out)
        XCTAssertEqual(after.out, run(["check", "--no-cache"]).out)
    }

    func testAFileChangedJustBeforeTheCacheIsWrittenIsNotKept() throws {
        CustomerCache.clock = { Int64((Date().timeIntervalSince1970 * 1e9).rounded(.down)) }
        let file = customerFiles[5]
        try Data(try bytes(file)).write(to: root.appendingPathComponent(file))
        run(["check"])
        let next = cached(["check"])
        // Every other file was written by the generator and `index` a moment ago, too: none is kept.
        XCTAssertEqual(next.recalled, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "/" + CustomerCache.folder + "/check")
                       && CustomerCacheTests.entries(path + "/" + CustomerCache.folder + "/check") > 0)
    }

    static func entries(_ file: String) -> Int {
        guard let data = FileManager.default.contents(atPath: file) else { return 0 }
        let bytes = Array(data)
        return bytes.withUnsafeBufferPointer { buffer in
            CustomerCache.parse(buffer, stamp: stampOfTheFile(buffer))?.entries.count ?? 0
        }
    }

    /// The stamp a cache file holds (after the magic and the version).
    static func stampOfTheFile(_ buffer: UnsafeBufferPointer<UInt8>) -> LineDigest {
        var reader = BinaryReader(buffer, range: CustomerCache.magic.count..<buffer.count)
        _ = reader.unsigned()
        let high = reader.fixed()
        return LineDigest(high: high, low: reader.fixed())
    }

    func testACorruptOrTruncatedCacheIsIgnoredAndWrittenAgain() throws {
        let expected = run(["check", "--no-cache"])
        run(["check"])
        let file = path + "/" + CustomerCache.folder + "/check"
        let good = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        XCTAssertGreaterThan(CustomerCacheTests.entries(file), 0)
        var random = SeededRandom(seed: 3)
        for trial in 0..<12 {
            var broken = good
            switch trial % 3 {
            case 0: broken[random.next(broken.count)] ^= UInt8(1 + random.next(255))
            case 1: broken.removeLast(1 + random.next(broken.count - 1))
            default: broken = Array(broken[0..<random.next(40)]) + [UInt8](repeating: 0xFF, count: random.next(100))
            }
            try Data(broken).write(to: URL(fileURLWithPath: file))
            let again = cached(["check"])
            XCTAssertEqual(again.recalled, 0, "trial \(trial)")
            XCTAssertEqual(again.result.out, expected.out, "trial \(trial)")
            XCTAssertEqual(again.result.code, expected.code, "trial \(trial)")
            XCTAssertEqual(CustomerCacheTests.entries(file), customerFiles.count, "trial \(trial): written again")
        }
    }

    func testAnotherBuildOrAnotherLeadbookYmlReadsEveryFile() throws {
        var workspace = Workspace.open(root: path)
        workspace.cache = CustomerCache.Setting(enabled: true, build: "one build")
        _ = WorkspaceCheck.run(workspace)
        var counts = (0, 0)
        CustomerCache.observer = { counts = ($0, $1) }
        _ = WorkspaceCheck.run(workspace)
        XCTAssertEqual(counts.0, customerFiles.count)
        workspace.cache.build = "another build"
        _ = WorkspaceCheck.run(workspace)
        XCTAssertEqual(counts.0, 0)
        let configuration = root.appendingPathComponent("leadbook.yml")
        try Data(try Data(contentsOf: configuration) + Array("\n# a comment\n".utf8)).write(to: configuration)
        var edited = Workspace.open(root: path)
        edited.cache = workspace.cache
        _ = WorkspaceCheck.run(edited)
        XCTAssertEqual(counts.0, 0)
    }

    func testSummaryAndAgendaKeepARecordPerMoment() throws {
        let summary = ["summary", "--format", "json", "--as-of", "2025-01-06 09:00"]
        run(summary)
        XCTAssertEqual(cached(summary).recalled, customerFiles.count)
        XCTAssertEqual(cached(["summary", "--format", "json", "--as-of", "2025-01-07 09:00"]).recalled, 0)
        run(["agenda", "--as-of", "2025-01-06 09:00"])
        XCTAssertEqual(cached(["agenda", "--as-of", "2025-01-06 09:00"]).recalled, customerFiles.count)
        XCTAssertEqual(cached(["agenda", "--as-of", "2025-01-06 09:00", "--days", "2"]).recalled, 0)
    }

    func testNewTakesTheDuplicateKeysAndIdsFromTheCache() throws {
        run(["check"])
        let text = String(decoding: try bytes(customerFiles[10]), as: UTF8.self)
        let line = text.split(separator: "\n").first { $0.contains("phone: \"1") }!
        let phone = line.split(separator: "\"")[1]
        let refused = cached(["new", "--name", "测试重复客户有限公司", "--source", "website", "--intent", "B",
                              "--contact", "王测试,经理,\(phone),", "--at", "2024-06-01 10:00"])
        XCTAssertEqual(refused.recalled, customerFiles.count)
        XCTAssertEqual(refused.result.code, .findings)
        XCTAssertTrue(refused.result.err.contains(customerFiles[10].split(separator: "/").last.map(String.init)!), refused.result.err)
        let created = cached(["new", "--name", "全新客户有限公司", "--source", "website", "--intent", "B", "--at", "2024-06-01 10:00"])
        XCTAssertEqual(created.result.code, .ok, created.result.err)
        XCTAssertEqual(created.recalled, customerFiles.count - 1)
        let plain = run(["new", "--name", "又一个新客户有限公司", "--source", "website", "--intent", "B", "--at", "2024-06-01 11:00", "--no-cache"])
        XCTAssertEqual(plain.code, .ok, plain.err)
        // Ids follow one another: the cache knew every id taken.
        let ids = [created.result.out, plain.out].map { $0.split(separator: "/").last.map { String($0.prefix(12)) } ?? "" }
        XCTAssertEqual(ids[0].prefix(6), "LX2024")
        XCTAssertEqual(Int(ids[1].dropFirst(6)), Int(ids[0].dropFirst(6)).map { $0 + 1 }, "\(ids)")
    }

    // MARK: Turning it off, keeping it out of git

    func testNoCacheAndLeadbookNoCacheWriteNoCache() throws {
        run(["check", "--no-cache"])
        run(["summary", "--no-cache"], environment: ["LEADBOOK_LANG": "en"])
        run(["agenda"], environment: ["LEADBOOK_LANG": "en", "LEADBOOK_NO_CACHE": "1"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "/" + CustomerCache.folder))
        run(["check"], environment: ["LEADBOOK_LANG": "en", "LEADBOOK_NO_CACHE": "0"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "/" + CustomerCache.folder + "/check"))
        for command in ["check", "summary", "agenda", "new"] {
            XCTAssertTrue(run([command, "--help"]).out.contains("--no-cache"), command)
        }
    }

    func testGitIgnoresTheCacheWithoutAGitignoreOfTheWorkspace() throws {
        run(["check"])
        XCTAssertEqual(try String(contentsOfFile: path + "/" + CustomerCache.folder + "/.gitignore", encoding: .utf8), "*\n")
        let git = Git(directory: path)
        guard (try? git.run(["init", "-q"]))?.succeeded == true else { throw XCTSkip("no git") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "/.gitignore"))
        _ = try git.succeed(["add", "-A"])
        let staged = try git.succeed(["diff", "--cached", "--name-only"]).text
        XCTAssertTrue(staged.contains("leadbook.yml"), staged)
        XCTAssertFalse(staged.contains("cache"), staged)
    }
}

/// A small deterministic generator (SplitMix64), so a failing round can be replayed.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(1, bound)))
    }
}
