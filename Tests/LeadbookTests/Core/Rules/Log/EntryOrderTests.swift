import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// entry-order: the entries of each log section are in date order, oldest first; on one
/// day, entries that both have a time are in time order.
final class EntryOrderTests: XCTestCase {
    /// These feedback entries have no handling; the days that would make it a finding
    /// (unhandled-feedback, its own tests) are set beyond the log, so only the order is seen.
    static let orderOnly: Configuration = {
        var configuration = Configuration()
        configuration.feedbackHandlingDays = 30
        return configuration
    }()

    func testOrderedEntriesInOneSectionEachAreClean() {
        let text = RuleFixture.customer(body: """

            ## Follow-ups

            ### 2024-03-01 phone 张伟
            ### 2024-03-01 10:30 meeting 张伟
            ### 2024-03-01 10:30 wechat 李娜
            ### 2024-03-02 09:00 email 张伟

            ```
            ## Follow-ups
            ### 2020-01-01 phone 代码块里的示例
            ```

            ## Feedback

            ### 2024-03-03 meeting 方案缺少数据备份功能
            ### 2024-03-05 phone 价格偏高

            """)
        let result = RuleFixture.read(text, configuration: Self.orderOnly)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.followUps.count, 4)
        XCTAssertEqual(result.customer?.feedback.count, 2)
    }

    func testFollowUpDatedBeforeThePreviousOne() {
        let text = RuleFixture.customer(body: """

            ## Follow-ups

            ### 2024-03-05 10:30 phone 张伟
            - status: contacted

            ### 2024-03-01 09:00 meeting 张伟
            - status: qualified

            """)
        RuleAssert.one(RuleFixture.diagnostics(text), "entry-order", at: (15, 1),
                       says: "follow-up of 2024-03-01 comes after one of 2024-03-05 10:30",
                       hint: "entries are in date order, newest last: move this entry up, or fix its date")
    }

    func testSameDayEarlierTime() {
        let text = RuleFixture.customer(body: """

            ## Follow-ups

            ### 2024-03-01 15:00 phone 张伟
            ### 2024-03-01 09:00 phone 张伟

            """)
        RuleAssert.only(RuleFixture.diagnostics(text), "entry-order", at: (13, 1), message: ["2024-03-01 15:00"])
    }

    func testFeedbackOutOfOrder() {
        let text = RuleFixture.customer(body: """

            ## Feedback

            ### 2024-03-05 phone 价格偏高
            ### 2024-03-03 meeting 方案缺少数据备份功能

            """)
        RuleAssert.only(RuleFixture.diagnostics(text, configuration: Self.orderOnly), "entry-order", at: (13, 1),
                        message: ["feedback of 2024-03-03 comes after one of 2024-03-05"])
    }

    func testFeedbackOrderMessagesNameNoTime() {
        let text = RuleFixture.customer(body: """

            ## Follow-ups

            ### 2024-03-01 15:00 phone 张伟
            ### 2024-03-01 phone 张伟

            ## Feedback

            ### 2024-03-03 15:00 phone 价格偏高
            ### 2024-03-03 09:00 meeting 方案缺少数据备份功能

            """)
        let diagnostics = RuleFixture.diagnostics(text)
        XCTAssertEqual(diagnostics.map(\.message), ["feedback of 2024-03-03 comes after one of 2024-03-03"], RuleFixture.describe(diagnostics))
    }

    func testFollowUpsAndFeedbackAreOrderedSeparately() {
        let text = RuleFixture.customer(body: """

            ## Follow-ups

            ### 2024-03-05 phone 张伟

            ## Feedback

            ### 2024-03-03 meeting 方案缺少数据备份功能

            """)
        RuleAssert.clean(RuleFixture.diagnostics(text, configuration: Self.orderOnly))
    }
}
