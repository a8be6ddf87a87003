import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// extra-todo-name: a to-do ends with at most one `@owner` and one `^requester`; more names
/// before them are read as text, and said.
final class ExtraTodoNameTests: XCTestCase {
    func testOneOfEachIsClean() {
        let text = RuleFixture.followUp("2024-05-06 phone 张伟", ["- [ ] 2024-05-12 审核A @法务部 ^赵六", "- [ ] 2024-05-12 算 2^10 的报价 @王五"])
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }

    func testASecondRequesterIsAWarningAtTheNamesReadAsText() {
        // Line 13 is the to-do; `@法务部` is at column 22 (after `- [ ] 2024-05-12 审核A `).
        let text = RuleFixture.followUp("2024-05-06 phone 张伟", ["- [ ] 2024-05-12 审核A @法务部 ^赵六 ^李四"])
        let result = RuleFixture.read(text)
        let diagnostic = RuleAssert.one(result.findings.diagnostics, "extra-todo-name", .warning, at: (13, 22),
                                        says: "`@法务部 ^赵六` is read as text: a to-do has one `@owner` and one `^requester`, the last of each",
                                        hint: "keep one of each at the end of the line, or write one to-do per person")
        XCTAssertEqual(diagnostic?.phrase.zh, "`@法务部 ^赵六` 会当成待办内容：一条待办只认行尾的一个 `@负责人` 和一个 `^需求方`")
        let todo = result.customer?.followUps.first?.todos.first
        XCTAssertEqual(todo?.requester, "李四")
        XCTAssertNil(todo?.owner)
        XCTAssertEqual(todo?.text, "审核A @法务部 ^赵六", "nothing written is lost: the names stay in the text")
    }

    func testAThirdNameAfterOneOfEachAndFullWidthMarks() {
        let text = RuleFixture.followUp("2024-05-06 phone 张伟", ["- [ ] 2024-05-12 审核 ＠技术总监 @法务部 ＾赵六"])
        RuleAssert.only(RuleFixture.diagnostics(text), "extra-todo-name", .warning, at: (13, 21), message: ["`＠技术总监`"])
    }

    func testCheckSaysItWithoutReadingTexts() {
        let text = RuleFixture.followUp("2024-05-06 phone 张伟", ["- todo: 2024-05-12 审核A @法务部 @王五"])
        let result = CustomerReader.read(path: RuleFixture.path, bytes: Array(text.utf8), configuration: Configuration(), text: false, tree: false)
        XCTAssertEqual(result.findings.diagnostics.map(\.rule.id), ["extra-todo-name"])
    }
}
