import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// no-front-matter: a customer file starts with a `---` line.
final class NoFrontMatterTests: XCTestCase {
    func testFrontMatterWithTrailingSpacesOnItsMarkersIsClean() {
        let text = RuleFixture.head
            .replacingOccurrences(of: "---\nid:", with: "---  \nid:")
            .replacingOccurrences(of: "qualified\n---\n", with: "qualified\n--- \n")
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }

    func testPlainMarkdownHasNoFrontMatter() {
        let text = """
            # 华东云科技有限公司

            联系人: 张伟, 电话 13800000001

            """
        RuleAssert.one(RuleFixture.diagnostics(text), "no-front-matter", at: (1, 1),
                       says: "no front matter: a customer file starts with a `---` line",
                       hint: "start the file with `---`, the customer's `key: value` lines, and `---`; or move the file out of the customers folder",
                       path: RuleFixture.path)
    }

    func testFrontMatterAfterABlankLineIsNotFrontMatter() {
        let text = "\n" + RuleFixture.head
        RuleAssert.only(RuleFixture.diagnostics(text), "no-front-matter", at: (1, 1))
    }

    func testFourDashesAreNotAFrontMatterMarker() {
        let text = RuleFixture.head.replacingOccurrences(of: "---\nid:", with: "----\nid:")
        RuleAssert.only(RuleFixture.diagnostics(text), "no-front-matter", at: (1, 1))
    }

    func testOldMacLineEndingsAreNamed() {
        let text = RuleFixture.head.replacingOccurrences(of: "\n", with: "\r")
        RuleAssert.one(RuleFixture.diagnostics(text), "no-front-matter", at: (1, 1),
                       says: "lines end with a carriage return alone (old Mac line endings)",
                       hint: "save the file with LF or CRLF line endings")
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.head.replacingOccurrences(of: "\n", with: "\r\n")))
    }
}
