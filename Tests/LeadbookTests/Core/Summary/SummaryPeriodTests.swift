import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `--period 2024-03`, `--period 2024-Q1`, `--from` and `--to`.
final class SummaryPeriodTests: XCTestCase {
    func date(_ text: String) -> LocalDate { LocalDate(text)! }

    func testAMonthAndAQuarter() {
        let march = SummaryPeriod.named("2024-03")!
        XCTAssertEqual(march.from, date("2024-03-01"))
        XCTAssertEqual(march.to, date("2024-03-31"))
        XCTAssertEqual(march.name, "2024-03")
        XCTAssertEqual(SummaryPeriod.named("2024-02")!.to, date("2024-02-29"))
        XCTAssertEqual(SummaryPeriod.named("2023-02")!.to, date("2023-02-28"))
        let q1 = SummaryPeriod.named("2024-Q1")!
        XCTAssertEqual(q1.from, date("2024-01-01"))
        XCTAssertEqual(q1.to, date("2024-03-31"))
        XCTAssertEqual(SummaryPeriod.named("2024-q4")!.from, date("2024-10-01"))
        XCTAssertEqual(SummaryPeriod.named("2024-q4")!.to, date("2024-12-31"))
        XCTAssertEqual(SummaryPeriod.named("2024-q4")!.name, "2024-Q4")
        for bad in ["2024-13", "2024-00", "2024-Q5", "2024-Q0", "2024-3", "24-03", "2024/03", "2024-03-01", ""] {
            XCTAssertNil(SummaryPeriod.named(bad), bad)
        }
    }

    func testBothEndsAreIncluded() {
        let march = SummaryPeriod.named("2024-03")!
        XCTAssertFalse(march.contains(date("2024-02-29")))
        XCTAssertTrue(march.contains(date("2024-03-01")))
        XCTAssertTrue(march.contains(date("2024-03-31")))
        XCTAssertFalse(march.contains(date("2024-04-01")))
        XCTAssertTrue(SummaryPeriod.all.contains(date("1999-01-01")))
        XCTAssertTrue(SummaryPeriod.all.isAll)
    }

    func testFromAndTo() throws {
        let both = try SummaryPeriod.from(period: nil, from: "2024-03-05", to: "2024-03-20").get()
        XCTAssertEqual(both, SummaryPeriod(from: date("2024-03-05"), to: date("2024-03-20")))
        XCTAssertEqual(both.text, "2024-03-05 .. 2024-03-20")
        let open = try SummaryPeriod.from(period: nil, from: "2024-03-05", to: nil).get()
        XCTAssertNil(open.to)
        XCTAssertTrue(open.contains(date("2030-01-01")))
        XCTAssertEqual(try SummaryPeriod.from(period: nil, from: nil, to: nil).get(), .all)
        XCTAssertEqual(try SummaryPeriod.from(period: "2024-Q2", from: nil, to: nil).get().name, "2024-Q2")
        let sameDay = try SummaryPeriod.from(period: nil, from: "2024-03-05", to: "2024-03-05").get()
        XCTAssertTrue(sameDay.contains(date("2024-03-05")))
    }

    func testBadPeriodsAreUsageErrors() {
        func message(_ period: String?, _ from: String?, _ to: String?) -> String? {
            if case .failure(let error) = SummaryPeriod.from(period: period, from: from, to: to) { return error.message }
            return nil
        }
        XCTAssertEqual(message(nil, "2024-03-20", "2024-03-05"), "--to (2024-03-05) is before --from (2024-03-20)")
        XCTAssertEqual(message(nil, "2024-02-30", nil), "--from must be a date like 2024-03-01, not `2024-02-30`")
        XCTAssertEqual(message(nil, nil, "March"), "--to must be a date like 2024-03-31, not `March`")
        XCTAssertEqual(message("2024-03", "2024-03-01", nil), "--period cannot be combined with --from or --to")
        XCTAssertEqual(message("Q1", nil, nil), "--period must be a month like 2024-03 or a quarter like 2024-Q1, not `Q1`")
    }

    func testMonths() {
        let march = YearMonth(year: 2024, month: 3)!
        XCTAssertEqual(march.adding(months: -3).description, "2023-12")
        XCTAssertEqual(march.adding(months: 10).description, "2025-01")
        XCTAssertEqual(march.lastDay, date("2024-03-31"))
        XCTAssertEqual(YearMonth(date("2024-02-10")).lastDay, date("2024-02-29"))
        XCTAssertNil(YearMonth(year: 2024, month: 13))
    }

    func testTheTeamCheckLooksAtThreeWholeMonths() {
        let asOf = LocalDateTime("2024-06-15 12:00")!
        XCTAssertEqual(PipelineSummary.teamMonths(period: .all, asOf: asOf).map(\.description), ["2024-03", "2024-04", "2024-05"])
        XCTAssertEqual(PipelineSummary.teamMonths(period: SummaryPeriod.named("2024-Q1")!, asOf: asOf).map(\.description),
                       ["2024-01", "2024-02", "2024-03"])
        XCTAssertEqual(PipelineSummary.teamMonths(period: SummaryPeriod.named("2024-01")!, asOf: asOf).map(\.description),
                       ["2023-11", "2023-12", "2024-01"])
        XCTAssertEqual(PipelineSummary.teamMonths(period: SummaryPeriod(from: LocalDate("2024-01-01"), to: nil), asOf: asOf).map(\.description),
                       ["2024-03", "2024-04", "2024-05"])
    }
}
