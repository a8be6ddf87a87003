import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-handling: a feedback entry's `- handling:` is fix, negotiate or decline.
final class UnknownHandlingTests: XCTestCase {
    func testHandlingsAreClean() {
        let result = RuleFixture.read(RuleFixture.feedback(["- handling: 协商解决"]))
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.feedback.first?.handling, .negotiate)
    }

    func testUnknownHandling() {
        RuleAssert.one(RuleFixture.diagnostics(RuleFixture.feedback(["- handling: ignore"])), "unknown-handling", at: (13, 13),
                       says: "unknown handling `ignore`", hint: "use one of: fix (立即解决), negotiate (协商解决), decline (无法解决)")
    }
}
