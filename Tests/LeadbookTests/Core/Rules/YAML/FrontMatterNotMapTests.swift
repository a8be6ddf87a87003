import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// front-matter-not-map: the front matter is `key: value` lines, not a list or a lone value.
final class FrontMatterNotMapTests: XCTestCase {
    func testKeyValueLinesAreAMap() {
        let result = RuleFixture.read(RuleFixture.head)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertNotNil(result.frontMatter?.pairs)
    }

    func testListFrontMatter() {
        let text = "---\n- 华东云科技有限公司\n- 张伟\n---\n"
        RuleAssert.one(RuleFixture.diagnostics(text), "front-matter-not-map", at: (2, 1),
                       says: "the front matter must be `key: value` lines, not a list",
                       hint: "write one `key: value` per line, starting with `id:`")
    }

    func testLeadbookYmlThatIsAList() {
        RuleAssert.clean(RuleFixture.configuration("language: zh-CN\n").1)
        let (_, diagnostics) = RuleFixture.configuration("- language: zh-CN\n- id_prefix: LX\n")
        RuleAssert.one(diagnostics, "front-matter-not-map", at: (1, 1), says: "leadbook.yml must be a map of `key: value` lines",
                       hint: "start with a key, for example `language: zh-CN`", path: "leadbook.yml")
    }

    func testSingleValueFrontMatter() {
        let text = "---\n华东云科技有限公司 张伟 13800000001\n---\n"
        RuleAssert.only(RuleFixture.diagnostics(text), "front-matter-not-map", at: (2, 1), message: ["not a single value"])
    }

    func testIndentedSingleValueFrontMatter() {
        let text = "---\n  华东云科技有限公司\n---\n"
        RuleAssert.only(RuleFixture.diagnostics(text), "front-matter-not-map", at: (2, 3))
    }
}
