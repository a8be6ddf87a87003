import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// yaml-syntax: front matter that is not well-formed YAML, pointed at the exact spot.
final class YAMLSyntaxTests: XCTestCase {
    func testQuotedValuesWithEscapesAreClean() {
        let text = RuleFixture.customer(
            set: ["name: '华东云''s 科技有限公司'"],
            adding: ["needs: \"数据安全\\t服务器升级 \\u6570\"", "region: 'NO'  # 挪威? 不, 是华东的缩写"])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.name, "华东云's 科技有限公司")
        XCTAssertEqual(result.customer?.needs, "数据安全\t服务器升级 数")
        XCTAssertEqual(result.customer?.region, "NO")
    }

    func testMissingSpaceAfterColon() {
        let text = RuleFixture.customer(set: ["name:华东云科技有限公司"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-syntax", at: (3, 5),
                        message: ["missing space after `:`"], hint: ["`key: value`"])
    }

    func testLineWithoutColon() {
        let text = RuleFixture.customer(adding: ["region 华东"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-syntax", at: (8, 1), message: ["expected `key: value`"])
    }

    func testUnterminatedDoubleQuote() {
        let text = RuleFixture.customer(set: ["status: \"qualified"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-syntax", at: (7, 9),
                        message: ["unterminated double-quoted value"], hint: ["closing `\"`"])
    }

    func testTextAfterAQuotedValue() {
        let text = RuleFixture.customer(set: ["name: \"华东云\" 科技"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-syntax", at: (3, 13), message: ["unexpected text after the value"])
    }

    func testContactLineIndentedLessThanItsSiblings() {
        let text = RuleFixture.customer(adding: [
            "contacts:",               // 8
            "  - name: 张伟",           // 9
            "    title: 技术总监",       // 10
            "   phone: \"13800000001\"", // 11
        ])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-syntax", at: (11, 4), message: ["unexpected indentation"])
    }

    func testLoneCarriageReturnInsideAValue() {
        let text = RuleFixture.customer(adding: ["needs: 数据\r安全"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-syntax", at: (8, 10),
                        message: ["carriage return without a line feed"], hint: ["LF or CRLF"])
    }

    /// The escape is named with its whole character, not a byte of it.
    func testInvalidEscapeInDoubleQuotes() {
        let text = RuleFixture.customer(adding: ["needs: \"C:\\数据\""])
        RuleAssert.one(RuleFixture.diagnostics(text), "yaml-syntax", at: (8, 11), says: "invalid escape `\\数` in a double-quoted value",
                       hint: "write `\\\\` for a backslash, or use single quotes")
    }

    func testLeadbookYmlWithAValueStartingWithAnIndicator() {
        let (_, diagnostics) = RuleFixture.configuration("language: zh-CN\nid_prefix: @LX\n")
        RuleAssert.one(diagnostics, "yaml-syntax", at: (2, 12), says: "a value cannot start with `@`",
                       hint: "quote the value, for example \"@...\"", path: "leadbook.yml")
    }
}
