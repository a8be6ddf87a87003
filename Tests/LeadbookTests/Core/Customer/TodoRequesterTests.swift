import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// A to-do names who does it (`@name`) and who asked for it (`^name`), in either order, in
/// ASCII or full-width marks; without them the text is as before.
final class TodoRequesterTests: XCTestCase {
    func todo(_ line: String) -> Todo? {
        let text = RuleFixture.followUp("2024-03-05 phone 张伟", [line])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        return result.customer?.followUps.first?.todos.first
    }

    func testOwnerAndRequester() {
        for line in ["- [ ] 2024-03-08 审核合同条款 @法务部 ^赵六", "- [ ] 2024-03-08 审核合同条款 ^赵六 @法务部",
                     "- [ ] 2024-03-08 审核合同条款 ＠法务部 ＾赵六", "- todo: 2024-03-08 审核合同条款 @法务部 ^赵六"] {
            let todo = self.todo(line)
            XCTAssertEqual(todo?.text, "审核合同条款", line)
            XCTAssertEqual(todo?.owner, "法务部", line)
            XCTAssertEqual(todo?.requester, "赵六", line)
        }
    }

    func testWithoutMarksNothingChanges() {
        XCTAssertEqual(todo("- [ ] 2024-03-08 发送案例 @王五")?.requester, nil)
        XCTAssertEqual(todo("- [ ] 2024-03-08 发送案例 @王五")?.owner, "王五")
        let plain = todo("- [ ] 2024-03-08 算 2^10 的报价")
        XCTAssertEqual(plain?.text, "算 2^10 的报价", "a ^ inside a word is text")
        XCTAssertNil(plain?.requester)
        // Only one of each: a second `^name` stays in the text, and `extra-todo-name` says so.
        let read = RuleFixture.read(RuleFixture.followUp("2024-03-05 phone 张伟", ["- [ ] 2024-03-08 审核 ^钱七 ^赵六"]))
        XCTAssertEqual(read.findings.diagnostics.map(\.rule.id), ["extra-todo-name"])
        let twice = read.customer?.followUps.first?.todos.first
        XCTAssertEqual(twice?.requester, "赵六")
        XCTAssertEqual(twice?.text, "审核 ^钱七")
    }

    func testTheTaskLineWritesBoth() {
        let todo = Todo(date: LocalDate("2024-03-08"), text: "审核合同条款", owner: "法务部", done: false, line: 0, requester: "赵六")
        XCTAssertEqual(todo.taskLine, "- [ ] 2024-03-08 审核合同条款 @法务部 ^赵六")
        XCTAssertEqual(self.todo(todo.taskLine), todo.withLine(self.todo(todo.taskLine)?.line ?? 0))
    }
}

extension Todo {
    func withLine(_ line: Int) -> Todo {
        var copy = self
        copy.line = line
        return copy
    }
}
