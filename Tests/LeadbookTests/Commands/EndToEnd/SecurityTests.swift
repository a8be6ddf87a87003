import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The promises of docs/security.md: nothing leaves the workspace, git and other programs are
/// run with argument arrays, no shell.
final class SecurityTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-security-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try "id_prefix: LX\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try """
        ---
        id: LX2024001
        name: 测试客户有限公司
        source: website
        intent: B
        created: 2024-03-01 09:00
        status: untouched
        ---
        """.write(to: root.appendingPathComponent("customers/LX2024001-test.md"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func files() -> [String] {
        (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter { !$0.hasPrefix(".leadbook") }.sorted()
    }

    func testIdsThatArePathsAreRefused() throws {
        let before = files()
        for id in ["../../etc/passwd", "/etc/passwd", "customers/LX2024001-test", "..", "LX2024001/../../x"] {
            for command in [["show", id], ["explain", id], ["log", id, "--channel", "phone"]] {
                let run = try Transcript.run(command + ["-C", root.path], in: root)
                XCTAssertNotEqual(run.status, 0, "\(command) was accepted")
                XCTAssertFalse(run.stdout.contains("root:"), "\(command) printed a file outside the workspace")
            }
        }
        XCTAssertEqual(files(), before, "nothing is written")
    }

    func testWorkspacePathsInLeadbookYmlStayInside() throws {
        for (key, value) in [("customers", "../elsewhere"), ("customers", "/etc"), ("index", "../../INDEX.md"), ("summary", "C:\\\\x.md")] {
            try "\(key): \"\(value)\"\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
            let run = try Transcript.run(["check", "-C", root.path], in: root)
            XCTAssertEqual(run.status, 1, "\(key): \(value)")
            XCTAssertTrue(run.stdout.contains("leadbook.yml:1:"), run.stdout)
            XCTAssertTrue(run.stdout.contains("inside the workspace"), run.stdout)
        }
    }

    func testANewCustomerWithAHostileNameStaysInTheCustomersFolder() throws {
        let run = try Transcript.run(["new", "--name", "../../../tmp/evil/..\\x", "--source", "website", "--intent", "B",
                                      "--at", "2024-03-02T10:00", "-C", root.path], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        let created = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(created.hasPrefix("customers/LX2024002"), created)
        XCTAssertFalse(created.dropFirst("customers/".count).contains("/"), created)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(created).path))
        let check = try Transcript.run(["check", "-C", root.path], in: root)
        XCTAssertFalse(check.stdout.contains("error["), check.stdout)
    }

    /// Programs are started with an executable and an argument array, never through a shell.
    func testTheSourcesNeverRunAShell() throws {
        let sources = Transcript.packageRoot.appendingPathComponent("Sources")
        let enumerator = FileManager.default.enumerator(atPath: sources.path)!
        var offenders: [String] = []
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for pattern in ["\"/bin/sh\", \"-c\"", "\"sh\", \"-c\"", "\"bash\"", "\"/bin/bash\"", "system(", "popen("] where text.contains(pattern) {
                offenders.append("\(path): \(pattern)")
            }
        }
        XCTAssertEqual(offenders, [])
    }

    func testACustomersFolderLinkedOutOfTheWorkspaceIsNeitherReadNorWritten() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-outside-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: root.appendingPathComponent("customers/LX2024001-test.md"), to: outside.appendingPathComponent("LX2024001-test.md"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("customers"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("customers"), withDestinationURL: outside)
        let check = try Transcript.run(["check", "-C", root.path], in: root)
        XCTAssertEqual(check.status, 1, check.stdout)
        XCTAssertTrue(check.stdout.contains("customers:1:1: error[outside-workspace]"), check.stdout)
        let new = try Transcript.run(["new", "--name", "新客户", "--source", "website", "--intent", "B", "-C", root.path], in: root)
        XCTAssertEqual(new.status, 2, new.stdout + new.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), ["LX2024001-test.md"], "nothing written outside")
    }
}
