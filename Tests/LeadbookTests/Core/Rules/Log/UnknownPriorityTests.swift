import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-priority: a feedback entry's `- priority:` is high, medium or low (高, 中, 低).
final class UnknownPriorityTests: XCTestCase {
    func testPrioritiesAreClean() {
        let result = RuleFixture.read(RuleFixture.feedback(["- priority: 中"]))
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.feedback.first?.priority, .medium)
    }

    func testUnknownPriority() {
        RuleAssert.one(RuleFixture.diagnostics(RuleFixture.feedback(["- priority: urgent"])), "unknown-priority", at: (13, 13),
                       says: "unknown priority `urgent`", hint: "use one of: high (高), medium (中), low (低)")
    }

    /// What reps write for a priority (`紧急`, `一般`, `不急`) stays unknown, with the priority meant.
    func testCommonChineseSynonymsSuggestThePriority() {
        for (priority, word) in [(Priority.high, "紧急"), (.high, "很急"), (.medium, "一般"), (.medium, "普通"), (.low, "不急")] {
            let result = RuleFixture.read(RuleFixture.feedback(["- 优先级: \(word)"]))
            XCTAssertNil(result.customer?.feedback.first?.priority, word)
            guard let diagnostic = RuleAssert.only(result.findings.diagnostics, "unknown-priority", at: (13, 8), message: ["`\(word)`"]) else { continue }
            XCTAssertEqual(diagnostic.hint, "did you mean `\(priority.label)` (\(priority.rawValue))? use one of: high (高), medium (中), low (低)")
            XCTAssertEqual(diagnostic.hintPhrase.zh, "是不是想写 `\(priority.label)`（\(priority.rawValue)）？可选值：高（high）、中（medium）、低（low）")
        }
    }

    func testUnknownPriorityNearMiss() {
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.feedback(["- priority: hihg"])), "unknown-priority", at: (13, 13),
                        hint: ["did you mean `high`?"])
    }
}
