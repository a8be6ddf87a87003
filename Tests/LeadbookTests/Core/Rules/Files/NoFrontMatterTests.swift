import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// no-front-matter and unclosed-front-matter: the `---` lines around the front matter.
final class NoFrontMatterTests: XCTestCase {
    func testFrontMatterWithTrailingSpacesOnItsMarkersIsClean() {
        let text = RuleFixture.head
            .replacingOccurrences(of: "---\nid:", with: "---  \nid:")
            .replacingOccurrences(of: "qualified\n---\n", with: "qualified\n--- \n")
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }

    // MARK: no-front-matter

    func testPlainMarkdownHasNoFrontMatter() {
        let text = """
            # 华东云科技有限公司

            联系人: 张伟, 电话 13800000001

            """
        RuleAssert.only(RuleFixture.diagnostics(text), "no-front-matter", at: (1, 1),
                        message: ["`---`"], hint: ["start the file with `---`"], path: RuleFixture.path)
    }

    func testFrontMatterAfterABlankLineIsNotFrontMatter() {
        let text = "\n" + RuleFixture.head
        RuleAssert.only(RuleFixture.diagnostics(text), "no-front-matter", at: (1, 1))
    }

    func testFourDashesAreNotAFrontMatterMarker() {
        let text = RuleFixture.head.replacingOccurrences(of: "---\nid:", with: "----\nid:")
        RuleAssert.only(RuleFixture.diagnostics(text), "no-front-matter", at: (1, 1))
    }

    // MARK: unclosed-front-matter

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
        RuleAssert.only(RuleFixture.diagnostics(text), "unclosed-front-matter", at: (1, 1),
                        message: ["never closed"], hint: ["add a `---` line"])
    }

    func testClosingLineWithTextAfterItDoesNotClose() {
        let text = RuleFixture.head.replacingOccurrences(of: "qualified\n---\n", with: "qualified\n--- 正文\n")
        RuleAssert.only(RuleFixture.diagnostics(text), "unclosed-front-matter", at: (1, 1))
    }

    func testOpeningLineAlone() {
        RuleAssert.only(RuleFixture.diagnostics("---\n"), "unclosed-front-matter", at: (1, 1))
    }
}
