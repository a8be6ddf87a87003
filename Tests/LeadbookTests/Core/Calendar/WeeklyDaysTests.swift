import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// `plan[].due` as weekdays: `每周一`, `every Monday`, and the day they come back on.
final class WeeklyDaysTests: XCTestCase {
    func testChineseSpellings() {
        XCTAssertEqual(WeeklyDays("每周一")?.days, [0])
        XCTAssertEqual(WeeklyDays("周五")?.days, [4])
        XCTAssertEqual(WeeklyDays("每个星期三")?.days, [2])
        XCTAssertEqual(WeeklyDays("礼拜天")?.days, [6])
        XCTAssertEqual(WeeklyDays("星期日")?.days, [6])
        XCTAssertEqual(WeeklyDays("每周一、四")?.days, [0, 3])
        XCTAssertEqual(WeeklyDays("每周二和周五")?.days, [1, 4])
    }

    func testEnglishSpellingsWithoutCase() {
        XCTAssertEqual(WeeklyDays("every Monday")?.days, [0])
        XCTAssertEqual(WeeklyDays("weekly on friday")?.days, [4])
        XCTAssertEqual(WeeklyDays("Mondays and Thursdays")?.days, [0, 3])
        XCTAssertEqual(WeeklyDays("mon, thu")?.days, [0, 3])
        XCTAssertEqual(WeeklyDays("  Each TUESDAY ")?.days, [1])
        XCTAssertEqual(WeeklyDays("Sunday")?.days, [6])
    }

    func testTextsThatNameNoDay() {
        for text in ["", "每天", "下周", "月底", "每周", "every day", "周一至周五", "monday morning", "每周八", "daily"] {
            XCTAssertNil(WeeklyDays(text), text)
        }
    }

    /// 2024-03-04 is a Monday.
    func testTheDayItComesBackOnAcrossAWeekBoundary() {
        let monday = WeeklyDays("每周一")!
        XCTAssertEqual(monday.latest(onOrBefore: Grading.date("2024-03-04")), Grading.date("2024-03-04"))
        XCTAssertEqual(monday.latest(onOrBefore: Grading.date("2024-03-10")), Grading.date("2024-03-04"))
        XCTAssertEqual(monday.latest(onOrBefore: Grading.date("2024-03-03")), Grading.date("2024-02-26"))
        XCTAssertEqual(monday.first(after: Grading.date("2024-03-04")), Grading.date("2024-03-11"))
        XCTAssertEqual(monday.first(after: Grading.date("2024-03-10")), Grading.date("2024-03-11"))
        let twice = WeeklyDays("every Monday and Thursday")!
        XCTAssertEqual(twice.first(after: Grading.date("2024-03-04")), Grading.date("2024-03-07"))
        XCTAssertEqual(twice.latest(onOrBefore: Grading.date("2024-03-10")), Grading.date("2024-03-07"))
    }

    func testPhraseInBothLanguages() {
        XCTAssertEqual(WeeklyDays("每周一、四")?.phrase, Phrase("every Monday and Thursday", "每周一、周四"))
        XCTAssertEqual(WeeklyDays("fri")?.phrase, Phrase("every Friday", "每周五"))
    }
}
