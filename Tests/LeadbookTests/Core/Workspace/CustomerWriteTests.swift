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
        CustomerWrite.fault = nil
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
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: root.path)
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

    /// A change that cannot be made (its folder went away) is found before any file is written:
    /// the first file is not even rewritten (its inode is the same).
    func testAChangeThatCannotBeMadeIsFoundBeforeAnythingIsWritten() throws {
        let first = Self.customer("LX2024001", "华东云有限公司"), second = Self.customer("LX2024002", "华北云有限公司")
        try write("customers/LX2024001-a.md", first)
        try write("customers/north/LX2024002-b.md", second)
        let inode = try self.inode("customers/LX2024001-a.md")
        let write = try CustomerWrite(Workspace.open(root: root.path))
        try write.update("customers/LX2024001-a.md", from: Array(first.utf8), to: Self.changed(first))
        try write.create("customers/LX2024003-c.md", Array(Self.customer("LX2024003", "华南云有限公司").utf8))
        try write.update("customers/north/LX2024002-b.md", from: Array(second.utf8), to: Self.changed(second))
        try FileManager.default.removeItem(at: root.appendingPathComponent("customers/north"))
        XCTAssertThrowsError(try write.commit()) { error in
            guard case CustomerWrite.Refusal.failed(let failure)? = error as? CustomerWrite.Refusal else { return XCTFail("\(error)") }
            XCTAssertTrue(failure.beforeWriting)
            XCTAssertEqual(failure.restored, [])
            XCTAssertEqual(Refusal(CustomerWrite.Refusal.failed(failure)).message.en,
                           "cannot write customers/north/LX2024002-b.md: no such file; nothing was written")
        }
        XCTAssertEqual(try read("customers/LX2024001-a.md"), first)
        XCTAssertEqual(try self.inode("customers/LX2024001-a.md"), inode, "never rewritten")
        XCTAssertEqual(try files(), ["LX2024001-a.md"])
    }

    /// The last of three writes fails (a full disk): the two before it are put back.
    func testEveryFileIsWrittenOrNone() throws {
        let first = Self.customer("LX2024001", "华东云有限公司"), second = Self.customer("LX2024002", "华北云有限公司")
        try write("customers/LX2024001-a.md", first)
        try write("customers/north/LX2024002-b.md", second)
        let write = try CustomerWrite(Workspace.open(root: root.path))
        try write.update("customers/LX2024001-a.md", from: Array(first.utf8), to: Self.changed(first))
        try write.create("customers/LX2024003-c.md", Array(Self.customer("LX2024003", "华南云有限公司").utf8))
        try write.update("customers/north/LX2024002-b.md", from: Array(second.utf8), to: Self.changed(second))
        var attempts: [String] = []
        CustomerWrite.fault = { step, path in
            if step == .write { attempts.append(path) }
            return step == .write && path == "customers/north/LX2024002-b.md" ? "No space left on device" : nil
        }
        XCTAssertThrowsError(try write.commit()) { error in
            guard case CustomerWrite.Refusal.failed(let failure)? = error as? CustomerWrite.Refusal else { return XCTFail("\(error)") }
            XCTAssertFalse(failure.beforeWriting)
            XCTAssertEqual(failure.restored, ["customers/LX2024001-a.md", "customers/LX2024003-c.md"])
            XCTAssertEqual(failure.notRestored, [])
            XCTAssertEqual(Refusal(CustomerWrite.Refusal.failed(failure)).message.en,
                           "cannot write customers/north/LX2024002-b.md: No space left on device; 2 files written before it were put back")
        }
        XCTAssertEqual(attempts, ["customers/LX2024001-a.md", "customers/LX2024003-c.md", "customers/north/LX2024002-b.md"])
        XCTAssertEqual(try read("customers/LX2024001-a.md"), first)
        XCTAssertEqual(try read("customers/north/LX2024002-b.md"), second)
        XCTAssertEqual(try files(), ["LX2024001-a.md", "north", "north/LX2024002-b.md"])
    }

    /// A generated file written from ranges of its old version (the index after `log`) is put
    /// back from that version, which the rename replaced, when a later write fails.
    func testAFileWrittenFromItsOldVersionIsPutBackFromIt() throws {
        for (maps, kernel) in AtomicFileTests.ways {
            FileSnapshot.maps = maps
            AtomicFile.copiesInKernel = kernel
            defer { FileSnapshot.maps = true; AtomicFile.copiesInKernel = true }
            let old = String(repeating: "| LX2024001 | 华东云 |\n", count: 2_000)
            let first = Self.customer("LX2024001", "华东云有限公司")
            try write("INDEX.md", old)
            try write("customers/LX2024001-a.md", first)
            let write = try CustomerWrite(Workspace.open(root: root.path))
            let original = try FileSnapshot.open(root.appendingPathComponent("INDEX.md").path).get()
            write.add(.generated("INDEX.md", from: original, pieces: [.bytes(Array("# new\n".utf8)[...]), .original(0..<original.count)]))
            try write.update("customers/LX2024001-a.md", from: Array(first.utf8), to: Self.changed(first))
            CustomerWrite.fault = { step, path in step == .write && path == "customers/LX2024001-a.md" ? "No space left on device" : nil }
            XCTAssertThrowsError(try write.commit()) { error in
                guard case CustomerWrite.Refusal.failed(let failure)? = error as? CustomerWrite.Refusal else { return XCTFail("\(error)") }
                XCTAssertEqual(failure.restored, ["INDEX.md"])
                XCTAssertEqual(failure.notRestored, [])
            }
            CustomerWrite.fault = nil
            XCTAssertEqual(try read("INDEX.md"), old, "maps \(maps), kernel \(kernel)")
            XCTAssertEqual(try read("customers/LX2024001-a.md"), first)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".INDEX.md") }, [])
            XCTAssertEqual(try files(), ["LX2024001-a.md"])
        }
    }

    /// A file that cannot be put back either is named, so the user knows what to restore.
    func testAFileThatCannotBePutBackIsNamed() throws {
        let first = Self.customer("LX2024001", "华东云有限公司"), second = Self.customer("LX2024002", "华北云有限公司")
        try write("customers/LX2024001-a.md", first)
        try write("customers/LX2024002-b.md", second)
        let write = try CustomerWrite(Workspace.open(root: root.path))
        try write.update("customers/LX2024001-a.md", from: Array(first.utf8), to: Self.changed(first))
        try write.update("customers/LX2024002-b.md", from: Array(second.utf8), to: Self.changed(second))
        CustomerWrite.fault = { step, path in
            (step == .write && path == "customers/LX2024002-b.md") || step == .restore ? "Input/output error" : nil
        }
        XCTAssertThrowsError(try write.commit()) { error in
            guard case CustomerWrite.Refusal.failed(let failure)? = error as? CustomerWrite.Refusal else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.notRestored, ["customers/LX2024001-a.md"])
            XCTAssertEqual(Refusal(CustomerWrite.Refusal.failed(failure)).message.en,
                           "cannot write customers/LX2024002-b.md: Input/output error; customers/LX2024001-a.md could not be put back (see `git status`)")
        }
    }

    /// A customer file that is a link to a file elsewhere in the workspace is written through
    /// the link: the link stays a link and the file it leads to gets the change.
    func testALinkInsideTheWorkspaceIsWrittenThrough() throws {
        let text = Self.customer("LX2024001", "华东云有限公司")
        try write("shared/LX2024001-a.md", text)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("customers/LX2024001-a.md").path,
                                                   withDestinationPath: "../shared/LX2024001-a.md")
        let (code, output, errors) = run(["log", "LX2024001", "--channel", "phone", "--note", "约了下周拜访", "--at", "2024-03-02T10:00"])
        XCTAssertEqual(code, .ok, errors)
        XCTAssertTrue(output.hasPrefix("logged 2024-03-02 10:00 phone in customers/LX2024001-a.md"), output)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("customers/LX2024001-a.md").path),
                       "../shared/LX2024001-a.md", "still the link")
        XCTAssertTrue(try read("shared/LX2024001-a.md").contains("约了下周拜访"))
        XCTAssertEqual(try files(), ["LX2024001-a.md"], "no temporary file, no second file")
    }

    /// Renumbering renames a file; a link is not renamed (its target would keep the old id):
    /// refused before anything is written, saying what to rename instead.
    func testALinkIsNotRenamed() throws {
        try write("customers/LX2024001-a.md", Self.customer("LX2024001", "华东云有限公司"))
        let newer = Self.customer("LX2024001", "华东云科技有限公司", created: "2024-03-05 09:00")
        try write("shared/LX2024001-b.md", newer)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("customers/LX2024001-b.md").path,
                                                   withDestinationPath: "../shared/LX2024001-b.md")
        let (code, _, errors) = run(["renumber"])
        XCTAssertEqual(code, .failure)
        XCTAssertEqual(errors, "leadbook renumber: cannot write customers/LX2024001-b.md: it is a link to ../shared/LX2024001-b.md, and leadbook does not "
                       + "rename links; rename the file it leads to, or replace the link with that file; nothing was written\n")
        XCTAssertEqual(try files(), ["LX2024001-a.md", "LX2024001-b.md"])
        XCTAssertEqual(try read("shared/LX2024001-b.md"), newer)
    }

    /// `merge --delete` removes OTHER's link, not the file it leads to; when a later write
    /// fails, the link is put back as a link.
    func testADeletedLinkIsPutBackAsALink() throws {
        let keep = Self.withFollowUps("LX2024001", "华东云有限公司", [2])
        let other = Self.withFollowUps("LX2024002", "华东云科技有限公司", [3])
        try write("customers/LX2024001-a.md", keep)
        try write("shared/LX2024002-b.md", other)
        let link = root.appendingPathComponent("customers/LX2024002-b.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "../shared/LX2024002-b.md")
        try write("INDEX.md", "# 索引\n")
        CustomerWrite.fault = { step, path in step == .write && path == "INDEX.md" ? "No space left on device" : nil }
        let failed = run(["merge", "LX2024001", "LX2024002", "--delete", "--at", "2024-03-10T09:00"])
        XCTAssertEqual(failed.code, .failure)
        XCTAssertEqual(failed.errors, "leadbook merge: cannot write INDEX.md: No space left on device; 2 files written before it were put back\n")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "../shared/LX2024002-b.md")
        XCTAssertEqual(try read("customers/LX2024001-a.md"), keep)
        CustomerWrite.fault = nil
        XCTAssertEqual(run(["merge", "LX2024001", "LX2024002", "--delete", "--at", "2024-03-10T09:00"]).code, .ok)
        XCTAssertEqual(try files(), ["LX2024001-a.md"])
        XCTAssertEqual(try read("shared/LX2024002-b.md"), other, "the file the link led to stays")
    }

    /// A customer file that has become a link out of the workspace by the time it is written
    /// (the walk would not have listed it) is refused, naming the link; nothing is written.
    func testALinkOutOfTheWorkspaceIsNeverWrittenThrough() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-outside-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let text = Self.customer("LX2024001", "华东云有限公司")
        try text.write(to: outside.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try write("customers/LX2024002-b.md", Self.customer("LX2024002", "华北云有限公司"))
        let write = try CustomerWrite(Workspace.open(root: root.path))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("customers/LX2024001-a.md").path,
                                                   withDestinationPath: outside.appendingPathComponent("a.md").path)
        let second = try read("customers/LX2024002-b.md")
        try write.update("customers/LX2024002-b.md", from: Array(second.utf8), to: Self.changed(second))
        try write.update("customers/LX2024001-a.md", from: Array(text.utf8), to: Self.changed(text))
        XCTAssertThrowsError(try write.commit()) { error in
            guard case CustomerWrite.Refusal.failed(let failure)? = error as? CustomerWrite.Refusal else { return XCTFail("\(error)") }
            XCTAssertEqual(Refusal(CustomerWrite.Refusal.failed(failure)).message.en,
                           "cannot write customers/LX2024001-a.md: `customers/LX2024001-a.md` is a link to \(outside.path)/a.md, outside the workspace; "
                           + "leadbook neither reads nor writes through it; nothing was written")
        }
        XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent("a.md"), encoding: .utf8), text)
        XCTAssertEqual(try read("customers/LX2024002-b.md"), second)
    }

    /// A customer file that is a link out of the workspace: `log` and `show` name the link
    /// (its outside-workspace finding) instead of saying there is no such customer.
    func testACommandOnACustomerLinkedOutOfTheWorkspaceNamesTheLink() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-outside-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let text = Self.customer("LX2024001", "华东云有限公司")
        try text.write(to: outside.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try write("customers/LX2024002-b.md", Self.customer("LX2024002", "华北云有限公司"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("customers/LX2024001-a.md").path,
                                                   withDestinationPath: outside.appendingPathComponent("a.md").path)
        for command in [["log", "LX2024001", "--channel", "phone", "--at", "2024-03-02 10:00"], ["show", "LX2024001"]] {
            let (code, _, errors) = run(command)
            XCTAssertNotEqual(code, .ok, "\(command)")
            XCTAssertTrue(errors.contains("customers/LX2024001-a.md:1:1: error[outside-workspace]: `LX2024001-a.md` links to \(outside.path)/a.md"), "\(command): \(errors)")
            XCTAssertFalse(errors.contains("no customer with id LX2024001\n"), "\(command): \(errors)")
        }
        XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent("a.md"), encoding: .utf8), text)
        XCTAssertTrue(run(["show", "LX2024009"]).errors.contains("no customer with id LX2024009"), "another id is still not found")
    }

    /// Temporary files left by writes that were killed before their rename are removed by the
    /// next writer, under the lock, and it says so; other hidden files stay, and a dry run
    /// removes nothing.
    func testTheNextWriterRemovesTemporaryFilesOfInterruptedWrites() throws {
        try write("customers/LX2024001-a.md", Self.customer("LX2024001", "华东云有限公司"))
        let leftovers = ["customers/.LX2024001-a.md.leadbook-3k9x2f1.tmp", "customers/north/.LX2024002-b.md.leadbook-q0.tmp",
                         ".INDEX.md.leadbook-zz81.tmp"]
        let kept = ["customers/.LX2024001-a.md.swp", "customers/.notes.leadbook-X1.tmp", ".gitattributes.leadbook-abc.tmp"]
        for path in leftovers + kept { try write(path, "partial") }
        XCTAssertEqual(run(["sync", "--dry-run"]).code, .findings, "it would create INDEX.md")
        for path in leftovers { XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "a dry run keeps \(path)") }
        let (code, _, errors) = run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-02T10:00"])
        XCTAssertEqual(code, .ok, errors)
        for path in leftovers {
            XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), path)
            XCTAssertTrue(errors.contains("leadbook: removed \(path), a temporary file left by a write that was interrupted\n"), errors)
        }
        for path in kept { XCTAssertEqual(try read(path), "partial", path) }
    }

    // MARK: Commands that write several files

    /// A customer with follow-ups (each entry's text names the customer, to count it).
    static func withFollowUps(_ id: String, _ name: String, _ days: [Int]) -> String {
        customer(id, name).replacingOccurrences(of: "status: untouched", with: "status: contacted")
            + "\n## Follow-ups\n" + days.map { "\n### 2024-03-0\($0) 10:00 phone 张伟\n- status: contacted\n\(id) 第\($0)天的跟进\n" }.joined()
    }

    func occurrences(_ text: String, in path: String) throws -> Int {
        try read(path).components(separatedBy: text).count - 1
    }

    /// `merge KEEP OTHER` when OTHER cannot be written: KEEP is put back, OTHER is as it was,
    /// exit 2; the merge run again gives each of OTHER's entries once in KEEP.
    func testAMergeWhoseOtherFileCannotBeWrittenChangesNeither() throws {
        let keep = Self.withFollowUps("LX2024001", "华东云有限公司", [2])
        let other = Self.withFollowUps("LX2024002", "华东云科技有限公司", [3, 4, 5])
        try write("customers/LX2024001-a.md", keep)
        try write("customers/LX2024002-b.md", other)
        CustomerWrite.fault = { step, path in step == .write && path == "customers/LX2024002-b.md" ? "Read-only file system" : nil }
        let failed = run(["merge", "LX2024001", "LX2024002", "--at", "2024-03-10T09:00"])
        XCTAssertEqual(failed.code, .failure)
        XCTAssertEqual(failed.errors, "leadbook merge: cannot write customers/LX2024002-b.md: Read-only file system; 1 file written before it was put back\n")
        XCTAssertEqual(try read("customers/LX2024001-a.md"), keep)
        XCTAssertEqual(try read("customers/LX2024002-b.md"), other)
        CustomerWrite.fault = nil
        let merged = run(["merge", "LX2024001", "LX2024002", "--at", "2024-03-10T09:00"])
        XCTAssertEqual(merged.code, .ok, merged.errors)
        for day in [3, 4, 5] { XCTAssertEqual(try occurrences("LX2024002 第\(day)天的跟进", in: "customers/LX2024001-a.md"), 1) }
        XCTAssertTrue(try read("customers/LX2024002-b.md").contains("merged_into: LX2024001"))
    }

    /// The same found before writing (OTHER's folder cannot be written): KEEP is not touched at all.
    func testAMergeWhoseOtherFileCannotBeWrittenIsRefusedBeforeWriting() throws {
        let keep = Self.withFollowUps("LX2024001", "华东云有限公司", [2])
        try write("customers/LX2024001-a.md", keep)
        try write("customers/LX2024002-b.md", Self.withFollowUps("LX2024002", "华东云科技有限公司", [3]))
        let inode = try self.inode("customers/LX2024001-a.md")
        CustomerWrite.fault = { step, path in step == .preflight && path == "customers/LX2024002-b.md" ? "Permission denied" : nil }
        let failed = run(["merge", "LX2024001", "LX2024002", "--at", "2024-03-10T09:00"])
        XCTAssertEqual(failed.code, .failure)
        XCTAssertEqual(failed.errors, "leadbook merge: cannot write customers/LX2024002-b.md: Permission denied; nothing was written\n")
        XCTAssertEqual(try self.inode("customers/LX2024001-a.md"), inode)
        XCTAssertEqual(try read("customers/LX2024001-a.md"), keep)
    }

    /// `renumber` when the old file cannot be removed: the new name goes again, the customer
    /// keeps one id and one file, nothing is said to be renumbered, exit 2.
    func testARenumberWhoseOldFileCannotBeRemovedLeavesOneFile() throws {
        let kept = Self.customer("LX2024001", "华东云有限公司")
        let newer = Self.customer("LX2024001", "华东云科技有限公司", created: "2024-03-05 09:00")
        try write("customers/LX2024001-a.md", kept)
        try write("customers/LX2024001-b.md", newer)
        CustomerWrite.fault = { step, path in step == .remove && path == "customers/LX2024001-b.md" ? "Operation not permitted" : nil }
        let (code, output, errors) = run(["renumber"])
        XCTAssertEqual(code, .failure)
        XCTAssertFalse(output.contains("renumbered"), output)
        XCTAssertEqual(errors, "leadbook renumber: cannot remove customers/LX2024001-b.md: Operation not permitted; nothing was written\n")
        XCTAssertEqual(try files(), ["LX2024001-a.md", "LX2024001-b.md"])
        XCTAssertEqual(try read("customers/LX2024001-b.md"), newer)
    }

    /// `log` in a workspace with INDEX.md writes both in one change: when INDEX.md cannot be
    /// written, the entry is taken out of the customer file again, exit 2.
    func testALogWhoseIndexCannotBeWrittenPutsTheCustomerFileBack() throws {
        let text = Self.customer("LX2024001", "华东云有限公司")
        try write("customers/LX2024001-a.md", text)
        XCTAssertEqual(run(["index"]).code, .ok)
        let index = try read("INDEX.md")
        CustomerWrite.fault = { step, path in step == .write && path == "INDEX.md" ? "No space left on device" : nil }
        let (code, output, errors) = run(["log", "LX2024001", "--channel", "phone", "--note", "约了下周拜访", "--at", "2024-03-02T10:00"])
        XCTAssertEqual(code, .failure)
        XCTAssertEqual(output, "")
        XCTAssertEqual(errors, "leadbook log: cannot write INDEX.md: No space left on device; 1 file written before it was put back\n")
        XCTAssertEqual(try read("customers/LX2024001-a.md"), text)
        XCTAssertEqual(try read("INDEX.md"), index)
        CustomerWrite.fault = nil
        let logged = run(["log", "LX2024001", "--channel", "phone", "--note", "约了下周拜访", "--at", "2024-03-02T10:00"])
        XCTAssertEqual(logged.code, .ok, logged.errors)
        XCTAssertTrue(logged.output.hasSuffix("updated INDEX.md: grading, follow-ups\n"), logged.output + logged.errors)
        XCTAssertTrue(try read("INDEX.md").contains("| 2024-03-02 10:00 |"))
    }

    /// INDEX.md is checked with the customer file, before either is written: when it cannot
    /// be written, the customer file is not touched at all.
    func testALogWhoseIndexCannotBeWrittenIsRefusedBeforeWriting() throws {
        let text = Self.customer("LX2024001", "华东云有限公司")
        try write("customers/LX2024001-a.md", text)
        XCTAssertEqual(run(["index"]).code, .ok)
        let inode = try self.inode("customers/LX2024001-a.md")
        CustomerWrite.fault = { step, path in step == .preflight && path == "INDEX.md" ? "Permission denied" : nil }
        let (code, output, errors) = run(["feedback", "LX2024001", "--channel", "phone", "--type", "product", "--priority", "medium", "--summary", "希望增加导出", "--handling", "negotiate", "--at", "2024-03-02"])
        XCTAssertEqual(code, .failure, output)
        XCTAssertEqual(errors, "leadbook feedback: cannot write INDEX.md: Permission denied; nothing was written\n")
        XCTAssertEqual(try self.inode("customers/LX2024001-a.md"), inode)
        XCTAssertEqual(try read("customers/LX2024001-a.md"), text)
    }

    /// `sync` writes the customer files and INDEX.md in one change.
    func testASyncWhoseIndexCannotBeWrittenPutsTheCustomerFilesBack() throws {
        let stale = Self.customer("LX2024001", "华东云有限公司")
            + "\n## Follow-ups\n\n### 2024-03-05 10:00 phone 李娜\n- status: contacted\n"
        try write("customers/LX2024001-a.md", stale)
        try write("INDEX.md", "# 索引\n")
        CustomerWrite.fault = { step, path in step == .write && path == "INDEX.md" ? "No space left on device" : nil }
        let (code, output, errors) = run(["sync"])
        XCTAssertEqual(code, .failure)
        XCTAssertEqual(output, "")
        XCTAssertEqual(errors, "leadbook sync: cannot write INDEX.md: No space left on device; 1 file written before it was put back\n")
        XCTAssertEqual(try read("customers/LX2024001-a.md"), stale)
        XCTAssertEqual(try read("INDEX.md"), "# 索引\n")
    }

    /// `index --by owner` writes the index and every rep's index, or none.
    func testAnIndexByOwnerWritesEveryFileOrNone() throws {
        try "language: zh-CN\nteam:\n  - {name: 张伟, role: senior, capacity: 10}\n  - {name: 李娜, role: senior, capacity: 10}\n"
            .write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try write("customers/LX2024001-a.md", Self.customer("LX2024001", "华东云有限公司", extra: "owner: 张伟\n"))
        try write("customers/LX2024002-b.md", Self.customer("LX2024002", "华北云有限公司", extra: "owner: 李娜\n"))
        CustomerWrite.fault = { step, path in step == .write && path == "index/李娜.md" ? "No space left on device" : nil }
        let (code, output, errors) = run(["index", "--by", "owner"])
        XCTAssertEqual(code, .failure)
        XCTAssertEqual(output, "")
        XCTAssertEqual(errors, "leadbook index: cannot write index/李娜.md: No space left on device; 2 files written before it were put back\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("INDEX.md").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("index").path), "the folder made for them goes too")
        CustomerWrite.fault = nil
        XCTAssertEqual(run(["index", "--by", "owner"]).code, .ok)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("index").path).sorted(), ["张伟.md", "李娜.md"])
    }

    /// `import` creates every customer of the sheet, or none.
    func testAnImportWritesEveryFileOrNone() throws {
        try Data("name,source,intent,created,contact,phone\n华东云有限公司,website,B,2024-06-01 10:00,张伟,13912345678\n华北云有限公司,website,C,2024-06-01 11:00,李娜,13812345678\n".utf8)
            .write(to: root.appendingPathComponent("leads.csv"))
        var writes = 0
        CustomerWrite.fault = { step, _ in
            guard step == .write else { return nil }
            writes += 1
            return writes == 2 ? "No space left on device" : nil
        }
        let (code, _, errors) = run(["import", "leads.csv"])
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(errors.hasPrefix("leadbook import: cannot write customers/LX2024002-"), errors)
        XCTAssertTrue(errors.hasSuffix(": No space left on device; 1 file written before it was put back\n"), errors)
        XCTAssertEqual(try files(), [])
    }

    // MARK: A failure at any step

    /// Every file and folder of the workspace (but `.leadbook/`) and its bytes (empty for a folder).
    func tree() throws -> [String: Data] {
        var tree: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: root.path) where !path.hasPrefix(".leadbook") {
            let url = root.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
            tree[path + (isFolder.boolValue ? "/" : "")] = isFolder.boolValue ? Data() : try Data(contentsOf: url)
        }
        return tree
    }

    func restoreTree(_ tree: [String: Data]) throws {
        try FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        for (path, data) in tree {
            let url = root.appendingPathComponent(path)
            if path.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                continue
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    /// Runs `arguments` once to learn its steps (each check, write and removal of a file), then
    /// again from the same workspace with a failure at each step in turn: every run exits 2 and
    /// leaves every file byte for byte as it was. Returns the number of failures tried.
    @discardableResult
    func assertEveryFailureLeavesTheWorkspaceAsItWas(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let before = try tree()
        var steps: [(CustomerWrite.Step, String)] = []
        CustomerWrite.fault = { step, path in
            if step != .restore { steps.append((step, path)) }
            return nil
        }
        let clean = run(arguments)
        XCTAssertEqual(clean.code, .ok, clean.errors, file: file, line: line)
        XCTAssertNotEqual(try tree(), before, "the command changes something", file: file, line: line)
        XCTAssertGreaterThan(steps.filter { $0.0 != .preflight }.count, 2, "\(steps)", file: file, line: line)
        for failing in steps.indices {
            try restoreTree(before)
            var seen = 0
            CustomerWrite.fault = { step, _ in
                guard step != .restore else { return nil }
                defer { seen += 1 }
                return seen == failing ? "Input/output error" : nil
            }
            let failed = run(arguments)
            let (step, path) = steps[failing]
            XCTAssertEqual(failed.code, .failure, "\(step) \(path): \(failed.output)\(failed.errors)", file: file, line: line)
            XCTAssertTrue(failed.errors.contains(": Input/output error"), "\(step) \(path): \(failed.errors)", file: file, line: line)
            XCTAssertFalse(failed.errors.contains("could not be put back"), failed.errors, file: file, line: line)
            XCTAssertEqual(try tree(), before, "after a failure at \(step) \(path)", file: file, line: line)
        }
        CustomerWrite.fault = nil
        return steps.count
    }

    /// merge (KEEP, OTHER, a tombstone repointed, INDEX.md), renumber (two renames, a
    /// tombstone, INDEX.md), import (three new files, INDEX.md), sync (three files, INDEX.md),
    /// index --by owner (three files), assign (two files, INDEX.md): a failure at any of their
    /// steps leaves every file as it was.
    func testAFailureAtAnyStepOfAnyWriterLeavesEveryFileAsItWas() throws {
        let configuration = "language: zh-CN\nteam:\n  - {name: 张伟, role: senior, capacity: 10}\n  - {name: 李娜, role: senior, capacity: 10}\n"
        try configuration.write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try write("INDEX.md", "# 索引\n")
        try write("customers/LX2024001-a.md", Self.withFollowUps("LX2024001", "华东云有限公司", [2]))
        try write("customers/LX2024002-b.md", Self.withFollowUps("LX2024002", "华东云科技有限公司", [3, 4]))
        try write("customers/old/LX2024003-c.md", Self.customer("LX2024003", "华东云老客户有限公司", extra: "merged_into: LX2024002\n"))
        var tried = try assertEveryFailureLeavesTheWorkspaceAsItWas(["merge", "LX2024001", "LX2024002", "--at", "2024-03-10T09:00"])

        try restoreTree([:])
        try configuration.write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try write("INDEX.md", "# 索引\n")
        try write("customers/LX2024001-a.md", Self.customer("LX2024001", "华东云有限公司"))
        try write("customers/LX2024001-b.md", Self.customer("LX2024001", "华北云有限公司", created: "2024-03-05 09:00"))
        try write("customers/LX2024005-e.md", Self.customer("LX2024005", "华南云有限公司"))
        try write("customers/east/LX2024005-f.md", Self.customer("LX2024005", "华中云有限公司", created: "2024-03-06 09:00"))
        tried += try assertEveryFailureLeavesTheWorkspaceAsItWas(["renumber"])

        try restoreTree([:])
        try configuration.write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try write("INDEX.md", "# 索引\n")
        try write("leads.csv", "name,source,intent,created,contact,phone\n华东云有限公司,website,B,2024-06-01 10:00,张伟,13912345678\n"
                  + "华北云有限公司,website,C,2024-06-01 11:00,李娜,13812345678\n华南云有限公司,referral,A,2024-06-02 09:00,王芳,13712345678\n")
        tried += try assertEveryFailureLeavesTheWorkspaceAsItWas(["import", "leads.csv"])

        try restoreTree([:])
        try configuration.write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try write("INDEX.md", "# 索引\n")
        for (number, name) in [(1, "华东云有限公司"), (2, "华北云有限公司"), (3, "华南云有限公司")] {
            try write("customers/LX202400\(number)-x.md", Self.customer("LX202400\(number)", name)
                      + "\n## Follow-ups\n\n### 2024-03-05 10:00 phone 李娜\n- status: contacted\n")
        }
        tried += try assertEveryFailureLeavesTheWorkspaceAsItWas(["sync"])

        try restoreTree([:])
        try configuration.write(to: root.appendingPathComponent("leadbook.yml"), atomically: true, encoding: .utf8)
        try write("customers/LX2024001-a.md", Self.customer("LX2024001", "华东云有限公司", extra: "owner: 张伟\n"))
        try write("customers/LX2024002-b.md", Self.customer("LX2024002", "华北云有限公司", extra: "owner: 李娜\n"))
        tried += try assertEveryFailureLeavesTheWorkspaceAsItWas(["index", "--by", "owner"])

        try write("INDEX.md", "# 索引\n")
        try write("customers/LX2024003-c.md", Self.customer("LX2024003", "华南云有限公司"))
        try write("customers/LX2024004-d.md", Self.customer("LX2024004", "华中云有限公司"))
        tried += try assertEveryFailureLeavesTheWorkspaceAsItWas(["assign", "--at", "2024-03-10T09:00"])
        XCTAssertGreaterThanOrEqual(tried, 40)
    }

    static func changed(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "intent: A", with: "intent: B").utf8)
    }

    func inode(_ path: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
        return try XCTUnwrap((attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
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
