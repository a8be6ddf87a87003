import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-field (a warning): keys leadbook does not know, with "did you mean" for near misses,
/// silent for keys listed under leadbook.yml `extra_fields`.
final class UnknownFieldTests: XCTestCase {
    func testMisspelledBudgetSuggestsBudget() {
        let text = RuleFixture.customer(adding: ["bugdet: 200000"])
        let result = RuleFixture.read(text)
        RuleAssert.one(result.findings.diagnostics, "unknown-field", .warning, at: (8, 1), says: "unknown key `bugdet`",
                       hint: "did you mean `budget`?")
        // The value is kept as written, not dropped.
        XCTAssertEqual(result.customer?.extra.first?.0, "bugdet")
        XCTAssertEqual(result.customer?.extra.first?.1, "200000")
        XCTAssertNil(result.customer?.budget)
    }

    func testUnrelatedKeyListsTheKnownKeys() {
        let text = RuleFixture.customer(adding: ["wechat_group: 华东客户群"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-field", .warning, at: (8, 1),
                        message: ["`wechat_group`"], hint: ["extra_fields"])
    }

    func testExtraFieldsFromLeadbookYmlAreNotReported() {
        let (configuration, configurationDiagnostics) = RuleFixture.configuration("extra_fields: [wechat_group, bugdet]\n")
        RuleAssert.clean(configurationDiagnostics)
        let text = RuleFixture.customer(adding: ["wechat_group: 华东客户群", "bugdet: 200000"])
        let result = RuleFixture.read(text, configuration: configuration)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.extra.map(\.0), ["wechat_group", "bugdet"])
    }

    func testUnknownKeyInAContact() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    phnoe: \"13800000001\""])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-field", .warning, at: (10, 5),
                        message: ["`phnoe`", "in a contact"], hint: ["did you mean `phone`?"])
    }

    func testUnknownKeyInTheScore() {
        let text = RuleFixture.customer(adding: ["score: {size: 25, budegt: 25}"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-field", .warning, at: (8, 19),
                        message: ["`budegt`", "in `score`"], hint: ["did you mean `budget`?"])
    }

    func testSourceDetailKeyThatDoesNotBelongToTheSource() {
        let text = RuleFixture.customer(adding: ["source_detail: {page: 企业解决方案, booth: A12}"])
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-field", .warning, at: (8, 31),
                       says: "unknown key `booth` in `source_detail` of a website lead",
                       hint: "known keys: page, keywords, complete; list extra keys under `extra_fields` in leadbook.yml")
    }

    func testUpperCaseKeyIsUnknown() {
        let text = RuleFixture.customer(adding: ["Budget: 200000"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-field", .warning, at: (8, 1), hint: ["did you mean `budget`?"])
    }

    func testUnrelatedKeyNamesEveryKnownKey() {
        let text = RuleFixture.customer(adding: ["deal: {amount: 180000, signed: 2024-04-02}"])
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-field", .warning, at: (8, 24), says: "unknown key `signed` in `deal`",
                       hint: "known keys: amount, closed; list extra keys under `extra_fields` in leadbook.yml")
    }

    func testMessagesInChinese() {
        let top = RuleFixture.diagnostics(RuleFixture.customer(adding: ["bugdet: 200000"])).first
        XCTAssertEqual(top?.phrase.zh, "未知的键 `bugdet`")
        XCTAssertEqual(top?.hintPhrase.zh, "是不是想写 `budget`？")
        let contact = RuleFixture.diagnostics(RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    wechat_group: 华东群"])).first
        XCTAssertEqual(contact?.phrase.zh, "联系人里有未知的键 `wechat_group`")
        XCTAssertEqual(contact?.hintPhrase.zh.hasPrefix("可用的键：name、title、phone"), true, contact?.hintPhrase.zh ?? "")
    }

    // MARK: leadbook.yml

    func testUnknownKeysOfLeadbookYml() {
        let (_, diagnostics) = RuleFixture.configuration("langauge: en\nteam:\n  - {name: 王五, role: manager, regoins: [华东]}\n")
        RuleAssert.rules(diagnostics, [("unknown-field", 1, 1), ("unknown-field", 3, 31)])
        XCTAssertEqual(diagnostics.map(\.message), ["unknown key `langauge` in leadbook.yml", "unknown key `regoins` in a team member"])
        XCTAssertEqual(diagnostics.map(\.hint), ["did you mean `language`?", "did you mean `regions`?"])
    }
}
