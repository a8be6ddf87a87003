import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// todo-box (a warning): a to-do box typed with a Chinese keyboard, read as meant.
final class TodoBoxTests: XCTestCase {
    func testAFullWidthXIsReadAsDoneAndReported() {
        let text = RuleFixture.followUp("2024-03-02 电话 张伟", ["- [ｘ] 2024-03-05 发报价 @王五"])
        let result = RuleFixture.read(text)
        let diagnostic = RuleAssert.one(result.findings.diagnostics, "todo-box", .warning, at: (13, 3),
                                        says: "the to-do box `[ｘ]` is not `[ ]` or `[x]`; it is read as done",
                                        hint: "write `[x]` in ASCII (switch the keyboard to English); `leadbook fix` changes it")
        XCTAssertEqual(diagnostic?.phrase.zh, "待办框 `[ｘ]` 不是 `[ ]` 或 `[x]`，暂按已完成处理")
        let todo = result.customer?.followUps.first?.todos.first
        XCTAssertEqual(todo?.done, true)
        XCTAssertEqual(todo?.text, "发报价")
        XCTAssertEqual(todo?.owner, "王五")
        let fixed = String(decoding: Fix.apply([diagnostic!.fix!], to: Array(text.utf8)).bytes, as: UTF8.self)
        XCTAssertEqual(fixed, RuleFixture.followUp("2024-03-02 电话 张伟", ["- [x] 2024-03-05 发报价 @王五"]))
    }

    func testEveryMark() {
        let marks: [(String, Bool, String)] = [
            ("[Ｘ]", true, "[x]"), ("[√]", true, "[x]"), ("[✓]", true, "[x]"), ("[✔]", true, "[x]"), ("[☑]", true, "[x]"),
            ("[\u{3000}]", false, "[ ]"), ("［ ］", false, "[ ]"), ("［x］", true, "[x]"), ("【 】", false, "[ ]"), ("[]", false, "[ ]"),
        ]
        for (box, done, replacement) in marks {
            let result = RuleFixture.read(RuleFixture.followUp("2024-03-02 电话 张伟", ["- \(box) 2024-03-05 发报价"]))
            let diagnostic = RuleAssert.only(result.findings.diagnostics, "todo-box", .warning, at: (13, 3))
            XCTAssertEqual(diagnostic?.fix?.replacement, Array(replacement.utf8), box)
            XCTAssertEqual(result.customer?.followUps.first?.todos.first?.done, done, box)
        }
    }

    /// `×` means done to some reps and not done to others: read as open, no fix.
    func testACrossIsLeftToTheRep() {
        let result = RuleFixture.read(RuleFixture.followUp("2024-03-02 电话 张伟", ["- [×] 2024-03-05 发报价"]))
        let diagnostic = RuleAssert.only(result.findings.diagnostics, "todo-box", .warning, at: (13, 3), message: ["neither open nor done"])
        XCTAssertNil(diagnostic?.fix)
        XCTAssertEqual(result.customer?.followUps.first?.todos.first?.done, false)
    }

    /// ASCII boxes, links and other text in brackets are not boxes.
    func testWhatIsNotABox() {
        let text = RuleFixture.followUp("2024-03-02 电话 张伟", [
            "- [ ] 2024-03-05 发报价", "- [X] 2024-03-04 约面谈", "- [报价单](https://example.com/q.pdf)", "- 【重要】客户要求月底前答复",
        ])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.followUps.first?.todos.count, 2)
    }

    /// Readers that keep no source (an edit reads the log for its places only) read such a box too.
    func testAnEditOfAFileWithSuchABox() throws {
        let text = RuleFixture.followUp("2024-03-02 电话 张伟", ["- [\u{3000}] 2024-03-05 发报价"])
        let edit = try RecordEdit(bytes: Array(text.utf8))
        XCTAssertEqual(edit.log.followUps.first?.todos.first?.done, false)
        XCTAssertEqual(try edit.apply(), Array(text.utf8))
    }
}
