import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// duplicate-id: an id belongs to one customer file of the workspace; each file is named.
final class DuplicateIdTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\nid_prefix: LX\n")
    }

    func customer(_ id: String, name: String = "华东云科技有限公司", adding: [String] = []) -> String {
        RuleFixture.customer(set: ["id: \(id)", "name: \(name)"], adding: adding)
    }

    func testDistinctIdsAndAValidMergeAreClean() throws {
        try workspace.write("customers/LX2024001-huadongyun.md", customer("LX2024001"))
        try workspace.write("customers/华东/LX2024002-beijing.md", customer("LX2024002", name: "北京数联科技"))
        try workspace.write("customers/LX2024003-huadong-dup.md", "---\nid: LX2024003\nmerged_into: LX2024001\n---\n")
        try workspace.write("customers/README.txt", "not a customer file")
        let report = WorkspaceCheck.run(Workspace.open(root: workspace.root))
        RuleAssert.clean(report.diagnostics)
        XCTAssertEqual(report.files, 4)
    }

    func testTwoFilesWithOneId() throws {
        try workspace.write("customers/LX2024001-huadongyun.md", customer("LX2024001"))
        try workspace.write("customers/LX2024001-beijing.md", customer("LX2024001", name: "北京数联科技"))
        let diagnostics = workspace.check()
        RuleAssert.rules(diagnostics, [("duplicate-id", 2, 5), ("duplicate-id", 2, 5)])
        guard diagnostics.count == 2 else { return }
        RuleAssert.matches(diagnostics[0], "duplicate-id", at: (2, 5), path: "customers/LX2024001-beijing.md")
        XCTAssertEqual(diagnostics[0].message, "id `LX2024001` is also used by customers/LX2024001-huadongyun.md")
        XCTAssertEqual(diagnostics[0].hint, "ids are unique: run `leadbook renumber LX2024001` to give the newer customer the next free id")
        RuleAssert.matches(diagnostics[1], "duplicate-id", at: (2, 5), message: ["customers/LX2024001-beijing.md"],
                           path: "customers/LX2024001-huadongyun.md")
        XCTAssertEqual(diagnostics[0].sourceLine, "id: LX2024001")
    }

    func testThreeFilesWithOneIdNameTheOtherTwo() throws {
        try workspace.write("customers/LX2024001-a.md", customer("LX2024001", name: "甲科技"))
        try workspace.write("customers/LX2024001-b.md", customer("LX2024001", name: "乙科技"))
        try workspace.write("customers/sub/LX2024001-c.md", customer("LX2024001", name: "丙科技"))
        let diagnostics = workspace.check()
        XCTAssertEqual(diagnostics.map(\.file), ["customers/LX2024001-a.md", "customers/LX2024001-b.md", "customers/sub/LX2024001-c.md"])
        XCTAssertTrue(diagnostics.allSatisfy { $0.rule.id == "duplicate-id" && $0.line == 2 && $0.column == 5 })
        XCTAssertTrue(diagnostics[0].message.contains("customers/LX2024001-b.md") && diagnostics[0].message.contains("customers/sub/LX2024001-c.md"),
                      RuleFixture.describe(diagnostics))
    }

    func testDuplicateIdPointsAtTheIdEvenWhenItIsNotOnLineTwo() throws {
        let moved = "---\nname: 北京数联科技\nsource: referral\nintent: B\ncreated: 2024-03-02 10:00\nstatus: contacted\nid:   LX2024001\n---\n"
        try workspace.write("customers/LX2024001-huadongyun.md", customer("LX2024001"))
        try workspace.write("customers/LX2024001-beijing.md", moved)
        let diagnostics = workspace.check()
        RuleAssert.rules(diagnostics, [("duplicate-id", 7, 7), ("duplicate-id", 2, 5)])
    }
}
