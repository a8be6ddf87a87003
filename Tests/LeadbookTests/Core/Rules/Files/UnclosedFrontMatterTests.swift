import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unclosed-front-matter: the front matter opened by `---` ends with a `---` line.
final class UnclosedFrontMatterTests: XCTestCase {
    func testClosedFrontMatterIsClean() {
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.head + "\n# 华东云科技有限公司\n"))
    }

    func testFrontMatterWithoutClosingLine() {
        let text = """
            ---
            id: LX2024001
            name: 华东云科技有限公司
            source: website
            intent: A
            created: 2024-03-01 09:10
            status: qualified

            # 华东云科技有限公司

            """
        RuleAssert.one(RuleFixture.diagnostics(text), "unclosed-front-matter", at: (1, 1),
                       says: "the front matter is never closed", hint: "add a `---` line after the last `key: value` line")
    }

    func testClosingLineWithTextAfterItDoesNotClose() {
        let text = RuleFixture.head.replacingOccurrences(of: "qualified\n---\n", with: "qualified\n--- 正文\n")
        RuleAssert.only(RuleFixture.diagnostics(text), "unclosed-front-matter", at: (1, 1))
    }

    func testOpeningLineAlone() {
        RuleAssert.only(RuleFixture.diagnostics("---\n"), "unclosed-front-matter", at: (1, 1))
    }
}
