import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-merge-target: a tombstone's `merged_into` names an existing customer, not itself.
final class UnknownMergeTargetTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\nid_prefix: LX\n")
    }

    func customer(_ id: String, name: String = "华东云科技有限公司", adding: [String] = []) -> String {
        RuleFixture.customer(set: ["id: \(id)", "name: \(name)"], adding: adding)
    }

    func testAMergeIntoACustomerOfAnyFolderIsClean() throws {
        try workspace.write("customers/华东/LX2024001-huadongyun.md", customer("LX2024001"))
        try workspace.write("customers/LX2024003-huadong-dup.md", "---\nid: LX2024003\nmerged_into: LX2024001\n---\n")
        RuleAssert.clean(workspace.check())
    }

    func testMergeIntoAMissingCustomer() throws {
        try workspace.write("customers/LX2024001-huadongyun.md", customer("LX2024001"))
        try workspace.write("customers/LX2024007-huadong-dup.md", "---\nid: LX2024007\nmerged_into: LX2024010\n---\n")
        let diagnostics = workspace.check()
        RuleAssert.one(diagnostics, "unknown-merge-target", at: (3, 14),
                       says: "`merged_into` names `LX2024010`, which is not a customer in this workspace",
                       hint: "use the id of the customer that now holds this one's history (`leadbook show ID` to check it)",
                       path: "customers/LX2024007-huadong-dup.md")
    }

    func testMergeIntoAnIdFarFromEveryCustomer() throws {
        try workspace.write("customers/LX2024001-huadongyun.md", customer("LX2024001"))
        try workspace.write("customers/LX2024007-huadong-dup.md", "---\nid: LX2024007\nmerged_into: 华东云\n---\n")
        RuleAssert.only(workspace.check(), "unknown-merge-target", at: (3, 14), message: ["`华东云`"], hint: ["use the id of the customer"])
    }

    func testMergeIntoItself() throws {
        try workspace.write("customers/LX2024007-huadong-dup.md", "---\nid: LX2024007\nmerged_into: LX2024007\n---\n")
        RuleAssert.one(workspace.check(), "unknown-merge-target", at: (3, 14), says: "`merged_into` names the customer itself",
                       hint: "name the id of the customer this one was merged into")
    }
}
