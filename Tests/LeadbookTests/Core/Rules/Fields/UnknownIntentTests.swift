import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-intent: a lead's `intent` is A, B or C (A级, B级, C级).
final class UnknownIntentTests: XCTestCase {
    func testIntentsAndTheirChineseLabelsAreClean() {
        let result = RuleFixture.read(RuleFixture.customer(set: ["intent: B级"]))
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.intent, .B)
    }

    func testUnknownIntent() {
        let text = RuleFixture.customer(set: ["intent: 高"])
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-intent", at: (5, 9), says: "unknown intent `高`",
                       hint: "did you mean `A`? use one of: A (A级), B (B级), C (C级)")
    }

    func testLowerCaseIntentIsNotAnIntent() {
        let text = RuleFixture.customer(set: ["intent: a"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-intent", at: (5, 9), hint: ["did you mean `A`?"])
    }
}
