import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// bad-entry-heading: `### DATE [HH:MM] CHANNEL [counterpart]` in Follow-ups and
/// `### DATE CHANNEL SUMMARY` in Feedback. Headings outside those sections are free Markdown.
final class BadEntryHeadingTests: XCTestCase {
    /// Body lines: 9 blank, 10 the section heading, 11 blank, 12 the entry heading.
    func section(_ title: String, _ heading: String) -> String {
        RuleFixture.customer(body: "\n## \(title)\n\n### \(heading)\n- background: 服务器月均宕机5次\n")
    }

    func testWellFormedHeadingsAreClean() {
        for heading in ["2024-03-01 10:30 meeting 张伟(技术总监)", "2024-03-01 phone", "2024-03-01 电话 张伟",
                        "2024-03-01  10:30  wechat  张伟"] {
            RuleAssert.clean(RuleFixture.diagnostics(section("Follow-ups", heading)))
        }
        RuleAssert.clean(RuleFixture.diagnostics(section("Feedback", "2024-03-03 meeting 价格偏高")))
        // `###` outside the log sections is free text.
        RuleAssert.clean(RuleFixture.diagnostics(section("背景资料", "公司概况")))
    }

    func testHeadingWithoutDate() {
        let text = section("Follow-ups", "昨天 phone 张伟")
        RuleAssert.only(RuleFixture.diagnostics(text), "bad-entry-heading", at: (12, 5),
                        message: ["starts with its date"], hint: ["### 2024-03-01 10:30 phone 张伟"])
    }

    func testHeadingWithSlashDate() {
        let text = section("跟进记录", "2024/03/01 电话 张伟")
        RuleAssert.only(RuleFixture.diagnostics(text), "bad-entry-heading", at: (12, 5))
    }

    func testHeadingWithDateOnly() {
        let text = section("Follow-ups", "2024-03-01")
        RuleAssert.only(RuleFixture.diagnostics(text), "bad-entry-heading", at: (12, 15),
                        message: ["no channel after its date"], hint: ["phone (电话)"])
    }

    func testHeadingWithDateAndTimeOnly() {
        let text = section("Follow-ups", "2024-03-01 10:30")
        RuleAssert.only(RuleFixture.diagnostics(text), "bad-entry-heading", at: (12, 21), message: ["no channel"])
    }

    func testFeedbackHeadingWithoutSummary() {
        let text = section("Feedback", "2024-03-03 meeting")
        RuleAssert.only(RuleFixture.diagnostics(text), "bad-entry-heading", at: (12, 23),
                        message: ["feedback heading has no summary"], hint: ["### 2024-03-03 meeting"])
    }

    func testFeedbackHeadingWithoutDate() {
        let text = section("客户反馈", "客户嫌价格高")
        RuleAssert.only(RuleFixture.diagnostics(text), "bad-entry-heading", at: (12, 5),
                        hint: ["### 2024-03-03 meeting"])
    }
}
