import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unhandled-feedback: feedback without a handling, when the log goes on more than
/// `feedback.handling_days` after it.
final class UnhandledFeedbackTests: XCTestCase {
    /// Feedback of 2024-03-03 (line 12) without a handling, then a follow-up of `date`.
    func text(followUp date: String, items: [String] = []) -> String {
        RuleFixture.customer(body: """

            ## Follow-ups

            ### \(date) phone 张伟

            ## Feedback

            ### 2024-03-03 meeting 方案缺少数据备份功能
            \(items.joined(separator: "\n"))

            """)
    }

    func testAFollowUpMoreThanTheDaysLaterMakesItAWarningAtTheHeading() {
        let diagnostic = RuleAssert.one(RuleFixture.diagnostics(text(followUp: "2024-03-05")), "unhandled-feedback", .warning, at: (16, 1),
                                        says: "feedback of 2024-03-03 has no handling after 1 day; the log goes on to 2024-03-05",
                                        hint: "add `- handling: fix`, `negotiate` or `decline` to the entry (`leadbook agenda` lists what is still waiting)")
        XCTAssertEqual(diagnostic?.phrase.zh, "2024-03-03 的反馈过了 1 天还没有处理方式；记录已经写到 2024-03-05")
    }

    func testWithinTheDaysItIsClean() {
        // The deadline is the end of 03-04: an entry on that day is not past it.
        RuleAssert.clean(RuleFixture.diagnostics(text(followUp: "2024-03-04")))
        RuleAssert.clean(RuleFixture.diagnostics(text(followUp: "2024-03-02 09:00")))
    }

    func testTheDaysComeFromLeadbookYml() {
        var configuration = Configuration()
        configuration.feedbackHandlingDays = 3
        RuleAssert.clean(RuleFixture.diagnostics(text(followUp: "2024-03-06"), configuration: configuration))
        XCTAssertEqual(RuleFixture.diagnostics(text(followUp: "2024-03-07"), configuration: configuration).map(\.rule.id), ["unhandled-feedback"])
    }

    func testAHandlingOrAnAnswerEndsIt() {
        RuleAssert.clean(RuleFixture.diagnostics(text(followUp: "2024-03-10", items: ["- handling: negotiate"])))
        RuleAssert.clean(RuleFixture.diagnostics(text(followUp: "2024-03-10", items: ["- 处理方式: 无法解决"])))
        RuleAssert.clean(RuleFixture.diagnostics(text(followUp: "2024-03-10", items: ["- resolved: 2024-03-04"])))
    }

    func testALaterFeedbackEntryIsEvidenceToo() {
        let text = RuleFixture.customer(body: """

            ## Feedback

            ### 2024-03-03 meeting 方案缺少数据备份功能
            ### 2024-03-09 phone 价格偏高
            - handling: fix

            """)
        RuleAssert.only(RuleFixture.diagnostics(text), "unhandled-feedback", .warning, at: (12, 1), message: ["2024-03-09"])
    }
}
