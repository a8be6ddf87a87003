import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// possible-duplicate: customers sharing a phone, an email or a company name, one warning per
/// pair on the newer file, naming the other one and the evidence.
final class PossibleDuplicateTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\n")
    }

    /// Lines: 2 id, 3 name, 4 source, 5 intent, 6 created, 7 status, then `adding` from 8.
    func customer(_ id: String, _ name: String, created: String = "2024-03-01 09:10", adding: [String] = []) -> String {
        RuleFixture.customer(set: ["id: \(id)", "name: \(name)", "created: \(created)"], adding: adding)
    }

    func contact(phone: String? = nil, email: String? = nil, name: String = "张伟") -> [String] {
        var lines = ["contacts:", "  - name: \(name)"]
        if let phone { lines.append("    phone: \"\(phone)\"") }
        if let email { lines.append("    email: \(email)") }
        return lines
    }

    func warnings() -> [Diagnostic] {
        workspace.check().filter { $0.rule.id == "possible-duplicate" }
    }

    /// The same company typed on a Mac (decomposed accents) and on Windows (composed ones).
    func testTheTwoUnicodeSpellingsOfOneNameAreOneCustomer() throws {
        try workspace.write("customers/LX2024001-a.md", customer("LX2024001", "Caf\u{E9} Zo\u{EB} GmbH"))
        try workspace.write("customers/LX2024002-b.md", customer("LX2024002", "Cafe\u{301} Zoe\u{308} GmbH", created: "2024-03-05 10:00"))
        let found = warnings()
        XCTAssertEqual(found.count, 1, RuleFixture.describe(found))
        XCTAssertEqual(found.first?.file, "customers/LX2024002-b.md")
        XCTAssertEqual(found.first?.line, 3)
    }

    func testDifferentCustomersAreClean() throws {
        try workspace.write("customers/LX2024001-a.md", customer("LX2024001", "华东云科技有限公司", adding: contact(phone: "13800000001")))
        try workspace.write("customers/LX2024002-b.md", customer("LX2024002", "华南云科技有限公司", adding: contact(phone: "13800000002")))
        RuleAssert.clean(workspace.check())
    }

    func testASharedPhoneWrittenDifferentlyWarnsOnTheNewerFileAtThePhone() throws {
        try workspace.write("customers/LX2024001-a.md", customer("LX2024001", "华东云科技有限公司", adding: contact(phone: "13800000001")))
        try workspace.write("customers/LX2024002-b.md", customer("LX2024002", "上海数联", created: "2024-03-05 10:00",
                                                                  adding: contact(phone: "+86 138-0000-0001")))
        let found = warnings()
        XCTAssertEqual(found.count, 1, RuleFixture.describe(found))
        guard let warning = found.first else { return }
        RuleAssert.matches(warning, "possible-duplicate", .warning, at: (10, 12),
                           message: ["customers/LX2024001-a.md", "LX2024001", "same phone 13800000001"],
                           hint: ["leadbook merge LX2024001 LX2024002"], path: "customers/LX2024002-b.md")
        XCTAssertEqual(warning.sourceLine, "    phone: \"+86 138-0000-0001\"")
    }

    func testTheNewerOneIsByCaptureTimeNotByFileName() throws {
        try workspace.write("customers/LX2024001-a.md", customer("LX2024001", "华东云科技有限公司", created: "2024-03-09 09:00"))
        try workspace.write("customers/LX2024002-b.md", customer("LX2024002", "华东云科技（集团）", created: "2024-03-01 09:00"))
        let found = warnings()
        XCTAssertEqual(found.map(\.file), ["customers/LX2024001-a.md"])
        XCTAssertEqual(found.first.map { ($0.line, $0.column) }.map { [$0.0, $0.1] }, [3, 7])
        XCTAssertTrue(found.first?.message.contains("same name 华东云科技") ?? false, RuleFixture.describe(found))
    }

    func testEmailsMatchInAnyCaseAndEveryKeyIsNamed() throws {
        try workspace.write("customers/LX2024001-a.md", customer("LX2024001", "华东云科技有限公司", adding: contact(email: "Zhang.Wei@Example.com")))
        try workspace.write("customers/LX2024002-b.md", customer("LX2024002", "华东云科技", created: "2024-03-02 09:00",
                                                                  adding: contact(email: "zhang.wei@example.com")))
        let found = warnings()
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.hasSuffix("same email zhang.wei@example.com, same name 华东云科技") ?? false, RuleFixture.describe(found))
        XCTAssertEqual(found.first?.line, 10, "points at the first evidence, the email")
    }

    func testAColumnAfterChineseTextCountsCharacters() throws {
        try workspace.write("customers/LX2024001-a.md", customer("LX2024001", "甲公司", adding: ["contacts: [{name: 张伟, phone: \"13800000001\"}]"]))
        try workspace.write("customers/LX2024002-b.md", customer("LX2024002", "乙公司", created: "2024-03-02 09:00",
                                                                  adding: ["contacts: [{name: 张伟, phone: \"13800000001\"}]"]))
        let found = warnings()
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.column, 30, RuleFixture.describe(found))
        XCTAssertEqual(found.first?.caretOffset, 31, "two cells for each of 张伟")
    }

    func testTombstonesAndPeopleWithACommonNameAreNotDuplicates() throws {
        try workspace.write("customers/LX2024001-a.md", customer("LX2024001", "华东云科技有限公司", adding: contact(phone: "13800000001")))
        try workspace.write("customers/LX2024002-b.md", "---\nid: LX2024002\nmerged_into: LX2024001\nname: 华东云科技\ncontacts:\n  - {name: 张伟, phone: \"13800000001\"}\n---\n")
        try workspace.write("customers/LX2024003-c.md", customer("LX2024003", "王芳", adding: ["kind: person"]))
        try workspace.write("customers/LX2024004-d.md", customer("LX2024004", "王芳", adding: ["kind: person"]))
        RuleAssert.clean(workspace.check())
    }

    func testAPersonWithTheSamePhoneIsADuplicate() throws {
        try workspace.write("customers/LX2024003-c.md", customer("LX2024003", "王芳", adding: ["kind: person"] + contact(phone: "13900000001", name: "王芳")))
        try workspace.write("customers/LX2024004-d.md", customer("LX2024004", "王芳", created: "2024-03-02 09:00",
                                                                  adding: ["kind: person"] + contact(phone: "13900000001", name: "王芳")))
        let found = warnings()
        XCTAssertEqual(found.map(\.message), ["looks like the same customer as customers/LX2024003-c.md (LX2024003 王芳): same phone 13900000001"])
    }

    func testEveryPairOfAGroupIsWarnedOnce() throws {
        for number in 1...3 {
            try workspace.write("customers/LX202400\(number).md", customer("LX202400\(number)", "客户\(number)", created: "2024-03-0\(number) 09:00",
                                                                      adding: contact(phone: "13800000001")))
        }
        let found = warnings()
        XCTAssertEqual(found.map(\.file), ["customers/LX2024002.md", "customers/LX2024003.md", "customers/LX2024003.md"])
        XCTAssertTrue(found[1].message.contains("LX2024001.md") && found[2].message.contains("LX2024002.md"), RuleFixture.describe(found))
    }

    func testAPhoneSharedByManyCustomersPairsEachWithTheFirstOnly() throws {
        for number in 10...21 {
            try workspace.write("customers/LX20240\(number).md", customer("LX20240\(number)", "客户\(number)", created: "2024-03-\(number) 09:00",
                                                                     adding: contact(phone: "4008001234")))
        }
        let found = warnings()
        XCTAssertEqual(found.count, 11)
        XCTAssertTrue(found.allSatisfy { $0.message.contains("customers/LX2024010.md") }, RuleFixture.describe(found))
    }

    func testCheckingOneFileShowsOnlyItsWarnings() throws {
        try workspace.write("customers/LX2024001-a.md", customer("LX2024001", "华东云科技有限公司"))
        try workspace.write("customers/LX2024002-b.md", customer("LX2024002", "华东云科技", created: "2024-03-02 09:00"))
        let workspace = Workspace.open(root: self.workspace.root)
        XCTAssertEqual(WorkspaceCheck.run(workspace, only: ["customers/LX2024002-b.md"]).warnings, 1)
        XCTAssertEqual(WorkspaceCheck.run(workspace, only: ["customers/LX2024001-a.md"]).warnings, 0)
    }
}
