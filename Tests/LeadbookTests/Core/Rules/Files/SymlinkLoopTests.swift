import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// symlink-loop: a link under the customers folder that leads back to a folder already read.
final class SymlinkLoopTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("customers/LX2024001-huadongyun.md", RuleFixture.head)
    }

    func testALinkToAnotherFolderOfTheWorkspaceIsFollowed() throws {
        try workspace.write("archive/LX2024002-beijing.md", RuleFixture.customer(set: ["id: LX2024002", "name: 北京数联科技"]))
        try workspace.link("customers/archive", to: "../archive")
        let report = WorkspaceCheck.run(Workspace.open(root: workspace.root))
        RuleAssert.clean(report.diagnostics)
        XCTAssertEqual(report.files, 2)
    }

    func testALinkBackToTheCustomersFolder() throws {
        try workspace.folder("customers/华东")
        try workspace.link("customers/华东/all", to: "..")
        RuleAssert.one(workspace.check(), "symlink-loop", at: (1, 1), says: "`all` links back to a folder already read (a loop)",
                       hint: "remove the link; every customer file should be reachable once", path: "customers/华东/all")
    }
}
