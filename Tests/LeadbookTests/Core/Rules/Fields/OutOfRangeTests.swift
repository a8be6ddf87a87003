import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// out-of-range: score parts within their maxima, amounts and counts not negative, whole
/// numbers within Int64.
final class OutOfRangeTests: XCTestCase {
    func testValuesAtTheirLimitsAreClean() {
        let text = RuleFixture.customer(adding: [
            "score: {size: 30, budget: 30, urgency: 20, decision: 0}",
            "grade: S",
            "employees: 9223372036854775807",
            "budget: 0",
            "revenue: 999999999999999",
        ])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.employees, Int.max)
        XCTAssertEqual(result.customer?.score?.total, 80)
    }

    func testScoreSizeAboveItsMaximum() {
        let text = RuleFixture.customer(adding: ["score: {size: 31, budget: 25, urgency: 20, decision: 20}"])
        RuleAssert.one(RuleFixture.diagnostics(text), "out-of-range", at: (8, 15), says: "`score.size` is 31; it must be between 0 and 30",
                       hint: "use a number from 0 to 30")
    }

    func testScoreMaximumComesFromTheConfiguration() {
        var configuration = Configuration()
        configuration.scoring.maxUrgency = 10
        let text = RuleFixture.customer(adding: ["score:", "  urgency: 15"])
        RuleAssert.only(RuleFixture.diagnostics(text, configuration: configuration), "out-of-range", at: (9, 12),
                        message: ["`score.urgency` is 15", "between 0 and 10"])
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }

    func testNegativeScorePart() {
        let text = RuleFixture.customer(adding: ["score: {decision: -5}"])
        RuleAssert.only(RuleFixture.diagnostics(text), "out-of-range", at: (8, 19), message: ["`score.decision` is -5"])
    }

    func testNegativeBudget() {
        let text = RuleFixture.customer(adding: ["budget: -200000"])
        RuleAssert.one(RuleFixture.diagnostics(text), "out-of-range", at: (8, 9), says: "`budget` is negative", hint: "amounts are 0 or more")
    }

    func testNegativeDealAmount() {
        let text = RuleFixture.customer(set: ["status: won"], adding: ["deal: {amount: -1, closed: 2024-04-02}"])
        RuleAssert.only(RuleFixture.diagnostics(text), "out-of-range", at: (8, 16), message: ["`deal.amount` is negative"])
    }

    func testNegativeEmployees() {
        let text = RuleFixture.customer(adding: ["employees: -3"])
        RuleAssert.only(RuleFixture.diagnostics(text), "out-of-range", at: (8, 12), message: ["`employees` is -3", "0 or more"])
    }

    func testWholeNumberPastInt64() {
        let text = RuleFixture.customer(adding: ["employees: 9223372036854775808"])
        RuleAssert.one(RuleFixture.diagnostics(text), "out-of-range", at: (8, 12), says: "`employees` is too large: `9223372036854775808`",
                       hint: "the largest whole number is \(Int.max)")
    }

    func testWholeNumberBelowInt64IsTooSmall() {
        let text = RuleFixture.customer(adding: ["employees: -9223372036854775809"])
        RuleAssert.one(RuleFixture.diagnostics(text), "out-of-range", at: (8, 12), says: "`employees` is too small: `-9223372036854775809`",
                       hint: "use a number of 0 or more")
    }

    func testScorePartFarPastInt64() {
        let text = RuleFixture.customer(adding: ["score: {size: 100000000000000000000}"])
        RuleAssert.only(RuleFixture.diagnostics(text), "out-of-range", at: (8, 15), message: ["too large"])
    }

    func testNumbersTooLargeForAnAmountAreOutOfRange() {
        RuleAssert.one(RuleFixture.diagnostics(RuleFixture.customer(adding: ["budget: 100000000000000000000"])), "out-of-range", at: (8, 9),
                       says: "`budget` is too large: `100000000000000000000`", hint: "amounts are at most 15 digits before the decimal point")
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(adding: ["budget: 1234567890123456789"])), "out-of-range", at: (8, 9))
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(adding: ["employees: -99999999999999999999"])), "out-of-range", at: (8, 12))
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(adding: ["budget: 999999999999999.99"])))
    }

    // MARK: leadbook.yml

    func testGradeThresholdsFallFromSToB() {
        RuleAssert.clean(RuleFixture.configuration("scoring:\n  grades: {S: 90, A: 70, B: 50}\n").1)
        let (_, diagnostics) = RuleFixture.configuration("scoring:\n  grades: {S: 60, A: 80, B: 40}\n")
        RuleAssert.one(diagnostics, "out-of-range", at: (2, 11), says: "grade thresholds must fall from S to B (S 60, A 80, B 40)",
                       hint: "use thresholds like {S: 80, A: 60, B: 40}", path: "leadbook.yml")
    }

    func testAMinimumOfLeadbookYml() {
        let (_, diagnostics) = RuleFixture.configuration("index_days: 0\n")
        RuleAssert.one(diagnostics, "out-of-range", at: (1, 13), says: "`index_days` is 0; it must be between 1 and 3650", hint: "use a number from 1 to 3650")
    }
}
