import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// full-width-colon: `：` after a key, reported at the colon itself, the line read as meant,
/// fixed to `: `; a full-width colon in a value or in the log is fine.
final class FullWidthColonTests: XCTestCase {
    func testAFullWidthColonAfterAKeyIsReportedAtTheColon() {
        let text = RuleFixture.customer(adding: ["industry：食品"])
        let diagnostic = RuleAssert.one(RuleFixture.diagnostics(text), "full-width-colon", at: (8, 9),
                                        says: "full-width colon `：` after the key; YAML needs the ASCII colon `:` and a space",
                                        hint: "type `: ` (switch the keyboard to English); `leadbook fix` changes it")
        XCTAssertEqual(diagnostic?.phrase.zh, "键后面用了全角冒号 `：`，YAML 要求英文冒号 `:` 加一个空格")
        XCTAssertEqual(diagnostic?.hintPhrase.zh, "改成 `: `（把输入法切到英文）；`leadbook fix` 可以自动修改")
        let fixed = Fix.apply([diagnostic!.fix!], to: Array(text.utf8)).bytes
        XCTAssertEqual(String(decoding: fixed, as: UTF8.self), RuleFixture.customer(adding: ["industry: 食品"]))
    }

    /// Not the `:` of the time further on, which the rep would "fix".
    func testBeforeATimeTheColonOfTheKeyIsPointedAt() {
        let text = RuleFixture.customer(adding: ["created：2024-03-01 09:10", "status: qualified"], removing: ["created", "status"])
        RuleAssert.only(RuleFixture.diagnostics(text), "full-width-colon", at: (6, 8))
    }

    /// An indented key is reported on its own line, and its map is read.
    func testAnIndentedKeyIsReportedOnItsLine() {
        let text = RuleFixture.customer(set: ["source: referral"], adding: ["source_detail:", "  referrer：老客户李总"])
        let result = RuleFixture.read(text)
        RuleAssert.only(result.findings.diagnostics, "full-width-colon", at: (9, 11))
        XCTAssertNil(result.customer, "a front matter with a YAML error is not a customer")
    }

    func testTheValuesAfterItAreStillChecked() {
        let text = RuleFixture.customer(set: ["status: 谈判"], adding: ["region：华东"])
        RuleAssert.rules(RuleFixture.diagnostics(text), [("unknown-status", 7, 9), ("full-width-colon", 8, 7)])
    }

    func testASpaceAfterTheColonIsKeptAndAFullWidthOneReplaced() {
        for (line, fixed) in [("region： 华东", "region: 华东"), ("region：　华东", "region: 华东"), ("source_detail：", "source_detail:")] {
            let text = RuleFixture.customer(adding: [line])
            let diagnostics = RuleFixture.diagnostics(text).filter { $0.rule.id == "full-width-colon" }
            XCTAssertEqual(diagnostics.count, 1, line)
            let bytes = Fix.apply(diagnostics.compactMap(\.fix), to: Array(text.utf8)).bytes
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), RuleFixture.customer(adding: [fixed]), line)
        }
    }

    func testAKeyOfAFlowMap() {
        let text = RuleFixture.customer(adding: ["score: {size：25, budget： 20}"])
        let result = RuleFixture.read(text)
        RuleAssert.rules(result.findings.diagnostics, [("full-width-colon", 8, 13), ("full-width-colon", 8, 24)])
        let fixed = String(decoding: Fix.apply(result.findings.diagnostics.compactMap(\.fix), to: Array(text.utf8)).bytes, as: UTF8.self)
        XCTAssertEqual(fixed, RuleFixture.customer(adding: ["score: {size: 25, budget: 20}"]))
    }

    func testAFullWidthColonInsideAValueIsText() {
        let text = RuleFixture.customer(adding: ["needs: \"价格：太高\"", "region: 华东：上海"])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.needs, "价格：太高")
        XCTAssertEqual(result.customer?.region, "华东：上海")
    }

    /// The log reads `- 状态：方案提交` as the status it says.
    func testTheLogTakesAFullWidthColon() {
        let text = RuleFixture.followUp("2024-03-02 电话 张伟", ["- 状态：qualified", "- 情绪：positive"])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.followUps.first?.status, .qualified)
    }

    func testLeadbookYmlGetsTheSameFinding() {
        let (_, diagnostics) = RuleFixture.configuration("language：zh-CN\n")
        RuleAssert.only(diagnostics, "full-width-colon", at: (1, 9), path: "leadbook.yml")
    }
}
