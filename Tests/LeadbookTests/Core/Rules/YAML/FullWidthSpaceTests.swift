import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// full-width-space: U+3000 where YAML needs a space, after a key's colon or in indentation.
final class FullWidthSpaceTests: XCTestCase {
    func testAfterTheColonOfAKey() {
        let text = RuleFixture.customer(adding: ["region:\u{3000}西南"])
        let diagnostic = RuleAssert.one(RuleFixture.diagnostics(text), "full-width-space", at: (8, 8),
                                        says: "full-width space `\u{3000}` (U+3000) after the colon; YAML needs an ASCII space there",
                                        hint: "type an ordinary space after `:` (switch the keyboard to half-width); `leadbook fix` changes it")
        XCTAssertEqual(diagnostic?.phrase.zh, "冒号后面是全角空格 `\u{3000}`（U+3000），YAML 要求这里是英文空格")
        let fixed = Fix.apply([diagnostic!.fix!], to: Array(text.utf8)).bytes
        XCTAssertEqual(String(decoding: fixed, as: UTF8.self), RuleFixture.customer(adding: ["region: 西南"]))
    }

    func testInTheIndentationEachBecomesTwoSpaces() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "\u{3000}\u{3000}title: 采购经理"])
        let diagnostic = RuleAssert.only(RuleFixture.diagnostics(text), "full-width-space", at: (10, 1),
                                         message: ["in the indentation"])
        XCTAssertEqual(diagnostic?.phrase.zh, "缩进里有全角空格 `\u{3000}`（U+3000），YAML 只能用英文空格缩进")
        let fixed = Fix.apply([diagnostic!.fix!], to: Array(text.utf8)).bytes
        let expected = RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    title: 采购经理"])
        XCTAssertEqual(String(decoding: fixed, as: UTF8.self), expected)
        RuleAssert.clean(RuleFixture.diagnostics(expected))
    }

    func testAfterTheDashOfAListItem() {
        let text = RuleFixture.customer(adding: ["tags:", "  -\u{3000}老客户推荐", "  - 价格敏感"])
        let result = RuleFixture.read(text)
        let diagnostic = RuleAssert.only(result.findings.diagnostics, "full-width-space", at: (9, 4), message: ["after the `-`"])
        XCTAssertEqual(diagnostic?.phrase.zh, "列表项的 `-` 后面是全角空格 `\u{3000}`（U+3000），YAML 要求这里是英文空格")
        let fixed = String(decoding: Fix.apply([diagnostic!.fix!], to: Array(text.utf8)).bytes, as: UTF8.self)
        XCTAssertEqual(fixed, RuleFixture.customer(adding: ["tags:", "  - 老客户推荐", "  - 价格敏感"]))
        XCTAssertEqual(RuleFixture.read(fixed).customer?.tags, ["老客户推荐", "价格敏感"])
    }

    /// Inside a value an ideographic space is text.
    func testInsideAValueItIsText() {
        let text = RuleFixture.customer(adding: ["needs: 数据安全\u{3000}服务器升级", "region: \u{3000}华东"])
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }
}
