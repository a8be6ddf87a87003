import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unreadable-file: a file leadbook must read and cannot (leadbook.yml, a customer file, a
/// folder of customers, the index file), reported at the file as a whole.
final class UnreadableFileTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("customers/LX2024001-huadongyun.md", RuleFixture.head)
    }

    func testReadableFilesAreClean() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\n")
        RuleAssert.clean(workspace.check())
    }

    func testLeadbookYmlThatIsAFolder() throws {
        try workspace.folder("leadbook.yml")
        RuleAssert.one(workspace.check(), "unreadable-file", at: (1, 1), says: "cannot read leadbook.yml: it is a folder, not a file",
                       hint: "check the file's permissions", path: "leadbook.yml")
    }

    func testACustomerLinkToNothing() throws {
        try workspace.link("customers/LX2024002-gone.md", to: "../archive/LX2024002-gone.md")
        RuleAssert.one(workspace.check(), "unreadable-file", at: (1, 1),
                       says: "`LX2024002-gone.md` is a symbolic link to nothing (or a loop of links)",
                       hint: "remove the link, or point it at a file inside the workspace", path: "customers/LX2024002-gone.md")
    }

    func testAnIndexFileThatIsAFolder() throws {
        try workspace.folder("INDEX.md")
        RuleAssert.one(workspace.check(), "unreadable-file", at: (1, 1), says: "cannot read the index file: it is a folder, not a file",
                       hint: "check the file's permissions, or delete it and run `leadbook index`", path: "INDEX.md")
    }
}
