import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The one write path: the lock, the read-back check, atomic writes of every file or none.
final class CustomerWriteTests: XCTestCase {
    var root: URL!

    static func customer(_ id: String, _ name: String, created: String = "2024-03-01 09:00", extra: String = "") -> String {
        """
        ---
        id: \(id)
        name: \(name)
        source: website
        intent: A
        \(extra)created: \(created)
        status: untouched
        ---

        # \(name)

        """
    }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-write-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try "language: zh-CN\n".write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file under customers/ (hidden ones too: no temporary file may be left behind).
    func files() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("customers").path).sorted()
    }

    func run(_ arguments: [String]) -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: [:], currentDirectory: root.path)
        let code = LeadbookCommandLine.run(arguments + ["-C", root.path], context)
        return (code, console.output, console.errors)
    }

    // MARK: The write path

    func testAChangeThatWouldAddAnErrorIsRefused() throws {
        let text = Self.customer("LX2024001", "华东云有限公司")
        try write("customers/LX2024001-a.md", text)
        let write = try CustomerWrite(Workspace.open(root: root.path))
        let broken = text.replacingOccurrences(of: "status: untouched", with: "status: sleeping")
        XCTAssertThrowsError(try write.update("customers/LX2024001-a.md", from: Array(text.utf8), to: Array(broken.utf8))) { error in
            guard case CustomerWrite.Refusal.newErrors(let path, let added)? = error as? CustomerWrite.Refusal else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "customers/LX2024001-a.md")
            XCTAssertEqual(added.map(\.rule.id), ["unknown-status"])
        }
        XCTAssertTrue(write.changes.isEmpty)
        // An error the file already had is no new error.
        let still = broken.replacingOccurrences(of: "intent: A", with: "intent: B")
        try write.update("customers/LX2024001-a.md", from: Array(broken.utf8), to: Array(still.utf8))
        XCTAssertEqual(write.changes.count, 1)
    }

    func testEveryFileIsWrittenOrNone() throws {
        let first = Self.customer("LX2024001", "华东云有限公司"), second = Self.customer("LX2024002", "华北云有限公司")
        try write("customers/LX2024001-a.md", first)
        try write("customers/north/LX2024002-b.md", second)
        let write = try CustomerWrite(Workspace.open(root: root.path))
        let changed = { (text: String) in Array(text.replacingOccurrences(of: "intent: A", with: "intent: B").utf8) }
        try write.update("customers/LX2024001-a.md", from: Array(first.utf8), to: changed(first))
        try write.create("customers/LX2024003-c.md", Array(Self.customer("LX2024003", "华南云有限公司").utf8))
        try write.update("customers/north/LX2024002-b.md", from: Array(second.utf8), to: changed(second))
        // The last file's folder goes away: its write fails, the two before it are undone.
        try FileManager.default.removeItem(at: root.appendingPathComponent("customers/north"))
        XCTAssertThrowsError(try write.commit()) { error in
            guard case CustomerWrite.Refusal.failed(let failure)? = error as? CustomerWrite.Refusal else { return XCTFail("\(error)") }
            XCTAssertTrue(failure.description.hasPrefix("cannot write \(self.root.path)/customers/north/LX2024002-b.md: "), failure.description)
            XCTAssertEqual(failure.restored, ["customers/LX2024001-a.md", "customers/LX2024003-c.md"])
            XCTAssertEqual(failure.notRestored, [])
            XCTAssertEqual(Refusal(CustomerWrite.Refusal.failed(failure)).message,
                           failure.description + "; 2 files written before it were put back")
        }
        XCTAssertEqual(try read("customers/LX2024001-a.md"), first)
        XCTAssertEqual(try files(), ["LX2024001-a.md"])
    }

    func testAMoveWritesTheNewNameAndRemovesTheOld() throws {
        let text = Self.customer("LX2024001", "华东云有限公司")
        try write("customers/LX2024001-a.md", text)
        let write = try CustomerWrite(Workspace.open(root: root.path))
        let renumbered = text.replacingOccurrences(of: "id: LX2024001", with: "id: LX2024002")
        // Read back under its new name: under the old one it would not match its id.
        try write.move("customers/LX2024001-a.md", to: "customers/LX2024002-a.md", from: Array(text.utf8), to: Array(renumbered.utf8))
        try write.commit()
        XCTAssertEqual(try files(), ["LX2024002-a.md"])
        XCTAssertEqual(try read("customers/LX2024002-a.md"), renumbered)
    }

    func testANewFileIsNeverWrittenOverAnother() throws {
        try write("customers/LX2024001-a.md", Self.customer("LX2024001", "华东云有限公司"))
        let write = try CustomerWrite(Workspace.open(root: root.path))
        try write.create("customers/LX2024001-a.md", Array(Self.customer("LX2024001", "另一家有限公司").utf8))
        XCTAssertThrowsError(try write.commit()) { error in
            guard case CustomerWrite.Refusal.exists(let path)? = error as? CustomerWrite.Refusal else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "customers/LX2024001-a.md")
        }
        XCTAssertTrue(try read("customers/LX2024001-a.md").contains("华东云"))
    }

    /// A dry run neither waits for the lock nor writes; its changes are still checked.
    func testADryRunTakesNoLockAndWritesNothing() throws {
        let text = Self.customer("LX2024001", "华东云有限公司")
        try write("customers/LX2024001-a.md", text)
        let workspace = Workspace.open(root: root.path)
        let holder = try CustomerWrite(workspace)
        let dryRun = try CustomerWrite(workspace, dryRun: true)
        try dryRun.update("customers/LX2024001-a.md", from: Array(text.utf8), to: Array(text.replacingOccurrences(of: "intent: A", with: "intent: B").utf8))
        try dryRun.commit()
        XCTAssertEqual(try read("customers/LX2024001-a.md"), text)
        holder.release()
        XCTAssertNoThrow(try CustomerWrite(workspace))
    }

    // MARK: The writers

    /// The log says won but the file has no deal: writing `status: won` would add missing-deal,
    /// so sync leaves that file as it is, says why, and still writes the others.
    func testSyncLeavesAFileWhoseDerivedValuesWouldAddAnError() throws {
        let won = Self.customer("LX2024001", "华东云有限公司").replacingOccurrences(of: "status: untouched", with: "status: negotiation")
            + "\n## Follow-ups\n\n### 2024-03-05 10:00 meeting 张伟\n- status: won\n"
        let stale = Self.customer("LX2024002", "华北云有限公司")
            + "\n## Follow-ups\n\n### 2024-03-05 10:00 phone 李娜\n- status: contacted\n"
        try write("customers/LX2024001-a.md", won)
        try write("customers/LX2024002-b.md", stale)
        let (code, output, errors) = run(["sync"])
        XCTAssertEqual(code, .findings)
        XCTAssertTrue(output.hasPrefix("updated customers/LX2024002-b.md: status untouched -> contacted\n"), output)
        XCTAssertTrue(errors.hasPrefix("leadbook sync: skipped customers/LX2024001-a.md: its derived values would give it 1 new error:\n"
                                       + "customers/LX2024001-a.md:"), errors)
        XCTAssertTrue(errors.contains("error[missing-deal]"), errors)
        XCTAssertEqual(try read("customers/LX2024001-a.md"), won)
        XCTAssertTrue(try read("customers/LX2024002-b.md").contains("status: contacted\n"))
    }

    // MARK: assign and renumber

    /// A rep whose name is longer than a line may be: writing it as `owner` would give the file
    /// line-too-long, so assign writes nothing.
    func testAssignRefusesAnOwnerThatWouldNotReadBack() throws {
        let name = String(repeating: "王", count: 23_000)
        try "language: zh-CN\nteam:\n  - {name: \(name), role: senior, capacity: 10}\n"
            .write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        let first = Self.customer("LX2024001", "华东云有限公司"), second = Self.customer("LX2024002", "华北云有限公司")
        try write("customers/LX2024001-a.md", first)
        try write("customers/LX2024002-b.md", second)
        let (code, output, errors) = run(["assign", "--at", "2024-03-10T09:00"])
        XCTAssertEqual(code, .findings, errors)
        XCTAssertEqual(output.split(separator: "\n").count, 2, "both decisions are shown")
        XCTAssertTrue(errors.hasPrefix("leadbook assign: the change would leave customers/LX2024001-a.md with 1 new error; nothing was written:\n"
                                       + "customers/LX2024001-a.md:"), String(errors.prefix(300)))
        XCTAssertTrue(errors.contains("error[line-too-long]"), String(errors.prefix(300)))
        XCTAssertEqual(try read("customers/LX2024001-a.md"), first)
        XCTAssertEqual(try read("customers/LX2024002-b.md"), second)
        XCTAssertEqual(run(["assign", "--dry-run", "--at", "2024-03-10T09:00"]).code, .findings, "a dry run refuses it too")
        XCTAssertEqual(try files(), ["LX2024001-a.md", "LX2024002-b.md"])
    }

    /// The next free id after an 18-digit one has 19 digits, which is no id: renumber writes
    /// nothing rather than a file `check` rejects, and names the customer that needs an id.
    func testRenumberRefusesAnIdThatWouldNotReadBack() throws {
        let kept = Self.customer("LX2024001", "华东云有限公司")
        let newer = Self.customer("LX2024001", "华东云科技有限公司", created: "2024-03-05 09:00")
        let highest = Self.customer("LX999999999999999999", "最大编号有限公司")
        try write("customers/LX2024001-a.md", kept)
        try write("customers/LX2024001-b.md", newer)
        try write("customers/LX999999999999999999-z.md", highest)
        let (code, output, errors) = run(["renumber"])
        XCTAssertEqual(code, .findings, errors)
        XCTAssertFalse(output.contains("LX1000000000000000000"), output)
        XCTAssertFalse(output.contains("renumbered; commit"), output)
        XCTAssertEqual(errors, "leadbook renumber: no free id is left for customers/LX2024001-b.md: the highest id in use has 18 digits of nines; "
                       + "give that customer a shorter id by hand (and its file name), then run renumber again; nothing was written\n")
        XCTAssertEqual(try files(), ["LX2024001-a.md", "LX2024001-b.md", "LX999999999999999999-z.md"])
        XCTAssertEqual(try read("customers/LX2024001-b.md"), newer)
        XCTAssertEqual(run(["renumber", "--dry-run"]).code, .findings, "a dry run refuses it too")
    }

    /// Renumber still renames and rewrites when the result reads back.
    func testRenumberWritesWhatReadsBack() throws {
        try write("customers/LX2024001-a.md", Self.customer("LX2024001", "华东云有限公司"))
        try write("customers/LX2024001-b.md", Self.customer("LX2024001", "华东云科技有限公司", created: "2024-03-05 09:00"))
        let (code, output, errors) = run(["renumber"])
        XCTAssertEqual(code, .ok, errors)
        XCTAssertTrue(output.hasSuffix("1 customer renumbered; commit the change (`git add -A`)\n"), output)
        XCTAssertEqual(try files(), ["LX2024001-a.md", "LX2024002-b.md"])
        XCTAssertTrue(try read("customers/LX2024002-b.md").contains("id: LX2024002\n"))
    }
}
