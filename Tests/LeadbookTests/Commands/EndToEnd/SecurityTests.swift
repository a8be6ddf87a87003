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

    // MARK: Every path leadbook reads or writes stays inside the workspace

    /// A folder outside the workspace, removed after the test.
    func outsideFolder() throws -> URL {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-outside-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: outside) }
        return outside
    }

    func link(_ relative: String, to destination: URL) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination.path)
    }

    func contents(_ folder: URL) -> [String: String] {
        var found: [String: String] = [:]
        for name in (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? [] {
            found[name] = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "<folder>"
        }
        return found
    }

    var customerFile: String { (try? String(contentsOf: root.appendingPathComponent("customers/LX2024001-test.md"), encoding: .utf8)) ?? "" }

    /// leadbook.yml `index: docs/INDEX.md` with `docs` a link out of the workspace: sync writes
    /// nothing there (nor the customer files), names the link and exits 2.
    func testSyncDoesNotWriteTheIndexThroughALinkedFolder() throws {
        let outside = try outsideFolder()
        try "# 别人的文件\n".write(to: outside.appendingPathComponent("INDEX.md"), atomically: true, encoding: .utf8)
        try "id_prefix: LX\nindex: docs/INDEX.md\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try link("docs", to: outside)
        try (customerFile + "\n## Follow-ups\n\n### 2024-03-05 10:00 phone 李娜\n- status: contacted\n")
            .write(to: root.appendingPathComponent("customers/LX2024001-test.md"), atomically: true, encoding: .utf8)
        let before = customerFile
        let run = try Transcript.run(["sync", "-C", root.path], in: root)
        XCTAssertEqual(run.status, 2, run.stdout + run.stderr)
        XCTAssertEqual(run.stderr, "leadbook sync: cannot write docs/INDEX.md: `docs` is a link to \(outside.path), outside the workspace; "
                       + "leadbook neither reads nor writes through it; nothing was written\n")
        XCTAssertEqual(contents(outside), ["INDEX.md": "# 别人的文件\n"])
        XCTAssertEqual(customerFile, before)
    }

    /// `index --by owner` with `index/` a link out of the workspace writes nothing, anywhere.
    func testIndexByOwnerDoesNotWriteThroughALinkedOwnerFolder() throws {
        let outside = try outsideFolder()
        try "id_prefix: LX\nteam:\n  - {name: 张伟, role: senior, capacity: 10}\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try customerFile.replacingOccurrences(of: "intent: B\n", with: "intent: B\nowner: 张伟\n")
            .write(to: root.appendingPathComponent("customers/LX2024001-test.md"), atomically: true, encoding: .utf8)
        try link("index", to: outside)
        let run = try Transcript.run(["index", "--by", "owner", "-C", root.path], in: root)
        XCTAssertEqual(run.status, 2, run.stdout + run.stderr)
        XCTAssertEqual(run.stderr, "leadbook index: cannot write index/张伟.md: `index` is a link to \(outside.path), outside the workspace; "
                       + "leadbook neither reads nor writes through it; nothing was written\n")
        XCTAssertEqual(contents(outside), [:])
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("INDEX.md").path), "not the index either")
    }

    /// INDEX.md a link to a file outside: no command copies that file in or writes it; check
    /// names the link without reading it; log refuses before writing anything.
    func testAnIndexFileLinkedOutOfTheWorkspaceIsNeitherReadNorWritten() throws {
        let outside = try outsideFolder()
        let secret = "机密：别的团队的名单 13912345678\n<!-- leadbook:begin leads -->\n<!-- leadbook:end leads -->\n"
        try secret.write(to: outside.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        try link("INDEX.md", to: outside.appendingPathComponent("notes.md"))
        let before = customerFile
        let message = "`INDEX.md` is a link to \(outside.path)/notes.md, outside the workspace; leadbook neither reads nor writes through it"
        let index = try Transcript.run(["index", "-C", root.path], in: root)
        XCTAssertEqual(index.status, 2, index.stdout + index.stderr)
        XCTAssertEqual(index.stderr, "leadbook index: cannot write INDEX.md: \(message); nothing was written\n")
        let check = try Transcript.run(["check", "-C", root.path], in: root)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.hasPrefix("INDEX.md:1:1: error[outside-workspace]: \(message)\n"), check.stdout)
        XCTAssertFalse(check.stdout.contains("机密"), check.stdout)
        let log = try Transcript.run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-02T10:00", "-C", root.path], in: root)
        XCTAssertEqual(log.status, 2, log.stdout + log.stderr)
        XCTAssertEqual(log.stderr, "leadbook log: cannot write INDEX.md: \(message); nothing was written\n")
        let sync = try Transcript.run(["sync", "-C", root.path], in: root)
        XCTAssertEqual(sync.status, 2, sync.stdout + sync.stderr)
        XCTAssertEqual(contents(outside), ["notes.md": secret])
        XCTAssertEqual(customerFile, before)
        XCTAssertNotNil(try? FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("INDEX.md").path), "still the link")
    }

    /// `hook install` with .gitattributes a link to a file outside neither copies that file in
    /// nor writes it, and refuses before writing anything else: no hook, no .git/config entry.
    func testHookInstallDoesNotCopyALinkedGitattributes() throws {
        let box = try GitSandbox()
        try box.initWorkspace()
        for name in GitHooks.hookNames { try FileManager.default.removeItem(at: box.url("ws/.git/hooks/\(name)")) }
        try box.git(["config", "--local", "--remove-section", "merge.leadbook"])
        let outside = try outsideFolder()
        let secret = "# 别的仓库的设置\n*.key filter=secret\n"
        try secret.write(to: outside.appendingPathComponent("attributes"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: box.url("ws/.gitattributes"))
        try FileManager.default.createSymbolicLink(atPath: box.url("ws/.gitattributes").path, withDestinationPath: outside.appendingPathComponent("attributes").path)
        let run = try box.leadbook(["hook", "install"], expect: 2)
        XCTAssertTrue(run.stderr.hasSuffix("leadbook hook: cannot add the merge driver's lines to .gitattributes: `.gitattributes` is a link to "
                                           + "\(outside.path)/attributes, outside the workspace; leadbook neither reads nor writes through it\n"), run.stderr)
        XCTAssertEqual(contents(outside), ["attributes": secret])
        XCTAssertNotNil(try? FileManager.default.destinationOfSymbolicLink(atPath: box.url("ws/.gitattributes").path), "still the link")
        for name in GitHooks.hookNames { XCTAssertFalse(box.exists("ws/.git/hooks/\(name)"), "\(name) was written before the refusal") }
        XCTAssertEqual(try box.git(["config", "--local", "--get-regexp", "^merge\\.leadbook\\."], expect: 1).stdout, "",
                       "the merge driver was registered before the refusal")
    }

    /// leadbook.yml a link to a file outside: its lines are never printed (not even in a
    /// syntax error); check names the link.
    func testALeadbookYmlLinkedOutOfTheWorkspaceIsNotRead() throws {
        let outside = try outsideFolder()
        try "password: \"s3cret-行\nteam: [\n".write(to: outside.appendingPathComponent("settings.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: root.appendingPathComponent("leadbook.yml"))
        try link("leadbook.yml", to: outside.appendingPathComponent("settings.yml"))
        for command in [["check"], ["show", "LX2024001"], ["agenda"], ["index", "--check"]] {
            let run = try Transcript.run(command + ["-C", root.path], in: root)
            XCTAssertFalse((run.stdout + run.stderr).contains("s3cret"), "\(command): \(run.stdout + run.stderr)")
        }
        let check = try Transcript.run(["check", "-C", root.path], in: root)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.hasPrefix("leadbook.yml:1:1: error[outside-workspace]: `leadbook.yml` is a link to \(outside.path)/settings.yml, "
                                             + "outside the workspace"), check.stdout)
    }

    /// `.leadbook/lock` (or `.leadbook`) a link out of the workspace: no writer creates a file
    /// there; each exits 2 naming the link.
    func testALockLinkedOutOfTheWorkspaceCreatesNothingThere() throws {
        let outside = try outsideFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".leadbook"), withIntermediateDirectories: true)
        try link(".leadbook/lock", to: outside.appendingPathComponent("lock"))
        let before = customerFile
        let log = try Transcript.run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-02T10:00", "-C", root.path], in: root)
        XCTAssertEqual(log.status, 2, log.stdout + log.stderr)
        XCTAssertTrue(log.stderr.contains("`.leadbook/lock` is a link to \(outside.path)/lock, outside the workspace"), log.stderr)
        try FileManager.default.removeItem(at: root.appendingPathComponent(".leadbook"))
        try link(".leadbook", to: outside)
        for command in [["sync"], ["new", "--name", "新客户", "--source", "website", "--intent", "B"], ["summary", "--out", "s.md"]] {
            let run = try Transcript.run(command + ["-C", root.path], in: root)
            XCTAssertEqual(run.status, 2, "\(command): \(run.stdout + run.stderr)")
            XCTAssertTrue(run.stderr.contains("`.leadbook` is a link to \(outside.path), outside the workspace"), run.stderr)
        }
        XCTAssertEqual(contents(outside), [:])
        XCTAssertEqual(customerFile, before)
    }
}
