import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// todo-without-date: a to-do (`- [ ]`, `- [x]`, `- todo:`, `- 待办:`) starts with its date.
final class TodoWithoutDateTests: XCTestCase {
    /// Body lines: 9 blank, 10 `## Follow-ups`, 11 blank, 12 heading, 13 the item.
    func entry(_ item: String) -> String {
        RuleFixture.customer(body: "\n## Follow-ups\n\n### 2024-03-01 10:30 phone 张伟\n\(item)\n")
    }

    func testDatedToDosAreClean() {
        let result = RuleFixture.read(RuleFixture.customer(body: """

            ## Follow-ups

            ### 2024-03-01 10:30 phone 张伟
            - [ ] 2024-03-03 提交定制方案 @王五
            - [x] 2024-03-02 发送报价单
            - todo: 2024-03-05 约技术交流 ＠李四
            - 待办: 2024-03-06 回访

            """))
        RuleAssert.clean(result.findings.diagnostics)
        let todos = result.customer?.followUps.first?.todos ?? []
        XCTAssertEqual(todos.map(\.done), [false, true, false, false])
        XCTAssertEqual(todos.map(\.owner), ["王五", nil, "李四", nil])
        XCTAssertEqual(todos.map(\.line), [13, 14, 15, 16])
    }

    func testOpenTaskWithoutDate() {
        RuleAssert.one(RuleFixture.diagnostics(entry("- [ ] 提交定制方案 @王五")), "todo-without-date", at: (13, 7),
                       says: "a to-do without a date", hint: "start it with its due date: `- [ ] 2024-03-10 发送合同初稿 @owner`")
    }

    func testDoneTaskWithoutDate() {
        RuleAssert.only(RuleFixture.diagnostics(entry("- [x] 已发报价")), "todo-without-date", at: (13, 7))
    }

    func testTodoKeyWithoutDate() {
        RuleAssert.only(RuleFixture.diagnostics(entry("- todo: 尽快回电")), "todo-without-date", at: (13, 9))
    }

    func testChineseTodoKeyWithoutDate() {
        RuleAssert.only(RuleFixture.diagnostics(entry("- 待办：下周回访")), "todo-without-date", at: (13, 6))
    }

    func testEmptyTaskBox() {
        RuleAssert.only(RuleFixture.diagnostics(entry("- [ ]")), "todo-without-date", at: (13, 6))
    }

    func testToDoWithImpossibleDateIsAnInvalidDateNotAMissingOne() {
        RuleAssert.only(RuleFixture.diagnostics(entry("- [ ] 2024-02-30 提交方案")), "invalid-date", at: (13, 7))
    }

    func testTaskItemOutsideAnEntryIsFreeText() {
        let text = RuleFixture.customer(body: "\n## Follow-ups\n\n- [ ] 整理客户资料\n")
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }
}
