import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-contact-role: a contact's `role` is decision-maker, influencer, user or gatekeeper.
final class UnknownContactRoleTests: XCTestCase {
    func testRolesAndTheirChineseLabelsAreClean() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - {name: 张伟, role: 决策人}", "  - {name: 李娜, role: gatekeeper}"])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.contacts.map(\.role), [.decisionMaker, .gatekeeper])
    }

    func testUnknownContactRole() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    role: decision maker"])
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-contact-role", at: (10, 11), says: "unknown contact role `decision maker`",
                       hint: "did you mean `decision-maker`? use one of: decision-maker (决策人), influencer (影响者), user (使用者), gatekeeper (把关人)")
    }
}
