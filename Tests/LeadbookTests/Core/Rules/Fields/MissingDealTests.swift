import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// missing-deal and missing-lost-reason: a won customer has a deal with amount and closed;
/// a lost one has a lost_reason.
final class MissingDealTests: XCTestCase {
    func testWonWithADealAndLostWithAReasonAreClean() {
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(set: ["status: won"], adding: [
            "deal:", "  amount: 180000", "  closed: 2024-04-02",
        ])))
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(set: ["status: lost"], adding: ["lost_reason: 预算削减"])))
    }

    // MARK: missing-deal

    func testWonWithoutDeal() {
        let text = RuleFixture.customer(set: ["status: won"])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-deal", at: (7, 9),
                        message: ["status is won but there is no `deal`"], hint: ["deal: {amount: 180000, closed: 2024-04-02}"])
    }

    func testChineseWonWithoutDeal() {
        let text = RuleFixture.customer(set: ["status: 成交"])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-deal", at: (7, 9))
    }

    func testDealWithoutClosedDate() {
        let text = RuleFixture.customer(set: ["status: won"], adding: ["deal: {amount: 180000}"])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-deal", at: (8, 7),
                        message: ["the deal has no `closed`"], hint: ["closed: 2024-04-02"])
    }

    func testDealWithoutAmount() {
        let text = RuleFixture.customer(set: ["status: won"], adding: ["deal:", "  closed: 2024-04-02"])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-deal", at: (9, 3),
                        message: ["the deal has no `amount`"], hint: ["amount: 180000"])
    }

    func testEmptyDealMissesBothParts() {
        let text = RuleFixture.customer(set: ["status: won"], adding: ["deal:"])
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.rules(diagnostics, [("missing-deal", 8, 1), ("missing-deal", 8, 1)])
        XCTAssertEqual(diagnostics.map(\.message), ["the deal has no `amount`", "the deal has no `closed`"])
    }

    func testDealIsNotRequiredBeforeWon() {
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(set: ["status: negotiation"])))
    }

    // MARK: missing-lost-reason

    func testLostWithoutReason() {
        let text = RuleFixture.customer(set: ["status: lost"])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-lost-reason", at: (7, 9),
                        message: ["status is lost but there is no `lost_reason`"], hint: ["lost_reason: 预算削减"])
    }

    func testChineseLostWithEmptyReason() {
        let text = RuleFixture.customer(set: ["status: 流失"], adding: ["lost_reason:"])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-lost-reason", at: (7, 9))
    }
}
