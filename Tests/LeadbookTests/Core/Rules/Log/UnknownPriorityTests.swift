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

    func testUnknownPriorityNearMiss() {
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.feedback(["- priority: hihg"])), "unknown-priority", at: (13, 13),
                        hint: ["did you mean `high`?"])
    }
}
