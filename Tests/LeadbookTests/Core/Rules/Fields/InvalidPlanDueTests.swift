import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// invalid-plan-due: a plan step's `due` is a date or the weekdays it comes back on.
final class InvalidPlanDueTests: XCTestCase {
    func testWeekdaysInBothLanguagesAreClean() {
        for text in ["每周一", "周五", "每周一、四", "every Monday", "weekly on friday", "Mondays and Thursdays"] {
            let result = RuleFixture.read(RuleFixture.customer(adding: ["plan:", "  - stage: nurture", "    due: \(text)"]))
            RuleAssert.clean(result.findings.diagnostics)
            XCTAssertNotNil(result.customer?.plan.first?.weekly, text)
            XCTAssertEqual(result.customer?.plan.first?.dueText, text)
        }
    }

    func testATextThatIsNoDayIsAnError() {
        let text = RuleFixture.customer(adding: ["plan:", "  - stage: nurture", "    due: 下周"])
        let result = RuleFixture.read(text)
        RuleAssert.one(result.findings.diagnostics, "invalid-plan-due", at: (10, 10), says: "`plan.due`: `下周` is neither a date nor a weekday",
                       hint: "write a date (`due: 2024-03-20`) or the weekday it recurs on (`due: 每周一`, `due: every Monday`, `due: 每周一、四`)")
        XCTAssertEqual(result.findings.diagnostics.first?.phrase.zh, "`plan.due`：`下周` 既不是日期也不是星期几")
        XCTAssertNil(result.customer?.plan.first?.weekly)
    }

    /// The quick reader of common files declines such a file, so the full reader reports it in `check`.
    func testCheckReportsItWithoutTheTree() {
        let text = RuleFixture.customer(adding: ["plan:", "  - {stage: nurture, due: 每天}"])
        let result = CustomerReader.read(path: RuleFixture.path, bytes: Array(text.utf8), configuration: Configuration(), tree: false)
        XCTAssertEqual(result.findings.diagnostics.map(\.rule.id), ["invalid-plan-due"])
    }
}
