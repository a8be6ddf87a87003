import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// `late-entry`: `check --staged` warns on an entry the commit adds that is dated more than
/// `record_within_hours` before the commit; entries already in HEAD are never warned about.
final class LateEntryTests: XCTestCase {
    /// Lines 1 to 8 are the front matter; line 10 `## Follow-ups`, line 12 the first entry.
    let old = RuleFixture.head + """

    ## Follow-ups

    ### 2024-03-01 10:30 meeting 张伟
    - need: 数据备份

    """

    func check(_ new: String, old: String? = nil, now: String, hours: Int = 24) -> [Diagnostic] {
        var configuration = Configuration()
        configuration.recordWithinHours = hours
        return LateEntry.check(old: old.map { Array($0.utf8) }, new: Array(new.utf8), path: RuleFixture.path,
                               now: Grading.moment(now), policy: TimePolicy(configuration))
    }

    func adding(_ heading: String) -> String { old + "\n### \(heading)\n- need: 报价\n" }

    func testAnEntryAddedWithin24HoursIsFine() {
        XCTAssertEqual(check(adding("2024-03-04 10:00 phone 张伟"), old: old, now: "2024-03-05 10:00"), [], "exactly 24 hours")
    }

    func testAnEntryAddedOneMinuteLaterIsLate() throws {
        let found = check(adding("2024-03-04 10:00 phone 张伟"), old: old, now: "2024-03-05 10:01")
        XCTAssertEqual(found.count, 1, RuleFixture.describe(found))
        let diagnostic = try XCTUnwrap(found.first)
        XCTAssertEqual(diagnostic.rule.id, "late-entry")
        XCTAssertEqual(diagnostic.severity, .warning)
        XCTAssertEqual(diagnostic.line, 15)
        XCTAssertEqual(diagnostic.column, 1)
        XCTAssertEqual(diagnostic.message, "follow-up `### 2024-03-04 10:00 phone 张伟` is committed more than 24 h after the contact; the toolkit asks for every contact to be recorded within 24 h")
        XCTAssertEqual(diagnostic.phrase.zh, "跟进条目 `### 2024-03-04 10:00 phone 张伟` 在联系后超过 24 小时才提交；工具包要求每次联系 24 小时内录入")
    }

    func testEntriesAlreadyInHeadAreNotWarnedAbout() {
        XCTAssertEqual(check(old, old: old, now: "2026-01-01 00:00"), [])
        // The same file added (no HEAD version): its entry is new.
        XCTAssertEqual(check(old, old: nil, now: "2026-01-01 00:00").map(\.rule.id), ["late-entry"])
    }

    func testADateOnlyEntryCountsFromTheEndOfItsDay() {
        XCTAssertEqual(check(adding("2024-03-04 phone 张伟"), old: old, now: "2024-03-05 23:59"), [])
        XCTAssertEqual(check(adding("2024-03-04 phone 张伟"), old: old, now: "2024-03-06 00:00").count, 1)
    }

    func testFeedbackEntriesCountToo() {
        let new = old + "\n## Feedback\n\n### 2024-03-01 meeting 方案缺少数据备份功能\n- type: product\n"
        let found = check(new, old: old, now: "2024-03-10 09:00")
        XCTAssertEqual(found.map(\.line), [17])
        XCTAssertTrue(found.first?.message.hasPrefix("feedback `### 2024-03-01 meeting 方案缺少数据备份功能` is committed more than 24 h") ?? false,
                      RuleFixture.describe(found))
    }

    func testTheRuleIsOffAtZeroAndFollowsTheSetting() {
        XCTAssertEqual(check(adding("2024-03-04 10:00 phone 张伟"), old: old, now: "2026-01-01 00:00", hours: 0), [])
        XCTAssertEqual(check(adding("2024-03-04 10:00 phone 张伟"), old: old, now: "2024-03-04 22:01", hours: 12).count, 1)
        XCTAssertEqual(check(adding("2024-03-04 10:00 phone 张伟"), old: old, now: "2024-03-04 22:00", hours: 12), [])
    }
}
