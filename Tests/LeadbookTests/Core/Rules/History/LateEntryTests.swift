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
    }

    /// A file new to git (a first commit, files moved into git, an import) is a record brought
    /// in: none of its entries is a contact recorded late.
    func testAFileNewToGitIsBroughtInNotRecordedLate() {
        XCTAssertEqual(check(adding("2024-03-04 10:00 phone 张伟"), old: nil, now: "2026-01-01 00:00"), [])
        XCTAssertEqual(LateEntry.check([LateEntry.Change(path: RuleFixture.path, old: nil, new: Array(adding("2024-03-04 phone 张伟").utf8)),
                                        LateEntry.Change(path: "customers/LX2024002-boya.md", old: nil, new: Array(old.utf8))],
                                       now: Grading.moment("2026-01-01 00:00"), policy: TimePolicy(Configuration())), [])
    }

    /// `leadbook merge A B` moves B's committed entries into A: found at HEAD in B, they are
    /// not new; an entry appended to A in the same commit still is.
    func testEntriesMovedFromAnotherFileOfTheCommitAreNotNew() {
        let other = RuleFixture.head.replacingOccurrences(of: "LX2024001", with: "LX2024002") + """

        ## Follow-ups

        ### 2024-02-20 phone 李娜
        - need: 报价

        ### 2024-02-21 14:00 wechat 李娜
        - feedback: 价格偏高

        """
        let tombstone = "---\nid: LX2024002\nmerged_into: LX2024001\n---\n"
        let merged = old + "\n### 2024-02-20 phone 李娜\n- need: 报价\n\n### 2024-02-21 14:00 wechat 李娜\n- feedback: 价格偏高\n"
        func run(_ keep: String, otherNew: String?) -> [Diagnostic] {
            LateEntry.check([LateEntry.Change(path: RuleFixture.path, old: Array(old.utf8), new: Array(keep.utf8)),
                             LateEntry.Change(path: "customers/LX2024002-boya.md", old: Array(other.utf8), new: otherNew.map { Array($0.utf8) })],
                            now: Grading.moment("2026-01-01 00:00"), policy: TimePolicy(Configuration()))
        }
        XCTAssertEqual(run(merged, otherNew: tombstone), [])
        XCTAssertEqual(run(merged, otherNew: nil), [], "the other file deleted")
        // Without the other file in the commit, the same entries are appended to this one.
        XCTAssertEqual(check(merged, old: old, now: "2026-01-01 00:00").count, 2)
        // A contact appended besides is recorded now.
        let found = run(merged + "\n### 2024-03-04 10:00 phone 张伟\n- need: 报价\n", otherNew: tombstone)
        XCTAssertEqual(found.map(\.message), ["follow-up `### 2024-03-04 10:00 phone 张伟` is committed more than 24 h after the contact; the toolkit asks for every contact to be recorded within 24 h"])
        XCTAssertEqual(found.map(\.file), [RuleFixture.path])
    }

    /// An old entry corrected in place (its heading edited, or its heading and lines on the
    /// same date) is `log-rewritten`'s business, not a contact recorded late.
    func testAnEntryCorrectedInPlaceIsNotNew() {
        let heading = old.replacingOccurrences(of: "### 2024-03-01 10:30 meeting 张伟", with: "### 2024-03-01 10:30 visit 张伟")
        XCTAssertEqual(check(heading, old: old, now: "2026-01-01 00:00"), [], "the same lines under it")
        let both = heading.replacingOccurrences(of: "- need: 数据备份", with: "- need: 数据备份和恢复")
        XCTAssertEqual(check(both, old: old, now: "2026-01-01 00:00"), [], "the same date in the same file")
        let date = old.replacingOccurrences(of: "### 2024-03-01 10:30 meeting 张伟", with: "### 2024-03-02 10:30 meeting 张伟")
        XCTAssertEqual(check(date, old: old, now: "2026-01-01 00:00"), [], "the date corrected, the same lines under it")
        // Corrected and a new entry appended: only the new one is recorded now.
        XCTAssertEqual(check(both + "\n### 2024-03-04 10:00 phone 张伟\n- need: 报价\n", old: old, now: "2026-01-01 00:00").map(\.line), [15])
        // A second entry with the heading of an old one is new all the same.
        XCTAssertEqual(check(old + "\n### 2024-03-01 10:30 meeting 张伟\n- need: 报价\n", old: old, now: "2026-01-01 00:00").map(\.line), [15])
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
