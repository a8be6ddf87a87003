import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-feedback-type: a feedback entry's `- type:` is product, price, service or decision.
final class UnknownFeedbackTypeTests: XCTestCase {
    func testTypesAndTheirChineseNamesAreClean() {
        let result = RuleFixture.read(RuleFixture.feedback(["- type: 价格类"]))
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.feedback.first?.type, .price)
        XCTAssertEqual(RuleFixture.read(RuleFixture.feedback(["- 类型: service"])).customer?.feedback.first?.type, .service)
    }

    func testUnknownFeedbackType() {
        RuleAssert.one(RuleFixture.diagnostics(RuleFixture.feedback(["- type: quality"])), "unknown-feedback-type", at: (13, 9),
                       says: "unknown feedback type `quality`", hint: "use one of: product (产品), price (价格), service (服务), decision (决策)")
    }

    func testFeedbackKeysAreNotReadInFollowUps() {
        // `type:` belongs to feedback; in a follow-up it is a note, so its value is not checked.
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.followUp("2024-03-01 10:30 phone 张伟", ["- type: quality"])))
    }
}
