import Foundation
import XCTest

/// The bad-input corpus: each case a workspace made on the fly, checked by the built binary.
/// Every case must end with exit 1 (not a crash: a signal gives another status), and name its
/// rule with a location.
final class BadInputTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-bad-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try "language: zh-CN\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        // Make everything removable again (the unreadable-file case).
        if let enumerator = FileManager.default.enumerator(atPath: root.path) {
            while let path = enumerator.nextObject() as? String {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.appendingPathComponent(path).path)
            }
        }
        try? FileManager.default.removeItem(at: root)
    }

    static let valid = """
    ---
    id: LX2024001
    name: 测试客户有限公司
    source: website
    intent: B
    created: 2024-03-01 09:00
    status: untouched
    ---

    # 测试客户有限公司

    """

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: root.appendingPathComponent("customers/" + name))
    }

    func write(_ name: String, _ text: String) throws {
        try write(name, Array(text.utf8))
    }

    /// Runs `check` and asserts exit 1 with the rule named at `location` ("FILE:LINE:COL").
    @discardableResult
    func expectFinding(_ rule: String, at location: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let run = try Transcript.run(["check", "-C", root.path], in: root)
        XCTAssertEqual(run.status, 1, "exit status (a crash gives another): \(run.stdout)\(run.stderr)", file: file, line: line)
        let found = run.stdout.split(separator: "\n").contains { $0.hasPrefix(location) && $0.contains(": error[\(rule)]") }
        XCTAssertTrue(found, "expected \(location)...: error[\(rule)] in:\n\(run.stdout.prefix(2000))", file: file, line: line)
        return run.stdout
    }

    func testBOMAndCRLFAreAccepted() throws {
        try write("LX2024001-bom.md", "\u{FEFF}" + Self.valid.replacingOccurrences(of: "\n", with: "\r\n"))
        let run = try Transcript.run(["check", "-C", root.path], in: root)
        XCTAssertEqual(run.status, 0, run.stdout)
    }

    func testInvalidUTF8NamesTheByteOffset() throws {
        var bytes = Array(Self.valid.utf8)
        bytes.insert(contentsOf: [0xC3, 0x28], at: 30)
        try write("LX2024001-bad.md", bytes)
        let output = try expectFinding("invalid-utf8", at: "customers/LX2024001-bad.md:3:")
        XCTAssertTrue(output.contains("byte offset 30"), output)
    }

    func testNULBytes() throws {
        var bytes = Array(Self.valid.utf8)
        bytes.insert(0, at: 40)
        try write("LX2024001-nul.md", bytes)
        let output = try expectFinding("nul-byte", at: "customers/LX2024001-nul.md:")
        XCTAssertTrue(output.contains("byte offset 40"), output)
    }

    func testA50MBCustomerFile() throws {
        var bytes = Array(Self.valid.utf8)
        let line = Array(String(repeating: "跟进记录正文。", count: 100).utf8) + [0x0A]
        while bytes.count < 50 * 1024 * 1024 { bytes.append(contentsOf: line) }
        try write("LX2024001-huge.md", bytes)
        let output = try expectFinding("file-too-large", at: "customers/LX2024001-huge.md:1:1")
        XCTAssertTrue(output.contains("50 MB"), output)
    }

    /// A customer file over 16 MB gets check's diagnostic from every command, and none uses it:
    /// agenda, export and summary leave it out and say so (exit 1), log and show refuse to read
    /// it (exit 2), sync skips it.
    func testAFileTooLargeGetsTheSameDiagnosticFromEveryCommand() throws {
        try write("LX2024001-ok.md", Self.valid)
        var bytes = Array(Self.valid.replacingOccurrences(of: "LX2024001", with: "LX2024002")
            .replacingOccurrences(of: "测试客户", with: "巨大客户").utf8)
        let line = Array(String(repeating: "跟进记录正文。", count: 100).utf8) + [0x0A]
        while bytes.count < 17 * 1024 * 1024 { bytes.append(contentsOf: line) }
        try write("LX2024002-huge.md", bytes)
        let diagnostic = """
            customers/LX2024002-huge.md:1:1: error[file-too-large]: the file is 17 MB; customer files are at most 16 MB
              hint: move attachments and pasted data out of the file (link to them instead)

            """
        let named = "1 file has errors (customers/LX2024002-huge.md)"
        let check = try Transcript.run(["check", "-C", root.path], in: root)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.hasPrefix(diagnostic), check.stdout)
        for arguments in [["agenda", "--as-of", "2024-03-10T09:00"], ["export"], ["summary", "--as-of", "2024-03-10T09:00"]] {
            let run = try Transcript.run(arguments + ["-C", root.path], in: root)
            XCTAssertEqual(run.status, 1, arguments[0])
            XCTAssertTrue(run.stderr.hasPrefix(diagnostic) && run.stderr.contains("leadbook \(arguments[0]): \(named)"), "\(arguments[0]): \(run.stderr)")
            if arguments[0] != "summary" { XCTAssertFalse(run.stdout.contains("巨大客户"), "\(arguments[0]): \(run.stdout)") }
        }
        for arguments in [["log", "LX2024002", "--channel", "phone", "--at", "2024-03-05T10:00"], ["show", "LX2024002"]] {
            let run = try Transcript.run(arguments + ["-C", root.path], in: root)
            XCTAssertEqual(run.status, 2, arguments[0])
            XCTAssertEqual(run.stderr, "leadbook \(arguments[0]): no customer with id LX2024002 in the files leadbook could read; 1 file was not read:\n"
                           + diagnostic, arguments[0])
        }
        let sync = try Transcript.run(["sync", "-C", root.path], in: root)
        XCTAssertEqual(sync.status, 1)
        XCTAssertTrue(sync.stderr.hasPrefix(diagnostic + "leadbook sync: skipped customers/LX2024002-huge.md: it has errors"), sync.stderr)
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("customers/LX2024002-huge.md")).count, bytes.count, "never written")
    }

    func testNestingTenThousandLevelsDeep() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        try write("LX2024001-deep.md", Self.valid.replacingOccurrences(of: "status: untouched", with: "status: untouched\ntags: \(deep)"))
        try expectFinding("yaml-unsupported", at: "customers/LX2024001-deep.md:8:")
        let blockDeep = (0..<10_000).map { String(repeating: " ", count: $0 % 2) + "- " }.joined()
        try write("LX2024002-deep.md", Self.valid.replacingOccurrences(of: "LX2024001", with: "LX2024002")
                    .replacingOccurrences(of: "status: untouched", with: "status: untouched\ntags:\n  \(blockDeep)x"))
        try expectFinding("yaml-unsupported", at: "customers/LX2024002-deep.md:9:")
    }

    func testAOneMegabyteLine() throws {
        try write("LX2024001-long.md", Self.valid + String(repeating: "长", count: 350_000) + "\n")
        try expectFinding("line-too-long", at: "customers/LX2024001-long.md:11:1")
    }

    func testFrontMatterNeverClosed() throws {
        try write("LX2024001-open.md", "---\nid: LX2024001\nname: 测试\n\n# 测试\n")
        try expectFinding("unclosed-front-matter", at: "customers/LX2024001-open.md:1:1")
    }

    func testUnterminatedQuotes() throws {
        try write("LX2024001-quote.md", Self.valid.replacingOccurrences(of: "name: 测试客户有限公司", with: "name: \"测试客户有限公司"))
        try expectFinding("yaml-syntax", at: "customers/LX2024001-quote.md:3:7")
        try FileManager.default.removeItem(at: root.appendingPathComponent("customers/LX2024001-quote.md"))
        try write("LX2024001-single.md", Self.valid.replacingOccurrences(of: "name: 测试客户有限公司", with: "name: '测试客户有限公司"))
        try expectFinding("yaml-syntax", at: "customers/LX2024001-single.md:3:7")
    }

    func testNumbersPastInt64() throws {
        try write("LX2024001-big.md", Self.valid.replacingOccurrences(of: "status: untouched", with: "status: untouched\nemployees: 99999999999999999999"))
        try expectFinding("out-of-range", at: "customers/LX2024001-big.md:8:12")
    }

    func testDatesThatDoNotExist() throws {
        try write("LX2024001-date.md", Self.valid.replacingOccurrences(of: "created: 2024-03-01 09:00", with: "created: 2023-02-29 09:00"))
        try expectFinding("invalid-date", at: "customers/LX2024001-date.md:6:10")
    }

    func testASymlinkLoopUnderCustomers() throws {
        try write("LX2024001-ok.md", Self.valid)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("customers/loop").path,
                                                   withDestinationPath: root.appendingPathComponent("customers").path)
        try expectFinding("symlink-loop", at: "customers/loop:1:1")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("customers/self.md").path,
                                                   withDestinationPath: root.appendingPathComponent("customers/self.md").path)
        try expectFinding("unreadable-file", at: "customers/self.md:1:1")
    }

    func testASymlinkOutOfTheWorkspace() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-outside-\(UUID().uuidString).md")
        try Self.valid.write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("customers/LX2024001-link.md").path,
                                                   withDestinationPath: outside.path)
        try expectFinding("outside-workspace", at: "customers/LX2024001-link.md:1:1")
    }

    func testAnUnreadableFile() throws {
        guard geteuid() != 0 else {
            throw XCTSkip("running as root, who can read any file: permissions cannot make a file unreadable here")
        }
        try write("LX2024001-secret.md", Self.valid)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: root.appendingPathComponent("customers/LX2024001-secret.md").path)
        try expectFinding("unreadable-file", at: "customers/LX2024001-secret.md:1:1")
    }

    func testAnEmptyFile() throws {
        try write("LX2024001-empty.md", "")
        try expectFinding("empty-file", at: "customers/LX2024001-empty.md:1:1")
    }

    func testADirectoryNamedLikeACustomerFile() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers/LX2024001-x.md"), withIntermediateDirectories: true)
        try expectFinding("not-a-file", at: "customers/LX2024001-x.md:1:1")
    }
}
