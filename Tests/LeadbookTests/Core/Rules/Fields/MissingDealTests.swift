import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// missing-deal: a won customer has a `deal` with its `amount` and `closed` date.
final class MissingDealTests: XCTestCase {
    func testWonWithADealIsClean() {
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(set: ["status: won"], adding: [
            "deal:", "  amount: 180000", "  closed: 2024-04-02",
        ])))
    }

    func testWonWithoutDeal() {
        let text = RuleFixture.customer(set: ["status: won"])
        RuleAssert.one(RuleFixture.diagnostics(text), "missing-deal", at: (7, 9), says: "status is won but there is no `deal`",
                       hint: "add `deal: {amount: 180000, closed: 2024-04-02}`")
    }

    func testChineseWonWithoutDeal() {
        let text = RuleFixture.customer(set: ["status: 成交"])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-deal", at: (7, 9))
    }

    func testDealWithoutClosedDate() {
        let text = RuleFixture.customer(set: ["status: won"], adding: ["deal: {amount: 180000}"])
        RuleAssert.one(RuleFixture.diagnostics(text), "missing-deal", at: (8, 7), says: "the deal has no `closed`",
                       hint: "add the date it was signed: `closed: 2024-04-02`")
    }

    func testDealWithoutAmount() {
        let text = RuleFixture.customer(set: ["status: won"], adding: ["deal:", "  closed: 2024-04-02"])
        RuleAssert.one(RuleFixture.diagnostics(text), "missing-deal", at: (9, 3), says: "the deal has no `amount`",
                       hint: "add the contract value in CNY: `amount: 180000`")
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
}
