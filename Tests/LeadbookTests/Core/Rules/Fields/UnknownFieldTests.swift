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
        RuleAssert.only(result.findings.diagnostics, "unknown-field", .warning, at: (8, 1),
                        message: ["unknown key `bugdet`"], hint: ["did you mean `budget`?"])
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
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-field", .warning, at: (8, 31),
                        message: ["`booth`", "website lead"])
    }

    func testUpperCaseKeyIsUnknown() {
        let text = RuleFixture.customer(adding: ["Budget: 200000"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-field", .warning, at: (8, 1), hint: ["did you mean `budget`?"])
    }
}
