import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// leadbook.yml `business_hours`, `holidays`, `workdays` and `record_within_hours`: read,
/// and every wrong value a diagnostic at its line and column, in both languages.
final class ConfigurationBusinessHoursTests: XCTestCase {
    func read(_ yaml: String) -> (Configuration, [Diagnostic]) {
        RuleFixture.configuration("language: zh-CN\n" + yaml)
    }

    func testNotSetMeansCalendarHours() {
        let (configuration, diagnostics) = read("timezone: \"+08:00\"\n")
        XCTAssertNil(configuration.businessHours)
        XCTAssertEqual(configuration.recordWithinHours, 24)
        XCTAssertEqual(diagnostics.count, 0)
    }

    func testBusinessHoursHolidaysAndWorkdaysAreRead() throws {
        let (configuration, diagnostics) = read("""
            holidays: [2024-10-01, 2024-10-02]
            business_hours:
              days: [mon, Tue, 周三, 星期四, friday]
              from: "08:30"
              to: "17:30"
            workdays:
              - 2024-09-29
            record_within_hours: 12

            """)
        XCTAssertEqual(diagnostics.count, 0, RuleFixture.describe(diagnostics))
        let hours = try XCTUnwrap(configuration.businessHours)
        XCTAssertEqual(hours.weekdays, [0, 1, 2, 3, 4])
        XCTAssertEqual(hours.from, 8 * 60 + 30)
        XCTAssertEqual(hours.to, 17 * 60 + 30)
        XCTAssertEqual(hours.holidays, [Grading.date("2024-10-01"), Grading.date("2024-10-02")])
        XCTAssertEqual(hours.workdays, [Grading.date("2024-09-29")])
        XCTAssertEqual(configuration.recordWithinHours, 12)
    }

    func testAnEmptyBusinessHoursIsTheDefaultWorkingWeek() throws {
        let (configuration, diagnostics) = read("business_hours: {to: \"24:00\"}\n")
        XCTAssertEqual(diagnostics.count, 0, RuleFixture.describe(diagnostics))
        let hours = try XCTUnwrap(configuration.businessHours)
        XCTAssertEqual(hours, { var h = BusinessHours(); h.to = 1440; return h }())
    }

    func testWrongValuesAreDiagnosedAtTheirPlace() {
        let cases: [(String, String, Int, Int, String, String)] = [
            ("business_hours: {days: [mon, xyz]}\n", "wrong-type", 2, 30,
             "`business_hours.days` lists weekdays such as mon or 周一, not `xyz`", "`business_hours.days` 要写星期几，例如 mon 或 周一，不能是 `xyz`"),
            ("business_hours: {days: []}\n", "missing-field", 2, 24, "`business_hours.days` lists no working day", "`business_hours.days` 没有列出任何工作日"),
            ("business_hours: {from: \"9点\"}\n", "wrong-type", 2, 24,
             "`business_hours.from` must be a time of day such as \"09:00\", not `9点`", "`business_hours.from` 必须是 \"09:00\" 这样的时刻，不能是 `9点`"),
            ("business_hours: {from: \"24:00\"}\n", "wrong-type", 2, 24,
             "`business_hours.from` must be a time of day such as \"09:00\", not `24:00`", "`business_hours.from` 必须是 \"09:00\" 这样的时刻，不能是 `24:00`"),
            ("business_hours: {to: \"18:60\"}\n", "wrong-type", 2, 22,
             "`business_hours.to` must be a time of day such as \"09:00\", not `18:60`", "`business_hours.to` 必须是 \"09:00\" 这样的时刻，不能是 `18:60`"),
            ("business_hours: {from: \"18:00\", to: \"09:00\"}\n", "out-of-range", 2, 24,
             "`business_hours.to` (09:00) must be after `business_hours.from` (18:00)", "`business_hours.to`（09:00）必须晚于 `business_hours.from`（18:00）"),
            ("business_hours: {days: [mon], hours: 8}\n", "unknown-field", 2, 31, "", ""),
            ("holidays: [2024-10-01]\n", "missing-field", 2, 1,
             "`holidays` counts only with `business_hours`, which leadbook.yml does not set", "`holidays` 只在设置了 `business_hours` 时才起作用，leadbook.yml 没有设置它"),
            ("business_hours: {}\nworkdays: [2024-02-30]\n", "invalid-date", 3, 12, "", ""),
            ("business_hours: {}\nholidays: 2024-10-01\n", "wrong-type", 3, 11, "", ""),
            ("record_within_hours: -1\n", "out-of-range", 2, 22, "", ""),
        ]
        for (yaml, rule, line, column, en, zh) in cases {
            let (_, diagnostics) = read(yaml)
            let found = diagnostics.first { $0.rule.id == rule }
            XCTAssertEqual(found?.line, line, "\(yaml): \(RuleFixture.describe(diagnostics))")
            XCTAssertEqual(found?.column, column, "\(yaml): \(RuleFixture.describe(diagnostics))")
            if !en.isEmpty {
                XCTAssertEqual(found?.message, en)
                XCTAssertEqual(found?.phrase.zh, zh)
                XCTAssertFalse(found?.hintPhrase.zh.isEmpty ?? true)
            }
        }
    }

    func testAWrongWorkingDayKeepsTheDefaults() throws {
        let (configuration, _) = read("business_hours: {from: \"18:00\", to: \"09:00\"}\n")
        XCTAssertEqual(configuration.businessHours?.from, 9 * 60)
        XCTAssertEqual(configuration.businessHours?.to, 18 * 60)
        XCTAssertNil(read("holidays: [2024-10-01]\n").0.businessHours, "holidays alone do not switch working hours on")
    }
}
