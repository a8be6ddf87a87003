import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `log` and `feedback` update the written customer's rows where they are in INDEX.md
/// (`IndexRowUpdate`); the file must then be exactly what `leadbook index` writes, and every
/// case the update cannot be sure of must fall back to the full refresh.
final class IndexRowUpdateTests: XCTestCase {
    var roots: [URL] = []
    /// How each write's index was made: true in place, false from every customer file.
    var outcomes: [Bool] = []

    override func setUp() {
        IndexRowUpdate.observer = { [unowned self] inPlace in outcomes.append(inPlace) }
    }

    override func tearDown() {
        IndexRowUpdate.observer = nil
        AtomicFile.fault = nil
        AtomicFile.copiesInKernel = true
        FileSnapshot.maps = true
        for root in roots { try? FileManager.default.removeItem(at: root) }
    }

    /// A small deterministic generator (SplitMix64), so a failing seed can be run again.
    struct Seeded {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    static let times = ["09:00", "09:00", "10:30", "14:15", nil]
    static let days = (1...9).map { "2024-03-0\($0)" }

    func moment(_ random: inout Seeded) -> String {
        let day = random.pick(Self.days)
        return random.pick(Self.times).map { day + " " + $0 } ?? day
    }

    /// A random small workspace: customers in nested folders, follow-ups and feedback on a few
    /// days and minutes (so rows of different customers share a minute), a short window.
    func makeWorkspace(_ random: inout Seeded) throws -> URL {
        let language = random.pick(["zh-CN", "en"])
        var files = ["leadbook.yml": "language: \(language)\ntimezone: \"+08:00\"\nindex_days: \(random.pick([1, 2, 3, 5, 30]))\nteam:\n  - name: 王五\n    role: senior\n"]
        let count = 2 + random.below(7)
        var used = Set<Int>()
        for _ in 0..<count {
            var number = 1 + random.below(30)
            while !used.insert(number).inserted { number = 1 + random.below(30) }
            let id = random.chance(15) ? "LX2024\(number)" : String(format: "LX2024%03d", number)
            let folder = random.pick(["customers", "customers/2024-03", "customers/a/b"])
            var body = "\n# 客户\n\n## 跟进记录\n"
            var entries = (0..<random.below(4)).map { _ in moment(&random) }
            entries.sort()
            for entry in entries {
                body += "\n### \(entry) 电话 张三\n- 难点: \(random.pick(["数据靠人工", "预算紧", "a|b <x>"]))\n"
            }
            body += "\n## 客户反馈\n"
            var feedback = (0..<random.below(3)).map { _ in random.pick(Self.days) }
            feedback.sort()
            for day in feedback {
                body += "\n### \(day) 电话 价格太高\n- 类型: 价格\n- 优先级: 高\n"
                if random.chance(40) { body += "- 已解决: \(day)\n" }
            }
            files["\(folder)/\(id)-kehu.md"] = IndexFixture.customer(id, name: random.pick(["华东云", "北方数据", "南山"]) + "\(number)",
                                                                     owner: random.pick(["王五", nil]), body: body)
        }
        let root = try IndexFixture.workspace(files)
        roots.append(root)
        return root
    }

    func run(_ arguments: [String], _ root: URL) -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: root.path)
        let code = LeadbookCommandLine.run(arguments + ["-C", root.path], context)
        return (code, console.output, console.errors)
    }

    func ids(_ root: URL) -> [String] {
        Workspace.open(root: root.path).customerPaths.map { String(WorkspacePath.fileName($0).prefix { $0 != "-" }) }
    }

    /// What `leadbook index` would do to the file now: nothing when it is current.
    func assertCurrent(_ root: URL, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let workspace = Workspace.open(root: root.path)
        let extraction = WorkspaceIndex.extraction(workspace, owners: false, keepText: true)
        let rows = WorkspaceIndex.collect(workspace, extraction).rows
        let (refresh, change) = WorkspaceIndex.plannedRefresh(workspace, rows)
        guard case .unchanged = refresh else {
            let expected = change.map { String(decoding: $0.after, as: UTF8.self) } ?? "\(refresh)"
            let actual = (try? String(contentsOf: root.appendingPathComponent("INDEX.md"), encoding: .utf8)) ?? ""
            XCTFail("\(context): INDEX.md is not what `leadbook index` writes\n--- file\n\(actual)\n--- index\n\(expected)", file: file, line: line)
            return
        }
    }

    func randomCommand(_ random: inout Seeded, _ root: URL) -> [String] {
        let id = random.pick(ids(root))
        switch random.below(5) {
        case 0, 1:
            var arguments = ["log", id, "--channel", random.pick(["phone", "wechat"]), "--at", moment(&random)]
            if random.chance(70) { arguments.append("--force") }
            if random.chance(50) { arguments += ["--set", "pain=" + random.pick(["新难点", "x|y", "同上"])] }
            if random.chance(20) { arguments += ["--status", "qualified"] }
            return arguments
        case 2:
            var arguments = ["feedback", id, "--channel", "email", "--type", "price", "--priority", random.pick(["high", "low"]),
                             "--summary", random.pick(["报价高", "要折扣"]), "--at", random.pick(Self.days)]
            if random.chance(70) { arguments.append("--force") }
            return arguments
        case 3:
            return ["feedback", id, "\(1 + random.below(3))", "--resolve", "2024-03-09"]
        default:
            return ["feedback", id, "\(1 + random.below(3))", "--resolve", "2024-03-09", "--confirm", "2024-03-10 满意"]
        }
    }

    /// Every way the index file's old bytes reach its new version: mapped and copied by the
    /// kernel, mapped and written from memory, read whole and written (the portable path).
    func testLogAndFeedbackLeaveTheIndexAsLeadbookIndexWritesIt() throws {
        for (maps, kernel) in AtomicFileTests.ways {
            FileSnapshot.maps = maps
            AtomicFile.copiesInKernel = kernel
            outcomes = []
            try logAndFeedbackLeaveTheIndexAsLeadbookIndexWritesIt(seeds: maps && kernel ? 1...60 : 1...20, "maps \(maps), kernel \(kernel)")
        }
    }

    func logAndFeedbackLeaveTheIndexAsLeadbookIndexWritesIt(seeds: ClosedRange<Int>, _ way: String) throws {
        var commands = 0
        for seed in seeds {
            var random = Seeded(state: UInt64(seed))
            let root = try makeWorkspace(&random)
            XCTAssertEqual(run(["index"], root).code, .ok, "seed \(seed)")
            for step in 0..<6 {
                let arguments = randomCommand(&random, root)
                let result = run(arguments, root)
                guard result.code == .ok else { continue }
                commands += 1
                assertCurrent(root, "\(way), seed \(seed) step \(step): \(arguments.joined(separator: " "))")
            }
        }
        XCTAssertGreaterThan(commands, seeds.count * 5 / 2, way)
        // Most writes are updated in place; the rest fell back (rows of one minute that cannot
        // be ordered, a customer's own rows in the same minute, plans).
        XCTAssertGreaterThan(outcomes.filter { $0 }.count, outcomes.count / 2, "\(way): in place \(outcomes.filter { $0 }.count) of \(outcomes.count)")
    }

    /// The index file's write fails halfway (a full disk), after the customer file was written:
    /// the customer file is put back, INDEX.md is byte for byte as it was, no temporary file is
    /// left, and the next log updates both.
    func testAnIndexWriteCutOffHalfwayLeavesBothFilesAsTheyWere() throws {
        for (maps, kernel) in AtomicFileTests.ways {
            FileSnapshot.maps = maps
            AtomicFile.copiesInKernel = kernel
            outcomes = []
            let root = try workspace()
            let customer = root.appendingPathComponent("customers/x/LX2024002-b.md")
            let (indexBefore, customerBefore) = (try index(root), try String(contentsOf: customer, encoding: .utf8))
            var pieces = 0
            AtomicFile.fault = { path, _ in
                guard path.hasSuffix("/INDEX.md") else { return nil }
                pieces += 1
                return pieces == 2 ? "No space left on device" : nil
            }
            let result = run(["log", "LX2024002", "--channel", "phone", "--at", "2024-03-07 09:00"], root)
            AtomicFile.fault = nil
            XCTAssertEqual(result.code, .failure, "maps \(maps), kernel \(kernel): \(result.output)")
            XCTAssertTrue(result.errors.contains("cannot write INDEX.md: No space left on device"), result.errors)
            XCTAssertEqual(outcomes, [true])
            XCTAssertEqual(pieces, 2, "the write was cut off after its first piece")
            XCTAssertEqual(try index(root), indexBefore)
            XCTAssertEqual(try String(contentsOf: customer, encoding: .utf8), customerBefore)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".INDEX.md") }, [])
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: customer.deletingLastPathComponent().path), ["LX2024002-b.md"])
            XCTAssertEqual(run(["log", "LX2024002", "--channel", "phone", "--at", "2024-03-07 09:00"], root).code, .ok)
            XCTAssertEqual(outcomes, [true, true])
            assertCurrent(root, "after the failed write, maps \(maps), kernel \(kernel)")
        }
    }

    /// `leadbook index` writes a stale or new INDEX.md as it makes it; cut off halfway (a full
    /// disk), it leaves the old file byte for byte (or none), and the next run writes it whole.
    func testAnIndexRunCutOffHalfwayLeavesTheOldFile() throws {
        for (maps, kernel) in AtomicFileTests.ways {
            FileSnapshot.maps = maps
            AtomicFile.copiesInKernel = kernel
            let root = try workspace()
            let customer = root.appendingPathComponent("customers/LX2024001-a.md")
            try Data(try String(contentsOf: customer, encoding: .utf8).replacingOccurrences(of: "name: Alpha", with: "name: Alpha Two").utf8).write(to: customer)
            let before = try index(root)
            for existing in [true, false] {
                if !existing { try FileManager.default.removeItem(at: root.appendingPathComponent("INDEX.md")) }
                var pieces = 0
                AtomicFile.fault = { path, _ in
                    guard path.hasSuffix("/INDEX.md") else { return nil }
                    pieces += 1
                    return pieces == 2 ? "No space left on device" : nil
                }
                let result = run(["index"], root)
                AtomicFile.fault = nil
                XCTAssertEqual(result.code, .failure, "maps \(maps), kernel \(kernel), existing \(existing): \(result.output)")
                XCTAssertTrue(result.errors.contains("No space left on device"), result.errors)
                XCTAssertEqual(pieces, 2)
                if existing {
                    XCTAssertEqual(try index(root), before)
                } else {
                    XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("INDEX.md").path))
                }
                XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".INDEX.md") }, [])
            }
            XCTAssertEqual(run(["index"], root).code, .ok)
            XCTAssertTrue(try index(root).contains("[Alpha Two]"))
            assertCurrent(root, "after the failed runs, maps \(maps), kernel \(kernel)")
            // The layout remembered for the next `log` is where the tables are.
            XCTAssertEqual(memory(root).recall(), try scannedLayout(root))
            try Data(try String(contentsOf: customer, encoding: .utf8).replacingOccurrences(of: "name: Alpha Two", with: "name: Alpha Three").utf8).write(to: customer)
            XCTAssertEqual(run(["index"], root).code, .ok)
            XCTAssertEqual(memory(root).recall(), try scannedLayout(root), "after a rewrite of a stale file")
            assertCurrent(root, "stale, maps \(maps), kernel \(kernel)")
        }
    }

    // MARK: Fallbacks

    func workspace(_ extraFollowUp: String = "") throws -> URL {
        let root = try IndexFixture.workspace([
            "leadbook.yml": "language: en\nindex_days: 5\n",
            "customers/LX2024001-a.md": IndexFixture.customer("LX2024001", name: "Alpha", body: "\n## Follow-ups\n" + IndexFixture.followUp("2024-03-05 10:00")),
            "customers/x/LX2024002-b.md": IndexFixture.customer("LX2024002", name: "Beta", body: "\n## Follow-ups\n" + IndexFixture.followUp("2024-03-04 10:00") + extraFollowUp),
        ])
        roots.append(root)
        XCTAssertEqual(run(["index"], root).code, .ok)
        return root
    }

    func index(_ root: URL) throws -> String {
        try String(contentsOf: root.appendingPathComponent("INDEX.md"), encoding: .utf8)
    }

    func write(_ text: String, _ root: URL) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent("INDEX.md"))
    }

    func testALogUpdatesInPlaceAndAgreesWithTheFullIndex() throws {
        let root = try workspace()
        let result = run(["log", "LX2024002", "--channel", "phone", "--at", "2024-03-07 09:00"], root)
        XCTAssertEqual(result.code, .ok, result.errors)
        XCTAssertEqual(result.output, "logged 2024-03-07 09:00 phone in customers/x/LX2024002-b.md: status untouched -> contacted (first contact)\nupdated INDEX.md: follow-ups\n")
        XCTAssertEqual(outcomes, [true])
        assertCurrent(root, "log")
    }

    func testRowsOfTheSameMinuteAreOrderedByTheIdTheLeadsTableShows() throws {
        let root = try workspace()
        // LX2024002 at the minute of LX2024001's row: after it (the smaller id comes first).
        XCTAssertEqual(run(["log", "LX2024002", "--channel", "phone", "--at", "2024-03-05 10:00"], root).code, .ok)
        XCTAssertEqual(outcomes, [true])
        assertCurrent(root, "tie")
        XCTAssertTrue(try index(root).contains("| 2024-03-05 10:00 | [Alpha]"))
    }

    func testACommandThatWritesNothingChecksOnlyTheCustomersRows() throws {
        let root = try workspace()
        // Listing a customer's feedback writes nothing: its rows are checked, not every file.
        XCTAssertEqual(run(["feedback", "LX2024001"], root).code, .ok)
        XCTAssertEqual(outcomes, [true])
        assertCurrent(root, "feedback list")
        // Its rows stale: the whole index is made again, as before.
        try write(try index(root).replacingOccurrences(of: "| [Alpha](customers/LX2024001-a.md) |", with: "| [Alpha (old)](customers/LX2024001-a.md) |"), root)
        let listed = run(["feedback", "LX2024001"], root)
        XCTAssertEqual(outcomes, [true, false])
        XCTAssertTrue(listed.output.hasSuffix("updated INDEX.md: leads, grading, follow-ups\n"), listed.output)
        assertCurrent(root, "feedback list, stale rows")
    }

    func testAStaleRowOfTheCustomerFallsBackToTheFullRefresh() throws {
        let root = try workspace()
        try write(try index(root).replacingOccurrences(of: "| [Beta](customers/x/LX2024002-b.md) |", with: "| [Beta (old)](customers/x/LX2024002-b.md) |"), root)
        XCTAssertEqual(run(["log", "LX2024002", "--channel", "phone", "--at", "2024-03-07 09:00"], root).code, .ok)
        XCTAssertEqual(outcomes, [false])
        assertCurrent(root, "stale row")
    }

    func testAMissingTableFallsBackAndIsAppended() throws {
        let root = try workspace()
        let text = try index(root)
        let begin = try XCTUnwrap(text.range(of: "<!-- leadbook:begin plans -->"))
        let end = try XCTUnwrap(text.range(of: "<!-- leadbook:end plans -->\n"))
        try write(String(text[..<begin.lowerBound]) + String(text[end.upperBound...]), root)
        let result = run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-07 09:00"], root)
        XCTAssertEqual(outcomes, [false])
        XCTAssertTrue(result.output.hasSuffix("updated INDEX.md: follow-ups, plans\n"), result.output)
        assertCurrent(root, "missing table")
    }

    func testBrokenMarkersFallBackAndTheFileIsLeftAlone() throws {
        let root = try workspace()
        let broken = try index(root).replacingOccurrences(of: "<!-- leadbook:end grading -->", with: "<!-- leadbook:end grading -->\n<!-- leadbook:end grading -->")
        try write(broken, root)
        let result = run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-07 09:00"], root)
        XCTAssertEqual(outcomes, [false])
        XCTAssertTrue(result.errors.contains("INDEX.md was not updated; fix its markers first"), result.errors)
        XCTAssertEqual(try index(root), broken)
    }

    func testAMarkerInsideATableIsSeenWithoutReadingEveryLine() throws {
        let root = try workspace()
        let broken = try index(root).replacingOccurrences(of: "<!-- leadbook:end leads -->", with: "  <!-- leadbook:begin plans -->\n<!-- leadbook:end leads -->")
        try write(broken, root)
        _ = run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-07 09:00"], root)
        XCTAssertEqual(outcomes, [false])
        XCTAssertEqual(try index(root), broken)
    }

    func testAWindowOfAnotherLengthFallsBack() throws {
        let root = try workspace()
        try Data("language: en\nindex_days: 2\n".utf8).write(to: root.appendingPathComponent("leadbook.yml"))
        XCTAssertEqual(run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-05 11:00"], root).code, .ok)
        XCTAssertEqual(outcomes, [false], "the caption names another window")
        assertCurrent(root, "index_days changed")
    }

    func testANewerEntryMovesTheWindowAndDropsTheRowsBeforeIt() throws {
        let root = try workspace()
        XCTAssertEqual(run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-20 09:00"], root).code, .ok)
        XCTAssertEqual(outcomes, [true])
        assertCurrent(root, "window moved")
        let text = try index(root)
        XCTAssertFalse(text.contains("| 2024-03-04 10:00 | [Beta]"), "the row before the window is dropped")
        XCTAssertTrue(text.contains("| 2024-03-20 09:00 | [Alpha]"))
        XCTAssertTrue(text.contains("(2024-03-16 to 2024-03-20)"))
    }

    func testAnIndexStaleElsewhereKeepsItsOtherRowsAsTheyAre() throws {
        let root = try workspace()
        let stale = try index(root).replacingOccurrences(of: "[Alpha](customers/LX2024001-a.md) | phone", with: "[Alpha](customers/LX2024001-a.md) | visit")
        try write(stale, root)
        XCTAssertEqual(run(["log", "LX2024002", "--channel", "phone", "--at", "2024-03-05 11:00"], root).code, .ok)
        XCTAssertEqual(outcomes, [true])
        let text = try index(root)
        XCTAssertTrue(text.contains("[Alpha](customers/LX2024001-a.md) | visit"), "only the written customer's rows change")
        XCTAssertTrue(text.contains("| 2024-03-05 11:00 | [Beta]"))
    }

    /// `new` puts the new customer's rows in (leads and grading by id) without reading the
    /// other customers: on random workspaces, INDEX.md is then what `leadbook index` writes.
    func testNewPutsTheCustomersRowsInAndAgreesWithTheFullIndex() throws {
        var created = 0
        for seed in 1...40 {
            var random = Seeded(state: UInt64(seed) &* 7919)
            let root = try makeWorkspace(&random)
            XCTAssertEqual(run(["index"], root).code, .ok, "seed \(seed)")
            outcomes = []
            for step in 0..<3 {
                var arguments = ["new", "--name", random.pick(["新客户", "Zeta", "华南物流"]) + "\(seed)-\(step)", "--source", "website",
                                 "--intent", random.pick(["A", "B", "C"]), "--at", random.pick(["2023-12-30 09:00", "2024-03-05 10:00", "2025-01-02 08:00"]),
                                 "--force"]
                if random.chance(50) { arguments += ["--owner", "王五"] }
                if random.chance(30) { arguments += ["--contact", "李四,经理,1380013800\(step)"] }
                let result = run(arguments, root)
                XCTAssertEqual(result.code, .ok, "seed \(seed) step \(step): \(result.errors)")
                XCTAssertTrue(result.output.hasSuffix("updated INDEX.md: leads, grading\n"), result.output)
                created += 1
                assertCurrent(root, "seed \(seed) step \(step): \(arguments.joined(separator: " "))")
            }
            XCTAssertEqual(outcomes, [true, true, true], "seed \(seed)")
        }
        XCTAssertEqual(created, 120)
    }

    /// A new customer whose id another row already shows (a hand-made INDEX.md, or rows of a
    /// file the index left out) cannot be ordered by path here: the index is made in full.
    func testANewCustomerWhoseIdTheIndexAlreadyShowsFallsBack() throws {
        let root = try workspace()
        // The next free id of 2024 is LX2024003; a stale row of that id stands in the leads table.
        let text = try index(root)
        let row = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("| LX2024002 | ") })
        try write(text.replacingOccurrences(of: row + "\n", with: row + "\n" + row.replacingOccurrences(of: "LX2024002", with: "LX2024003") + "\n"), root)
        let result = run(["new", "--name", "Gamma", "--source", "website", "--intent", "B", "--at", "2024-03-06 09:00"], root)
        XCTAssertEqual(result.code, .ok, result.errors)
        XCTAssertEqual(outcomes, [false])
        assertCurrent(root, "an id shown twice")
    }

    func scannedLayout(_ root: URL) throws -> IndexRowUpdate.Layout {
        let bytes = Array(try Data(contentsOf: root.appendingPathComponent("INDEX.md")))
        return bytes.withUnsafeBufferPointer { buffer in
            var update = IndexRowUpdate.Update(buffer: buffer, configuration: Configuration())
            XCTAssertTrue(update.layout())
            return IndexRowUpdate.Layout(tables: update.order.map { IndexRowUpdate.Layout.Table(table: $0, content: update.spans[$0]!.content, crlf: false) })
        }
    }

    func memory(_ root: URL) -> IndexRowUpdate.LayoutMemory {
        IndexRowUpdate.LayoutMemory(root: root.path, indexFile: "INDEX.md", real: root.path + "/INDEX.md")
    }

    func testWhereTheTablesAreIsRememberedWithTheFilesIdentity() throws {
        let root = try workspace()
        XCTAssertEqual(memory(root).recall(), try scannedLayout(root), "`leadbook index` remembers where the tables are")
        try FileManager.default.removeItem(at: root.appendingPathComponent(IndexRowUpdate.LayoutMemory.path))
        XCTAssertEqual(run(["log", "LX2024002", "--channel", "phone", "--at", "2024-03-07 09:00"], root).code, .ok)
        XCTAssertEqual(memory(root).recall(), try scannedLayout(root))
        XCTAssertEqual(run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-08 09:00"], root).code, .ok)
        XCTAssertEqual(outcomes, [true, true])
        assertCurrent(root, "second log, from the remembered layout")
        XCTAssertEqual(memory(root).recall(), try scannedLayout(root))
    }

    /// `leadbook index` that finds INDEX.md current (a checkout wrote the same bytes) remembers
    /// where its tables are, so the next `log` does not search the file.
    func testAnIndexAlreadyCurrentRemembersWhereItsTablesAre() throws {
        let root = try workspace()
        try write(try index(root), root)
        XCTAssertNil(memory(root).recall())
        let result = run(["index"], root)
        XCTAssertEqual(result.output, "INDEX.md is up to date\n")
        XCTAssertEqual(memory(root).recall(), try scannedLayout(root))
        XCTAssertEqual(run(["log", "LX2024002", "--channel", "phone", "--at", "2024-03-07 09:00"], root).code, .ok)
        XCTAssertEqual(outcomes, [true])
        assertCurrent(root, "log after an index that wrote nothing")
    }

    func testAFileWrittenSinceIsSearchedAgain() throws {
        let root = try workspace()
        XCTAssertEqual(run(["log", "LX2024002", "--channel", "phone", "--at", "2024-03-07 09:00"], root).code, .ok)
        // The team's own text above the tables: every offset moves.
        try write("Our notes\n\n" + (try index(root)), root)
        XCTAssertNil(memory(root).recall())
        XCTAssertEqual(run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-08 09:00"], root).code, .ok)
        XCTAssertEqual(outcomes, [true, true])
        assertCurrent(root, "after a hand edit")
        XCTAssertTrue(try index(root).hasPrefix("Our notes\n\n# Customer index"))
        // A memory whose identity matches but whose offsets do not is not trusted.
        let path = root.appendingPathComponent(IndexRowUpdate.LayoutMemory.path)
        let text = try String(contentsOf: path, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let shifted = lines.prefix(3) + lines.dropFirst(3).map { line -> String in
            let parts = line.split(separator: " ")
            return "\(parts[0]) \(Int(parts[1])! + 1) \(Int(parts[2])! + 1) \(parts[3])"
        }
        try Data((shifted.joined(separator: "\n") + "\n").utf8).write(to: path)
        XCTAssertEqual(run(["log", "LX2024002", "--channel", "phone", "--at", "2024-03-09 09:00"], root).code, .ok)
        XCTAssertEqual(outcomes, [true, true, true])
        assertCurrent(root, "a wrong memory")
    }

    func testResolvingFeedbackReplacesItsRowWhereItIs() throws {
        let root = try IndexFixture.workspace([
            "leadbook.yml": "language: en\n",
            "customers/LX2024001-a.md": IndexFixture.customer("LX2024001", name: "Alpha", body: "\n## Feedback\n\n### 2024-03-05 phone too expensive\n- type: price\n- priority: high\n"),
            "customers/LX2024002-b.md": IndexFixture.customer("LX2024002", name: "Beta", body: "\n## Feedback\n\n### 2024-03-05 phone slow\n- type: service\n- priority: low\n"),
            "customers/LX2024003-c.md": IndexFixture.customer("LX2024003", name: "Gamma"),
        ])
        roots.append(root)
        XCTAssertEqual(run(["index"], root).code, .ok)
        let result = run(["feedback", "LX2024002", "1", "--resolve", "2024-03-06"], root)
        XCTAssertEqual(result.code, .ok, result.errors)
        XCTAssertEqual(outcomes, [true])
        assertCurrent(root, "resolve")
        // A day of two other customers' rows: after them, by id.
        XCTAssertEqual(run(["feedback", "LX2024003", "--channel", "email", "--type", "price", "--priority", "low", "--summary", "again", "--at", "2024-03-05"], root).code, .ok)
        XCTAssertEqual(outcomes, [true, true])
        assertCurrent(root, "an entry of a day other customers have rows of")
        // A second entry of the customer on a day it has one: the full refresh.
        XCTAssertEqual(run(["feedback", "LX2024001", "--channel", "email", "--type", "price", "--priority", "low", "--summary", "again", "--at", "2024-03-05"], root).code, .ok)
        XCTAssertEqual(outcomes, [true, true, false])
        assertCurrent(root, "a second entry of the same day")
    }
}

/// Finding one customer's files without listing the workspace.
final class CustomerFolderScanTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try IndexFixture.workspace([
            "leadbook.yml": "language: en\n",
            "customers/LX2024001-a.md": IndexFixture.customer("LX2024001"),
            "customers/2024-03/LX2024002-b.md": IndexFixture.customer("LX2024002"),
            "customers/2024-03/deep/LX2024002_copy.markdown": IndexFixture.customer("LX2024002"),
            "customers/2024-03/LX20240021-c.md": IndexFixture.customer("LX20240021"),
            "customers/2024-03/LX2024002.txt": "not a customer file",
            "customers/2024-03/.LX2024002-b.md.leadbook-abc123.tmp": "left by a killed write",
            "customers/.hidden/LX2024002-h.md": IndexFixture.customer("LX2024002"),
        ])
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: root)
    }

    func testTheScanFindsWhatTheListingFindsWithoutListing() {
        let workspace = Workspace.open(root: root.path)
        let found = workspace.files(of: "LX2024002")
        XCTAssertFalse(workspace.isListed, "one customer's files are found without listing the workspace")
        XCTAssertEqual(found, ["customers/2024-03/LX2024002-b.md", "customers/2024-03/deep/LX2024002_copy.markdown"])
        XCTAssertEqual(workspace.temporaryPaths(scanningFor: "LX2024002"), ["customers/2024-03/.LX2024002-b.md.leadbook-abc123.tmp"])
        XCTAssertFalse(workspace.isListed)
        let listed = Workspace.open(root: root.path)
        XCTAssertEqual(listed.customerPaths.filter { FileNameMismatch.matches(fileName: WorkspacePath.fileName($0), id: "LX2024002") }, found)
        XCTAssertEqual(listed.temporaryPaths, workspace.temporaryPaths(scanningFor: "LX2024002"))
    }

    func testShowFindsTheCustomerWithoutListingTheWorkspace() throws {
        let workspace = Workspace.open(root: root.path)
        guard case .success(let found) = CustomerLookup.find("LX2024001", in: workspace) else { return XCTFail("not found") }
        XCTAssertEqual(found.path, "customers/LX2024001-a.md")
        XCTAssertFalse(workspace.isListed)
        // An id no file is named after: the whole workspace is searched, as before.
        guard case .failure(let problem) = CustomerLookup.find("LX2024009", in: workspace) else { return XCTFail("found") }
        XCTAssertTrue(problem.message.hasPrefix("no customer with id LX2024009; did you mean"), problem.message)
        XCTAssertTrue(workspace.isListed)
    }

    func testALinkInTheTreeMakesTheScanUnsureAndTheListingIsUsed() throws {
        try FileManager.default.createSymbolicLink(atPath: root.path + "/customers/linked", withDestinationPath: root.path + "/customers/2024-03/deep")
        let scan = CustomerFolderScan.run(root: root.path, folder: "customers", id: "LX2024002")
        XCTAssertFalse(scan.sure)
        let workspace = Workspace.open(root: root.path)
        let found = workspace.files(of: "LX2024002")
        XCTAssertTrue(workspace.isListed)
        XCTAssertEqual(found, ["customers/2024-03/LX2024002-b.md", "customers/2024-03/deep/LX2024002_copy.markdown", "customers/linked/LX2024002_copy.markdown"])
    }
}
