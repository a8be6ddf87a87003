import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// duplicate-section: one Follow-ups section and one Feedback section, in English or Chinese.
final class DuplicateSectionTests: XCTestCase {
    func testOneSectionOfEachInEitherLanguageIsClean() {
        let text = RuleFixture.customer(body: """

            ## 跟进记录

            ### 2024-03-01 10:30 phone 张伟

            ## Feedback

            ### 2024-03-03 meeting 方案缺少数据备份功能

            """)
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertNotNil(result.log?.followUpSection)
        XCTAssertNotNil(result.log?.feedbackSection)
    }

    func testSecondFollowUpsSection() {
        let text = RuleFixture.customer(body: """

            ## Follow-ups

            ### 2024-03-01 10:30 phone 张伟

            ## 跟进记录

            ### 2024-03-02 10:30 phone 张伟

            """)
        RuleAssert.one(RuleFixture.diagnostics(text), "duplicate-section", at: (14, 1),
                       says: "a second Follow-ups section (the first is on line 10)",
                       hint: "move its entries into the first section and remove this heading")
    }

    func testSecondFeedbackSection() {
        let text = RuleFixture.customer(body: """

            ## 客户反馈

            ### 2024-03-03 meeting 方案缺少数据备份功能

            ## Follow-ups

            ## Feedback

            """)
        RuleAssert.only(RuleFixture.diagnostics(text), "duplicate-section", at: (16, 1), message: ["a second Feedback section", "line 10"])
    }
}
