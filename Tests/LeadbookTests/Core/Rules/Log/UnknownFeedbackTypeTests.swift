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

    /// What reps write for a type (`质量`, `报价`, `售后`, `审批`) stays unknown, with the type meant.
    func testCommonChineseSynonymsSuggestTheType() {
        for (type, word) in [(FeedbackType.product, "质量"), (.price, "报价"), (.price, "太贵"), (.service, "售后"), (.decision, "审批")] {
            let result = RuleFixture.read(RuleFixture.feedback(["- 类型: \(word)"]))
            XCTAssertNil(result.customer?.feedback.first?.type, word)
            guard let diagnostic = RuleAssert.only(result.findings.diagnostics, "unknown-feedback-type", at: (13, 7), message: ["`\(word)`"]) else { continue }
            XCTAssertTrue(diagnostic.hint.hasPrefix("did you mean `\(type.label)` (\(type.rawValue))?"), diagnostic.hint)
            XCTAssertTrue(diagnostic.hintPhrase.zh.hasPrefix("是不是想写 `\(type.label)`（\(type.rawValue)）？"), diagnostic.hintPhrase.zh)
        }
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
