import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The one read path: a customer file that is too large or cannot be read gets check's
/// diagnostic in every reader, and no reader uses it; reading in batches keeps only what the
/// reducer makes of each file.
final class CustomerFilesTests: XCTestCase {
    var root: URL!

    static let huge = "customers/LX2024002-huge.md"
    static let gone = "customers/LX2024003-gone.md"

    static func customer(_ id: String, _ name: String, intent: String = "B") -> String {
        """
        ---
        id: \(id)
        name: \(name)
        source: website
        intent: \(intent)
        created: 2024-03-01 09:00
        status: untouched
        ---

        # \(name)

        """
    }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-files-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try "language: zh-CN\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try Self.customer("LX2024001", "可读客户有限公司").write(to: root.appendingPathComponent("customers/LX2024001-a.md"),
                                                              atomically: true, encoding: .utf8)
        // A customer that reads well, but is larger than a customer file may be.
        var bytes = Array(Self.customer("LX2024002", "巨大客户有限公司", intent: "A").utf8)
        let line = Array(String(repeating: "跟进记录正文。", count: 100).utf8) + [0x0A]
        while bytes.count < 17 * 1024 * 1024 { bytes.append(contentsOf: line) }
        try Data(bytes).write(to: root.appendingPathComponent(Self.huge))
        try Self.customer("LX2024003", "消失客户有限公司").write(to: root.appendingPathComponent(Self.gone),
                                                              atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// The workspace listed, then one of its files removed before it is read.
    func workspace() throws -> Workspace {
        let workspace = Workspace.open(root: root.path)
        XCTAssertEqual(workspace.customerPaths.count, 3)
        try? FileManager.default.removeItem(at: root.appendingPathComponent(Self.gone))
        return workspace
    }

    /// What `check` reports for the two files it cannot read.
    func checkDiagnostics(_ workspace: Workspace) -> [Diagnostic] {
        WorkspaceCheck.run(workspace).diagnostics.filter { $0.rule == FileTooLarge.rule || $0.rule == UnreadableFile.rule }
    }

    func testCheckReportsTheFileTooLargeAndTheUnreadableFile() throws {
        let diagnostics = checkDiagnostics(try workspace())
        XCTAssertEqual(diagnostics.map(\.file), [Self.huge, Self.gone])
        XCTAssertEqual(diagnostics.map(\.rule.id), ["file-too-large", "unreadable-file"])
        XCTAssertEqual(diagnostics[0].message, "the file is 17 MB; customer files are at most 16 MB")
        XCTAssertEqual(diagnostics[1].message, "cannot read the file: no such file")
    }

    func testAgendaGetsCheckDiagnosticsAndLeavesTheFilesOut() throws {
        let workspace = try workspace()
        let set = CustomerSet.load(workspace)
        XCTAssertEqual(set.unread, checkDiagnostics(workspace))
        XCTAssertEqual(set.filesWithErrors, [Self.huge, Self.gone])
        XCTAssertEqual(set.entries.map(\.path), ["customers/LX2024001-a.md"])
        let asOf = LocalDateTime(date: LocalDate(year: 2024, month: 3, day: 10)!, minutes: 9 * 60, hasTime: true)
        let agenda = Agenda(set.customers, configuration: workspace.configuration, asOf: asOf, days: 0)
        XCTAssertFalse(agenda.items.isEmpty)
        XCTAssertEqual(Set(agenda.items.map(\.customerId)), ["LX2024001"])
    }

    func testExportGetsCheckDiagnosticsAndLeavesTheFilesOut() throws {
        let workspace = try workspace()
        let table = CustomerTable.load(workspace, columns: ["id", "name"].compactMap { CustomerColumn(header: $0) }, labels: false, json: false)
        XCTAssertEqual(table.unread, checkDiagnostics(workspace))
        XCTAssertEqual(table.filesWithErrors, [Self.huge, Self.gone])
        XCTAssertEqual(table.rows.map(\.id), ["LX2024001"])
    }

    func testSummaryGetsCheckDiagnosticsAndDoesNotCountTheFiles() throws {
        let workspace = try workspace()
        let asOf = LocalDateTime(date: LocalDate(year: 2024, month: 3, day: 10)!, minutes: 9 * 60, hasTime: true)
        let input = SummaryInput.load(workspace, asOf: asOf)
        XCTAssertEqual(input.unread, checkDiagnostics(workspace))
        XCTAssertEqual(input.records.map(\.id), ["LX2024001"])
        XCTAssertEqual(input.unreadable, [Self.huge, Self.gone])
        XCTAssertEqual(input.filesWithErrors, [Self.huge, Self.gone])
    }

    func testTheOtherReadersGetCheckDiagnosticsToo() throws {
        let workspace = try workspace()
        let expected = checkDiagnostics(workspace)
        XCTAssertEqual(WorkspaceCheck.facts(workspace).unread, expected)
        XCTAssertEqual(WorkspaceCheck.facts(workspace).values.compactMap(\.id), ["LX2024001"])
        let index = WorkspaceIndex.collect(workspace, WorkspaceIndex.extraction(workspace, owners: false, keepText: true))
        XCTAssertEqual(index.unread, expected)
        XCTAssertEqual(index.filesWithErrors, [Self.huge, Self.gone])
        XCTAssertEqual(index.rows.count, 1)
        let known = LeadImport.Known.load(workspace)
        XCTAssertEqual(known.unread, expected)
        XCTAssertEqual(known.values.compactMap { $0?.id }, ["LX2024001"])
    }

    /// A lookup by id that cannot find the customer says which files it could not read.
    func testALookupNamesTheFilesItCouldNotRead() throws {
        let workspace = try workspace()
        guard case .failure(let problem) = CustomerLookup.find("LX2024002", in: workspace) else {
            return XCTFail("a file too large is not read")
        }
        XCTAssertEqual(problem.message, "no customer with id LX2024002 in the files leadbook could read; 2 files were not read:")
        XCTAssertEqual(problem.unread, checkDiagnostics(workspace))
        guard case .success(let found) = CustomerLookup.find("LX2024001", in: workspace) else { return XCTFail("LX2024001 reads") }
        XCTAssertEqual(found.path, "customers/LX2024001-a.md")
    }

    /// Files are read a batch at a time; each batch's files are reduced before the next batch
    /// is read, and only the reducer's values are kept (here a byte count, so no bytes).
    func testBatchesKeepOnlyTheReducedValues() throws {
        let folder = root.appendingPathComponent("customers/small")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        for number in 1...7 {
            let path = "customers/small/LX202410\(number).md"
            try Data(repeating: UInt8(ascii: "x"), count: number * 10).write(to: root.appendingPathComponent(path))
            paths.append(path)
        }
        paths.insert("customers/small/missing.md", at: 3)
        var batches: [Range<Int>] = []
        var seen: [Int] = []
        let reading = CustomerFiles(root: root.path, paths: paths).reduce(batchSize: 3) { _, bytes in
            bytes.count
        } unread: { index, diagnostic in
            XCTAssertEqual(diagnostic.file, paths[index])
            return -1
        } afterBatch: { values, batch in
            batches.append(batch)
            seen.append(values.count)
        }
        XCTAssertEqual(batches, [0..<3, 3..<6, 6..<8])
        XCTAssertEqual(seen, [3, 6, 8], "each batch sees the values of the files read so far, and only those")
        XCTAssertEqual(reading.values, [10, 20, 30, -1, 40, 50, 60, 70])
        XCTAssertEqual(reading.unreadPaths, ["customers/small/missing.md"])
        XCTAssertEqual(reading.unread.map(\.rule.id), ["unreadable-file"])
    }

    /// What a batch leaves behind can be pruned before the next batch is read: the index keeps
    /// only the follow-ups that can still be in its window (WorkspaceIndex.map).
    func testAfterEachBatchEarlierValuesCanBeDropped() throws {
        let paths = (1...10).map { "customers/small/\($0).md" }
        let folder = root.appendingPathComponent("customers/small")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for path in paths { try Data([0x61]).write(to: root.appendingPathComponent(path)) }
        var largest = 0
        let reading = CustomerFiles(root: root.path, paths: paths).reduce(batchSize: 4) { index, _ -> [Int] in
            Array(repeating: index, count: 100)
        } unread: { _, _ in [] } afterBatch: { values, batch in
            for index in 0..<batch.lowerBound { values[index] = [] }
            largest = max(largest, values.reduce(0) { $0 + $1.count })
        }
        XCTAssertEqual(largest, 400, "never more than one batch's values held")
        XCTAssertEqual(reading.values.map(\.count), [0, 0, 0, 0, 0, 0, 0, 0, 100, 100])
    }

    /// A file larger than the limit is not read at all: its size is enough.
    func testAFileTooLargeIsNotRead() throws {
        switch CustomerFiles.read(Self.huge, root: root.path) {
        case .success: XCTFail("read a file larger than 16 MB")
        case .failure(let diagnostic): XCTAssertEqual(diagnostic.rule.id, "file-too-large")
        }
        guard case .failure(.tooLarge(let size)) = FileAccess.read(root.appendingPathComponent(Self.huge).path, limit: 1024) else {
            return XCTFail("the limit holds")
        }
        XCTAssertGreaterThan(size, CustomerFiles.maxSize)
    }

    /// Commands print the files they could not read as `check` prints them, then name them.
    func testAgendaExportAndSummaryPrintCheckDiagnostics() throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(Self.gone))
        let text = checkDiagnostics(Workspace.open(root: root.path)).map { DiagnosticReport.text($0, style: .init(color: false, language: .en)) }.joined()
        XCTAssertTrue(text.hasPrefix("\(Self.huge):1:1: error[file-too-large]: the file is 17 MB; customer files are at most 16 MB\n"), text)
        for arguments in [["agenda", "--as-of", "2024-03-10T09:00"], ["export"], ["summary", "--as-of", "2024-03-10T09:00"]] {
            let console = RecordingConsole()
            let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: root.path)
            let code = LeadbookCommandLine.run(arguments + ["-C", root.path], context)
            XCTAssertEqual(code, .findings, arguments[0])
            XCTAssertTrue(console.errors.hasPrefix(text), "\(arguments[0]):\n\(console.errors)")
            XCTAssertTrue(console.errors.contains("1 file has errors (\(Self.huge))"), console.errors)
            if arguments[0] != "summary" {
                XCTAssertFalse(console.output.contains("巨大客户"), "\(arguments[0]) used the file too large")
            }
        }
    }
}
