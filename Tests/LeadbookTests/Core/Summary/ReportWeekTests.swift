import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// ISO weeks of the weekly report: Monday to Sunday, numbered in the year of their Thursday,
/// and what `--week` accepts and says of what it does not.
final class ReportWeekTests: XCTestCase {
    func date(_ text: String) -> LocalDate { LocalDate(text)! }

    func testAWeekRunsFromMondayToSunday() {
        let week = ReportWeek(containing: date("2024-03-13"))
        XCTAssertEqual(week.description, "2024-W11")
        XCTAssertEqual(week.monday, date("2024-03-11"))
        XCTAssertEqual(week.sunday, date("2024-03-17"))
        XCTAssertEqual(week.start, LocalDateTime(date: date("2024-03-11"), minutes: 0))
        XCTAssertEqual(week.end, LocalDateTime(date: date("2024-03-17"), minutes: 23 * 60 + 59))
        // Sunday 23:59 is the week's last minute; Monday 00:00 the next week's first.
        XCTAssertTrue(week.contains(LocalDateTime("2024-03-17 23:59")!))
        XCTAssertFalse(week.contains(LocalDateTime("2024-03-18 00:00")!))
        XCTAssertEqual(ReportWeek(containing: date("2024-03-17")), week)
        XCTAssertEqual(ReportWeek(containing: date("2024-03-18")).description, "2024-W12")
        XCTAssertEqual(ReportWeek(containing: date("2024-03-10")).description, "2024-W10")
    }

    func testWeekOneCrossesTheYearEnd() {
        // 2025-01-01 is a Wednesday: its week began on 2024-12-30 and is 2025's first.
        XCTAssertEqual(ReportWeek(containing: date("2024-12-30")).description, "2025-W01")
        XCTAssertEqual(ReportWeek(containing: date("2024-12-29")).description, "2024-W52")
        XCTAssertEqual(ReportWeek(year: 2025, week: 1)?.monday, date("2024-12-30"))
        // 2021-01-01 is a Friday: it belongs to the last week of 2020, which had 53.
        XCTAssertEqual(ReportWeek(containing: date("2021-01-03")).description, "2020-W53")
        XCTAssertEqual(ReportWeek(containing: date("2021-01-04")).description, "2021-W01")
        XCTAssertEqual(ReportWeek.weeks(in: 2020), 53)
        XCTAssertEqual(ReportWeek.weeks(in: 2024), 52)
        // 2026 begins on a Thursday: 53 weeks.
        XCTAssertEqual(ReportWeek.weeks(in: 2026), 53)
        XCTAssertNil(ReportWeek(year: 2024, week: 53))
        XCTAssertEqual(ReportWeek(year: 2020, week: 53)?.sunday, date("2021-01-03"))
        XCTAssertEqual(ReportWeek(containing: date("2024-12-30")).previous.description, "2024-W52")
        XCTAssertEqual(ReportWeek(containing: date("2024-12-23")).next.description, "2025-W01")
    }

    func testEveryDayOfTwoYearsIsInTheWeekItsMondayStarts() {
        var day = date("2023-12-25")
        var previous = ReportWeek(containing: day)
        for _ in 0..<800 {
            let week = ReportWeek(containing: day)
            XCTAssertEqual(week.monday.weekday, 0)
            XCTAssertTrue(week.contains(day))
            XCTAssertEqual(ReportWeek(year: week.year, week: week.week), week, "\(day)")
            if day.weekday == 0, day != date("2023-12-25") {
                XCTAssertEqual(week, previous.next)
            }
            previous = week
            day = day.adding(days: 1)
        }
    }

    func testTheLastCompleteWeekIsTheOneBeforeToday() {
        XCTAssertEqual(ReportWeek.lastComplete(at: LocalDateTime("2024-03-18 00:00")!).description, "2024-W11")
        XCTAssertEqual(ReportWeek.lastComplete(at: LocalDateTime("2024-03-17 23:59")!).description, "2024-W10")
        XCTAssertEqual(ReportWeek.lastComplete(at: LocalDateTime("2025-01-02 09:00")!).description, "2024-W52")
    }

    func parsed(_ text: String) -> String {
        switch ReportWeek.parse(text) {
        case .success(let week): return week.description
        case .failure(let problem): return "error: " + problem.message
        }
    }

    func testWeeksAndDatesAreRead() {
        XCTAssertEqual(parsed("2024-W11"), "2024-W11")
        XCTAssertEqual(parsed("2024-w11"), "2024-W11")
        XCTAssertEqual(parsed(" 2025-W01 "), "2025-W01")
        XCTAssertEqual(parsed("2024-03-13"), "2024-W11")
        XCTAssertEqual(parsed("2024-12-31"), "2025-W01")
    }

    func testWhatIsNotAWeekSaysWhatToWrite() {
        XCTAssertEqual(parsed("2024W11"), "error: --week must be an ISO week like 2024-W11, not `2024W11`; did you mean 2024-W11?")
        XCTAssertEqual(parsed("2024-W5"), "error: --week must be an ISO week like 2024-W11, not `2024-W5`; did you mean 2024-W05?")
        XCTAssertEqual(parsed("2024-W53"), "error: `2024-W53` is not a week: 2024 has 52 ISO weeks, 2024-W01 to 2024-W52")
        XCTAssertEqual(parsed("2024-W00"), "error: `2024-W00` is not a week: 2024 has 52 ISO weeks, 2024-W01 to 2024-W52")
        XCTAssertEqual(parsed("2024-03"), "error: `2024-03` is a month; --week takes a week like 2024-W09 or a date like 2024-03-01")
        XCTAssertEqual(parsed("2024-02-30"), "error: --week: `2024-02-30` is not a date of the calendar")
        XCTAssertEqual(parsed("last week"), "error: --week must be a date like 2024-03-13 or an ISO week like 2024-W11, not `last week`")
        guard case .failure(let problem) = ReportWeek.parse("2024-W53") else { return XCTFail() }
        XCTAssertEqual(problem.phrase.zh, "没有 `2024-W53` 这一周：2024 年共有 52 个 ISO 周，从 2024-W01 到 2024-W52")
    }
}
