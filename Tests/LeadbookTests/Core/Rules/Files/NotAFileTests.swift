import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText
#if canImport(Glibc)
import Glibc
#endif

/// not-a-file: every `.md` name under the customers folder is a customer file; a folder or a
/// device with such a name is reported, not skipped.
final class NotAFileTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("customers/LX2024001-huadongyun.md", RuleFixture.head)
    }

    func testFoldersWithOtherNamesAreRead() throws {
        try workspace.write("customers/华东/LX2024002-beijing.md", RuleFixture.customer(set: ["id: LX2024002", "name: 北京数联科技"]))
        RuleAssert.clean(workspace.check())
    }

    func testAFolderNamedLikeACustomerFile() throws {
        try workspace.write("customers/2023.md/LX2024002-beijing.md", RuleFixture.customer(set: ["id: LX2024002", "name: 北京数联科技"]))
        RuleAssert.one(workspace.check(), "not-a-file", at: (1, 1), says: "`2023.md` is a folder, not a customer file",
                       hint: "rename the folder so its name does not end in .md", path: "customers/2023.md")
    }

    func testANamedPipe() throws {
        XCTAssertEqual(mkfifo(workspace.root + "/customers/LX2024003.md", 0o644), 0)
        RuleAssert.one(workspace.check(), "not-a-file", at: (1, 1), says: "`LX2024003.md` is not a regular file",
                       hint: "replace it with a regular text file", path: "customers/LX2024003.md")
    }
}
