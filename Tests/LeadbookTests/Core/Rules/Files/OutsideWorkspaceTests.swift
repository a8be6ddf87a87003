import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// outside-workspace: leadbook neither reads nor writes outside the workspace, also through a link.
final class OutsideWorkspaceTests: XCTestCase {
    var workspace: RuleTemporaryWorkspace!
    var outside: RuleTemporaryWorkspace!

    override func setUpWithError() throws {
        workspace = try RuleTemporaryWorkspace()
        outside = try RuleTemporaryWorkspace()
        try outside.write("customers/LX2024009-elsewhere.md", RuleFixture.customer(set: ["id: LX2024009"]))
    }

    override func tearDown() {
        workspace?.remove()
        outside?.remove()
        workspace = nil
        outside = nil
    }

    var outsideCustomers: String { URL(fileURLWithPath: outside.root + "/customers").resolvingSymlinksInPath().path }

    func testALinkInsideTheWorkspaceIsRead() throws {
        try workspace.write("archive/LX2024001-huadongyun.md", RuleFixture.head)
        try workspace.link("customers/LX2024001-huadongyun.md", to: "../archive/LX2024001-huadongyun.md")
        RuleAssert.clean(workspace.check())
    }

    func testAFileLinkedFromOutside() throws {
        try workspace.link("customers/LX2024009-elsewhere.md", to: outside.root + "/customers/LX2024009-elsewhere.md")
        RuleAssert.one(workspace.check(), "outside-workspace", at: (1, 1),
                       says: "`LX2024009-elsewhere.md` links to \(outsideCustomers)/LX2024009-elsewhere.md, outside the workspace",
                       hint: "copy the file into the workspace instead of linking to it", path: "customers/LX2024009-elsewhere.md")
    }

    func testACustomersFolderThatIsALinkOut() throws {
        try FileManager.default.removeItem(atPath: workspace.root + "/customers")
        try workspace.link("customers", to: outside.root + "/customers")
        RuleAssert.one(workspace.check(), "outside-workspace", at: (1, 1),
                       says: "the customers folder `customers` leads to \(outsideCustomers), outside the workspace",
                       hint: "keep the customer files inside the workspace: replace the link with the folder itself", path: "customers")
    }
}
