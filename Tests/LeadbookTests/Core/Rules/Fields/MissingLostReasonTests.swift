import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// missing-lost-reason: a lost customer says why in `lost_reason` (the summary ranks them).
final class MissingLostReasonTests: XCTestCase {
    func testLostWithAReasonIsClean() {
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(set: ["status: lost"], adding: ["lost_reason: 预算削减"])))
    }

    func testLostWithoutReason() {
        let text = RuleFixture.customer(set: ["status: lost"])
        RuleAssert.one(RuleFixture.diagnostics(text), "missing-lost-reason", at: (7, 9), says: "status is lost but there is no `lost_reason`",
                       hint: "add `lost_reason:` with why, for example `lost_reason: 预算削减`")
    }

    func testChineseLostWithEmptyReason() {
        let text = RuleFixture.customer(set: ["status: 流失"], adding: ["lost_reason:"])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-lost-reason", at: (7, 9))
    }
}
