import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// Money totals are exact at any size: 93 budgets of 999,999,999,999,999.99 overflow a 64-bit
/// count of fen (they crashed `summary`).
final class MoneyTotalTests: XCTestCase {
    static let largestAmount = 99_999_999_999_999_999  // 999,999,999,999,999.99 in fen

    func testNinetyThreeLargestBudgetsAddUpExactly() {
        var total = MoneyTotal()
        for _ in 0..<93 { total += Self.largestAmount }
        XCTAssertNil(total.fen, "the sum does not fit in Int")
        XCTAssertEqual(total.digits, "9299999999999999907")
        XCTAssertEqual(SummaryText.money(total), "92,999,999,999,999,999.07")
        guard case .double(let yuan) = SummaryJSON.money(total) else { return XCTFail("a number with decimals") }
        XCTAssertEqual(yuan, 9.3e16, accuracy: 100)
    }

    func testSmallTotalsReadAsBefore() {
        var total = MoneyTotal()
        total += 19_800_000
        total += 15_000_050
        XCTAssertEqual(total, 34_800_050)
        XCTAssertEqual(total.fen, 34_800_050)
        XCTAssertEqual(SummaryText.money(total), "348,000.50")
        XCTAssertEqual(SummaryJSON.money(total), .double(348000.5))
        XCTAssertEqual(SummaryText.money(MoneyTotal(7)), "0.07")
        XCTAssertEqual(SummaryText.money(MoneyTotal()), "0")
        XCTAssertEqual(SummaryText.money(cents: -15_000_050), "-150,000.50")
    }

    func testAveragesAreRoundedHalfUpAtAnySize() {
        var total = MoneyTotal()
        for _ in 0..<93 { total += Self.largestAmount }
        XCTAssertEqual(total.dividedRounded(by: 93), MoneyTotal(Self.largestAmount))
        XCTAssertEqual(MoneyTotal(105_000_050).dividedRounded(by: 3), 35_000_017)
        XCTAssertEqual(MoneyTotal(5).dividedRounded(by: 2), 3)
        XCTAssertEqual(MoneyTotal(4).dividedRounded(by: 3), 1)
        XCTAssertNil(MoneyTotal(4).dividedRounded(by: 0))
        XCTAssertEqual(SummaryText.averageMoney(MoneyTotal(34_800_050).dividedRounded(by: 2)), "174,000.25")
        XCTAssertEqual(SummaryText.averageMoney(nil as MoneyTotal?), "-")
    }

    func testTheSummaryOfNinetyThreeLargestBudgets() {
        let records = (1...93).map { number -> SummaryRecord in
            var record = SummaryRecord(id: "LX2024\(LocalDate.pad(number, 3))", name: "客户\(number)",
                                       created: LocalDateTime("2024-03-01 09:00")!, status: .qualified)
            record.budgetCents = SummaryRecord.cents(999_999_999_999_999.99)
            return record
        }
        var row = PipelineSummary.StatusCounts(key: .none)
        for record in records { PipelineSummary.count(record, into: &row) }
        XCTAssertEqual(row.open, 93)
        XCTAssertNil(row.openValueCents.fen)
        XCTAssertTrue(SummaryText.money(row.openValueCents).hasPrefix("9"), SummaryText.money(row.openValueCents))
    }
}
