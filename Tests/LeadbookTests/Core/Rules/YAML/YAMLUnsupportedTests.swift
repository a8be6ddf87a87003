import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// yaml-unsupported: YAML that is valid but outside the documented subset is an error that
/// names the feature, never a guess.
final class YAMLUnsupportedTests: XCTestCase {
    func testIndicatorCharactersInsideValuesAreClean() {
        let text = RuleFixture.customer(adding: [
            "needs: 数据安全 & 备份*优先!",
            "tags: [A&B, \"*重点\", '!紧急']",
            "industry: 互联网 # 行内注释",
        ])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.tags, ["A&B", "*重点", "!紧急"])
        XCTAssertEqual(result.customer?.industry, "互联网")
    }

    func testAnchor() {
        let text = RuleFixture.customer(adding: ["owner: &rep 王五"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-unsupported", at: (8, 8), message: ["anchors"])
    }

    func testAlias() {
        let text = RuleFixture.customer(adding: ["owner: *rep"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-unsupported", at: (8, 8), message: ["aliases"], hint: ["in full"])
    }

    func testTag() {
        let text = RuleFixture.customer(adding: ["budget: !!int 200000"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-unsupported", at: (8, 9), message: ["tags"], hint: ["remove the tag"])
    }

    func testFlowSequenceOverTwoLines() {
        let text = RuleFixture.customer(adding: ["tags: [决策链复杂,", "  竞品对比中]"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-unsupported", at: (8, 7),
                        message: ["must end on the line where it starts"], hint: ["`- item`"])
    }

    func testFlowMappingOverTwoLines() {
        let text = RuleFixture.customer(adding: ["score: {size: 25, budget: 25,", "  urgency: 20, decision: 20}"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-unsupported", at: (8, 8), message: ["must end on the line"])
    }

    func testSecondDocumentMarkerInFrontMatter() {
        // `--- 第二份` does not close the front matter (text follows the dashes), but YAML reads
        // it as the start of a second document.
        let text = RuleFixture.customer(adding: ["--- 第二份", "name: 另一家公司"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-unsupported", at: (8, 1),
                        message: ["second document marker"], hint: ["remove the `---`"])
    }

    func testDirective() {
        let text = RuleFixture.customer(adding: ["%YAML 1.2"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-unsupported", at: (8, 1), message: ["directives"])
    }

    func testComplexKeyAfterAPlainKey() {
        let text = RuleFixture.customer(adding: ["? 复杂键", ": 值"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-unsupported", at: (8, 1), message: ["complex keys"])
    }

    func testFlowMappingWithACommentBeforeTheColon() {
        let text = RuleFixture.customer(adding: ["score: {\"size\" # 规模", "  : 25}"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-unsupported", at: (8, 8), message: ["must end on the line"])
    }

    func testComplexKey() {
        let text = "---\n? 复杂键\n: 值\n---\n"
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-unsupported", at: (2, 1), message: ["complex keys"])
    }

    func testAnchorTagOrAliasBeforeAKey() {
        for (line, feature) in [("&rep owner: 王五", "anchors"), ("!!str owner: 王五", "tags"), ("*rep : 王五", "aliases")] {
            let text = RuleFixture.customer(adding: [line])
            RuleAssert.only(RuleFixture.diagnostics(text), "yaml-unsupported", at: (8, 1), message: [feature])
        }
    }

    func testNestedKeyOnAContinuationLine() {
        // `source: website` then an indented `page:` line: YAML reads one value with `: ` in it;
        // it is a key out of line, told as an indentation (yaml-syntax) at the key.
        let text = RuleFixture.customer(set: ["source: website\n  page: 企业解决方案"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-syntax", at: (5, 3),
                        message: ["this line is indented 2 spaces", "the top-level keys are not indented"])
    }

    func testACommentOnAContinuationLine() {
        let text = RuleFixture.customer(adding: ["needs: 数据安全", "  服务器升级 #重要"])
        RuleAssert.only(RuleFixture.diagnostics(text), "yaml-unsupported", at: (9, 9), message: ["continued on the next line"])
    }

    // MARK: leadbook.yml

    func testALeadingDocumentStartLineIsAccepted() {
        let (configuration, diagnostics) = RuleFixture.configuration("---\nlanguage: en\n")
        RuleAssert.clean(diagnostics)
        XCTAssertEqual(configuration.language, .en)
        let (_, withComment) = RuleFixture.configuration("# 配置\n--- # start\nlanguage: en\n")
        RuleAssert.clean(withComment)
    }

    func testASecondDocumentStartLineIsStillRejected() {
        let (_, diagnostics) = RuleFixture.configuration("---\nlanguage: en\n---\nlanguage: zh-CN\n")
        RuleAssert.one(diagnostics, "yaml-unsupported", at: (3, 1), says: "a second document marker: only one document is supported",
                       hint: "remove the `---` or `...` line, or indent it if it belongs to a value", path: "leadbook.yml")
        let (_, valueOnMarker) = RuleFixture.configuration("--- language: en\n")
        RuleAssert.only(valueOnMarker, "yaml-unsupported", at: (1, 5), message: ["a value on the `---` line"])
    }

    func testSecondDocumentInLeadbookYml() {
        let (_, diagnostics) = RuleFixture.configuration("language: zh-CN\n---\nlanguage: en\n")
        RuleAssert.only(diagnostics, "yaml-unsupported", at: (2, 1), message: ["second document marker"], path: "leadbook.yml")
    }
}
