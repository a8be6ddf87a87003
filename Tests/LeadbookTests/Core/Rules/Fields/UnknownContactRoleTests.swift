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

    /// What reps write for a role (`决策者`, `老板`, `秘书`) stays unknown, with the role meant.
    func testCommonChineseSynonymsSuggestTheRole() {
        let families: [(ContactRole, [String])] = [
            (.decisionMaker, ["决策者", "拍板人", "老板"]), (.influencer, ["推荐人"]), (.user, ["最终用户"]), (.gatekeeper, ["秘书", "前台"]),
        ]
        for (role, words) in families {
            for word in words {
                let result = RuleFixture.read(RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    role: \(word)"]))
                XCTAssertNil(result.customer?.contacts.first?.role, word)
                guard let diagnostic = RuleAssert.only(result.findings.diagnostics, "unknown-contact-role", at: (10, 11), message: ["`\(word)`"]) else { continue }
                XCTAssertTrue(diagnostic.hint.hasPrefix("did you mean `\(role.label)` (\(role.rawValue))?"), diagnostic.hint)
                XCTAssertTrue(diagnostic.hintPhrase.zh.hasPrefix("是不是想写 `\(role.label)`（\(role.rawValue)）？可选值：决策人（decision-maker）"), diagnostic.hintPhrase.zh)
            }
        }
    }
}
