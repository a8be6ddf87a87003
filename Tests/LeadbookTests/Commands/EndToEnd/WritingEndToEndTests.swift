import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The commands that write (new, log, feedback, merge) and the duplicate finders (check,
/// dupes), run as the built executable.
final class WritingEndToEndTests: XCTestCase {
    /// new, log and feedback: what they print, what they refuse, and the files afterwards.
    func testNewLogAndFeedback() throws {
        try Transcript.check("writing")
    }

    /// The writers and the command line in Chinese: help, usage errors, an unknown command, the
    /// confirmations and refusals of new, log, feedback, sync, merge, and the previews of assign
    /// and renumber.
    func testTheWritersInChinese() throws {
        try Transcript.check("writing-zh")
    }

    /// possible-duplicate in check, dupes in text and JSON, merge into a tombstone and with --delete.
    func testDuplicatesAndMerge() throws {
        try Transcript.check("merging")
    }

    /// 20 `log` commands started at once on one customer: every one is written, none is lost,
    /// and the file stays valid (the workspace lock and atomic writes at work).
    func testTwentyConcurrentLogsLeaveTwentyEntries() throws {
        let workspace = try Transcript.copy(Transcript.fixtures.appendingPathComponent("writing/workspace"))
        defer { try? FileManager.default.removeItem(at: workspace) }
        let path = workspace.appendingPathComponent("customers/LX2024001-huadongyun.md")
        let before = CustomerReader.read(path: "customers/LX2024001-huadongyun.md", bytes: Array(try Data(contentsOf: path)),
                                         configuration: Configuration()).customer?.followUps.count ?? -1

        _ = try Self.runTogether((1...20).map { number in
            ["log", "LX2024001", "--channel", "phone", "--at", "2024-03-05T10:00", "--set", "feedback=concurrent \(number)", "--note", "note \(number)"]
        }, in: workspace)

        let bytes = Array(try Data(contentsOf: path))
        let result = CustomerReader.read(path: "customers/LX2024001-huadongyun.md", bytes: bytes,
                                         configuration: Workspace.open(root: workspace.path).configuration)
        let followUps = try XCTUnwrap(result.customer?.followUps)
        XCTAssertEqual(followUps.count, before + 20)
        let written = followUps.compactMap { $0.fact(.feedback) }.filter { $0.hasPrefix("concurrent ") }
        XCTAssertEqual(written.count, 20)
        XCTAssertEqual(Set(written), Set((1...20).map { "concurrent \($0)" }), "each command wrote its own entry once")
        let text = String(decoding: bytes, as: UTF8.self)
        for number in 1...20 {
            XCTAssertEqual(text.components(separatedBy: "\nnote \(number)\n").count, 2, "note \(number) once")
        }
        XCTAssertEqual(result.findings.diagnostics.filter { $0.severity == .error }, [])
        let check = try Transcript.run(["check"], in: workspace)
        XCTAssertEqual(check.status, 0, check.stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: path.deletingLastPathComponent().path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "no temporary files left behind")
    }

    /// Starts one leadbook per argument list at once in `workspace`, waits for all, expects
    /// each to exit 0, and gives their standard outputs in order.
    static func runTogether(_ commands: [[String]], in workspace: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        var processes: [(Process, Pipe, Pipe)] = []
        for arguments in commands {
            let process = Process()
            process.executableURL = Transcript.executable
            process.arguments = arguments
            process.currentDirectoryURL = workspace
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            processes.append((process, out, err))
        }
        for (process, _, _) in processes { try process.run() }
        var outputs: [String] = []
        for (process, out, err) in processes {
            let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, output + errors, file: file, line: line)
            outputs.append(output)
        }
        return outputs
    }

    /// 10 `new` commands started at once each get their own id: the workspace is listed again
    /// under the lock, so a file another command just created counts.
    func testConcurrentNewCommandsGetDistinctIds() throws {
        let workspace = try Transcript.copy(Transcript.fixtures.appendingPathComponent("writing/workspace"))
        defer { try? FileManager.default.removeItem(at: workspace) }
        let paths = try Self.runTogether((1...10).map { number in
            ["new", "--name", "并发客户\(number)号", "--source", "website", "--intent", "C", "--at", "2024-06-01T10:00"]
        }, in: workspace)
        let ids = paths.map { CustomerIds.id(ofFileName: WorkspacePath.fileName($0)) }
        XCTAssertEqual(Set(ids), Set((6...15).map { "LX2024\(String(format: "%03d", $0))" }), paths.joined())
        let check = try Transcript.run(["check"], in: workspace)
        XCTAssertEqual(check.status, 0, check.stdout)
    }

    /// Imports started together each take their ids from the workspace as the one before them
    /// left it (listed again under the lock), so no two create the same id.
    func testConcurrentImportsGetDistinctIds() throws {
        let workspace = try Transcript.copy(Transcript.fixtures.appendingPathComponent("writing/workspace"))
        defer { try? FileManager.default.removeItem(at: workspace) }
        for number in 1...10 {
            let row = "并发导入\(number)号,website,C,2024-06-01 10:00,联系人\(number),1770000\(String(format: "%04d", number))"
            try Data("name,source,intent,created,contact,phone\n\(row)\n".utf8).write(to: workspace.appendingPathComponent("leads\(number).csv"))
        }
        let outputs = try Self.runTogether((1...10).map { ["import", "leads\($0).csv"] }, in: workspace)
        let created = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("customers").path)
            .filter { $0.contains("并发导入") }
        let ids = created.map { CustomerIds.id(ofFileName: $0) }
        XCTAssertEqual(ids.count, 10, outputs.joined())
        XCTAssertEqual(Set(ids), Set((6...15).map { "LX2024\(String(format: "%03d", $0))" }), outputs.joined())
        let check = try Transcript.run(["check"], in: workspace)
        XCTAssertEqual(check.status, 0, check.stdout)
    }

    /// Every non-blank line of KEEP and OTHER before a merge is in KEEP or the tombstone after
    /// it, as often as it was (line endings aside): compared as multisets, for each pair of
    /// the merging fixture.
    func testMergeKeepsEveryLine() throws {
        let pairs = [
            ("LX2024101", "LX2024102", "customers/LX2024101-jinggong.md", "customers/LX2024102-jinggong-web.md"),
            ("LX2024103", "LX2024104", "customers/LX2024103-bright.md", "customers/LX2024104-bright-crlf.md"),
            ("LX2024105", "LX2024106", "customers/LX2024105-haida.md", "customers/LX2024106-haida-expo.md"),
        ]
        for (keepId, otherId, keepPath, otherPath) in pairs {
            let workspace = try Transcript.copy(Transcript.fixtures.appendingPathComponent("merging/workspace"))
            defer { try? FileManager.default.removeItem(at: workspace) }
            let keepURL = workspace.appendingPathComponent(keepPath), otherURL = workspace.appendingPathComponent(otherPath)
            let inputs = lines(try Data(contentsOf: keepURL)) + lines(try Data(contentsOf: otherURL))
            let run = try Transcript.run(["merge", keepId, otherId, "--at", "2024-06-01T09:00"], in: workspace)
            XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
            let outputs = lines(try Data(contentsOf: keepURL)) + lines(try Data(contentsOf: otherURL))
            var missing = multiset(inputs)
            for line in outputs { if let count = missing[line] { missing[line] = count > 1 ? count - 1 : nil } }
            XCTAssertEqual(missing, [:], "lines of \(keepId) + \(otherId) not in \(keepId) + tombstone")
            XCTAssertGreaterThan(outputs.count, inputs.count, "the merge adds its record and merged_into")
            let check = try Transcript.run(["check", "--strict"], in: workspace)
            let findings = check.stdout.split(separator: "\n").filter { $0.hasPrefix(keepPath + ":") || $0.hasPrefix(otherPath + ":") }
            XCTAssertEqual(findings, [], "KEEP and the tombstone are clean, even under --strict")
        }
    }

    /// The non-blank lines of a file, without line breaks and byte-order mark.
    func lines(_ data: Data) -> [String] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { line in String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    func multiset(_ lines: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in lines { counts[line, default: 0] += 1 }
        return counts
    }
}
