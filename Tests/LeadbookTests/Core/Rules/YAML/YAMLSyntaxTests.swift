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

    /// After a key of ASCII letters the fix adds the space; the values after it are read.
    func testTheMissingSpaceIsFixed() {
        let text = RuleFixture.customer(set: ["status: 谈判"], adding: ["region:华东"])
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.rules(diagnostics, [("unknown-status", 7, 9), ("yaml-syntax", 8, 7)])
        let fixed = String(decoding: Fix.apply(diagnostics.compactMap(\.fix), to: Array(text.utf8)).bytes, as: UTF8.self)
        XCTAssertEqual(fixed, RuleFixture.customer(set: ["status: 谈判"], adding: ["region: 华东"]))
        XCTAssertNil(RuleFixture.diagnostics(RuleFixture.customer(adding: ["备注:年底"])).first?.fix)
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

    // MARK: One problem does not hide the others

    /// After a problem the reader resumes at the next top-level key: the status below is
    /// checked too.
    func testAProblemDoesNotHideTheNextOnes() {
        let text = RuleFixture.customer(set: ["status: 谈判"], adding: ["needs: 冷链: 包装", "tags: [a, b", "region: 华东"])
        let result = RuleFixture.read(text)
        RuleAssert.rules(result.findings.diagnostics, [("unknown-status", 7, 9), ("yaml-syntax", 8, 10), ("yaml-unsupported", 9, 12)])
        XCTAssertNil(result.customer)
    }

    /// Lines skipped after a problem leave fields unread: the checks across fields (a missing
    /// `status`) wait for a file that reads.
    func testSkippedLinesAreNotReportedMissing() {
        let text = RuleFixture.customer(adding: ["needs: 冷链: 包装"], removing: ["status"])
        RuleAssert.rules(RuleFixture.diagnostics(text), [("yaml-syntax", 7, 10)])
    }

    func testAnUnclosedQuoteResumesAtTheKeyThatEndedIt() {
        let text = RuleFixture.customer(set: ["name: \"华东云", "status: 谈判"])
        RuleAssert.rules(RuleFixture.diagnostics(text), [("yaml-syntax", 3, 7), ("unknown-status", 7, 9)])
    }

    // MARK: Indentation

    func testAKeyIndentedOneSpaceTooFarIsToldTheSiblingsIndentationAndFixed() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    title: 技术总监", "     phone: \"13800000001\""])
        let diagnostic = RuleAssert.one(RuleFixture.diagnostics(text), "yaml-syntax", at: (11, 6),
                                        says: "unexpected indentation: this line is indented 5 spaces; the keys of `contacts` use 4",
                                        hint: "indent it 4 spaces, like the keys it belongs with")
        XCTAssertEqual(diagnostic?.phrase.zh, "缩进不对：这一行缩进了 5 个空格，`contacts` 下面的键缩进 4 个空格")
        XCTAssertEqual(diagnostic?.hintPhrase.zh, "改成缩进 4 个空格，和同级的键对齐")
        let fixed = String(decoding: Fix.apply([diagnostic!.fix!], to: Array(text.utf8)).bytes, as: UTF8.self)
        let expected = RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    title: 技术总监", "    phone: \"13800000001\""])
        XCTAssertEqual(fixed, expected)
        RuleAssert.clean(RuleFixture.diagnostics(expected))
    }

    func testAKeyHalfwayBetweenTwoLevelsNamesBothAndHasNoFix() {
        let text = RuleFixture.customer(set: ["source: exhibition"], adding: ["source_detail:", "  booth: A12", " minutes: 30"])
        let diagnostic = RuleAssert.one(RuleFixture.diagnostics(text), "yaml-syntax", at: (10, 2),
                                        says: "unexpected indentation: this line is indented 1 space; the keys of `source_detail` use 2, the top-level keys are not indented",
                                        hint: "indent it like the keys it belongs with")
        XCTAssertNil(diagnostic?.fix)
    }

    func testATopLevelKeyIndentedUnderAQuotedValue() {
        let text = RuleFixture.customer(adding: ["needs: \"冷链\"", "  region: 华东"])
        RuleAssert.one(RuleFixture.diagnostics(text), "yaml-syntax", at: (9, 3),
                       says: "unexpected indentation: this line is indented 2 spaces; the top-level keys are not indented",
                       hint: "start it at the beginning of the line, like the other top-level keys (a key with a value holds no keys below it)")
    }

    func testMessagesInChinese() {
        let diagnostic = RuleFixture.diagnostics(RuleFixture.customer(set: ["name:华东云科技有限公司"])).first
        XCTAssertEqual(diagnostic?.phrase.zh, "`:` 后面少了空格")
        XCTAssertEqual(diagnostic?.hintPhrase.zh, "写成 `key: value`，冒号后面加一个空格")
    }
}
