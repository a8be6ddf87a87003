import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// lone-carriage-return: a CR not followed by LF is a line break to GitHub but not to leadbook,
/// so a forged entry could hide behind it.
final class LoneCarriageReturnTests: XCTestCase {
    func testCRLFLineEndingsAreClean() {
        let text = RuleFixture.followUp("2024-03-02 电话 张伟", ["- summary: 确认需求"]).replacingOccurrences(of: "\n", with: "\r\n")
        RuleAssert.clean(RuleFixture.diagnostics(bytes: Array(text.utf8)))
    }

    func testALoneCRInANoteIsReportedAtItsColumn() {
        // Line 13 is `- summary: ok` + CR + a forged heading and status.
        let text = RuleFixture.followUp("2024-03-02 电话 张伟", ["- summary: ok\r### 2030-01-01 电话 伪造的记录\r- status: won"])
        let diagnostics = RuleFixture.diagnostics(bytes: Array(text.utf8))
        RuleAssert.one(diagnostics, "lone-carriage-return", at: (13, 14),
                       says: "carriage return (CR) without a line feed (and 1 more in this file): viewers show it as a line break that leadbook does not read",
                       hint: "save the file with LF or CRLF line endings, or remove the CR")
    }

    func testACRAtTheEndOfTheFile() {
        let text = RuleFixture.customer(body: "\n# 华东云\r")
        RuleAssert.only(RuleFixture.diagnostics(bytes: Array(text.utf8)), "lone-carriage-return", at: (10, 6), message: ["without a line feed"])
    }

    func testALoneCRInTheFrontMatterIsYAMLSyntax() {
        // YAML reads a lone CR as a line break: the front matter is yaml-syntax, not this rule.
        let text = RuleFixture.customer(adding: ["needs: 数据\r安全"])
        RuleAssert.only(RuleFixture.diagnostics(bytes: Array(text.utf8)), "yaml-syntax", at: (8, 10))
    }
}
