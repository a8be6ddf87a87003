import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// chinese-quotes (a warning): a value wholly inside Chinese quotes keeps them as text.
final class ChineseQuotesTests: XCTestCase {
    func testAQuotedNameIsReportedAndFixedToPlain() {
        let text = RuleFixture.customer(set: ["name: “成都天府食品有限公司”"])
        let result = RuleFixture.read(text)
        let diagnostic = RuleAssert.one(result.findings.diagnostics, "chinese-quotes", .warning, at: (3, 7),
                                        says: "`“成都天府食品有限公司”` is wrapped in Chinese quotes, which YAML keeps as part of the value",
                                        hint: "write `成都天府食品有限公司`; if the quotes belong to the text, put the whole value in ASCII quotes; `leadbook fix` removes them")
        XCTAssertEqual(diagnostic?.phrase.zh, "`“成都天府食品有限公司”` 外面是中文引号，YAML 会把引号当成值的一部分")
        // Read as YAML reads it, as every other tool does.
        XCTAssertEqual(result.customer?.name, "“成都天府食品有限公司”")
        let fixed = Fix.apply([diagnostic!.fix!], to: Array(text.utf8)).bytes
        XCTAssertEqual(String(decoding: fixed, as: UTF8.self), RuleFixture.customer(set: ["name: 成都天府食品有限公司"]))
    }

    func testEveryKindOfChineseQuote() {
        for (value, inner) in [("‘食品’", "食品"), ("「西南」", "西南"), ("『华东』", "华东"), ("＂上海＂", "上海"), ("”华南”", "华南")] {
            let text = RuleFixture.customer(adding: ["region: \(value)"])
            let diagnostic = RuleAssert.only(RuleFixture.diagnostics(text), "chinese-quotes", .warning, at: (8, 9))
            XCTAssertEqual(diagnostic?.fix?.replacement, Array(inner.utf8), value)
        }
    }

    /// What another YAML tool would read as a number stays text, in ASCII quotes.
    func testANumberLikeValueIsFixedToDoubleQuotes() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    phone: “13800000001”"])
        let diagnostic = RuleAssert.only(RuleFixture.diagnostics(text), "chinese-quotes", .warning, at: (10, 12))
        XCTAssertEqual(diagnostic?.fix?.replacement, Array("\"13800000001\"".utf8))
    }

    func testAnItemOfAFlowList() {
        let text = RuleFixture.customer(adding: ["tags: [“老客户推荐”, 价格敏感]"])
        RuleAssert.only(RuleFixture.diagnostics(text), "chinese-quotes", .warning, at: (8, 8))
    }

    /// A quotation meant as text is written inside ASCII quotes; quotes inside a value are text.
    func testQuotesMeantAsTextAreNotReported() {
        let text = RuleFixture.customer(adding: ["needs: \"“冷链包装”\"", "region: 客户说“价格太高”"])
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }
}
