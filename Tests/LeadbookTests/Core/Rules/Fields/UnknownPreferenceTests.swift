import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-preference: a contact's `prefers` is phone, email, meeting or wechat.
final class UnknownPreferenceTests: XCTestCase {
    func testPreferencesAndTheirChineseLabelsAreClean() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - {name: 张伟, prefers: 微信}", "  - {name: 李娜, prefers: email}"])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.contacts.map(\.prefers), [.wechat, .email])
    }

    func testUnknownPreference() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    prefers: 短信"])
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-preference", at: (10, 14), says: "unknown preferred channel `短信`",
                       hint: "did you mean `微信`? use one of: phone (电话), email (邮件), meeting (面谈), wechat (微信)")
    }
}
