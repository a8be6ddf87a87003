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
        RuleAssert.one(RuleFixture.diagnostics(text), "bad-entry-heading", at: (12, 5), says: "an entry heading starts with its date",
                       hint: "write `### 2024-03-01 10:30 phone 张伟`")
    }

    func testHeadingWithSlashDate() {
        let text = section("跟进记录", "2024/03/01 电话 张伟")
        RuleAssert.only(RuleFixture.diagnostics(text), "bad-entry-heading", at: (12, 5))
    }

    func testHeadingWithDateOnly() {
        let text = section("Follow-ups", "2024-03-01")
        RuleAssert.one(RuleFixture.diagnostics(text), "bad-entry-heading", at: (12, 15), says: "the entry heading has no channel after its date",
                       hint: "add how you were in touch: phone (电话), email (邮件), meeting (面谈), video (线上会议), wechat (微信), visit (拜访), message (短信)")
    }

    func testHeadingWithDateAndTimeOnly() {
        let text = section("Follow-ups", "2024-03-01 10:30")
        RuleAssert.only(RuleFixture.diagnostics(text), "bad-entry-heading", at: (12, 21), message: ["no channel"])
    }

    func testFeedbackHeadingWithoutSummary() {
        let text = section("Feedback", "2024-03-03 meeting")
        RuleAssert.one(RuleFixture.diagnostics(text), "bad-entry-heading", at: (12, 23), says: "the feedback heading has no summary",
                       hint: "write what the customer said after the channel: `### 2024-03-03 meeting 方案缺少数据备份功能`")
    }

    func testFeedbackHeadingWithoutDate() {
        let text = section("客户反馈", "客户嫌价格高")
        RuleAssert.one(RuleFixture.diagnostics(text), "bad-entry-heading", at: (12, 5), says: "an entry heading starts with its date",
                       hint: "write `### 2024-03-03 meeting what the customer said`")
    }
}
