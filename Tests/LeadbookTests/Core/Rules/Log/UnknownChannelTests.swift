import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-channel, unknown-mood, unknown-feedback-type, unknown-priority, unknown-handling:
/// closed sets of values in the follow-up and feedback log.
final class UnknownChannelTests: XCTestCase {
    /// Body lines: 9 blank, 10 `## Follow-ups`, 11 blank, 12 the heading, 13 and on the items.
    func followUp(_ heading: String, _ items: [String] = []) -> String {
        RuleFixture.customer(body: "\n## Follow-ups\n\n### \(heading)\n" + items.map { $0 + "\n" }.joined())
    }

    /// Body lines: 9 blank, 10 `## Feedback`, 11 blank, 12 the heading, 13 and on the items.
    func feedback(_ items: [String]) -> String {
        RuleFixture.customer(body: "\n## Feedback\n\n### 2024-03-03 meeting 方案缺少数据备份功能\n" + items.map { $0 + "\n" }.joined())
    }

    func testKnownValuesAndChineseLabelsAreClean() {
        for channel in ["phone", "email", "meeting", "video", "wechat", "visit", "message",
                        "电话", "邮件", "面谈", "线上会议", "微信", "拜访", "短信", "视频会议"] {
            RuleAssert.clean(RuleFixture.diagnostics(followUp("2024-03-01 10:30 \(channel) 张伟", ["- mood: hesitant"])))
        }
        RuleAssert.clean(RuleFixture.diagnostics(followUp("2024-03-01 面谈（张伟）", ["- 情绪: 抵触"])))
        let result = RuleFixture.read(feedback(["- type: 价格类", "- priority: 中", "- handling: 协商解决", "- 类型: service"]))
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.feedback.first?.priority, .medium)
        XCTAssertEqual(result.customer?.feedback.first?.handling, .negotiate)
        XCTAssertEqual(result.customer?.feedback.first?.type, .service)
    }

    func testUnknownChannelInAFollowUpHeading() {
        let text = followUp("2024-03-01 10:30 phnoe 张伟(技术总监)")
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-channel", at: (12, 22),
                        message: ["unknown channel `phnoe`"], hint: ["did you mean `phone`?"])
    }

    func testUnknownChineseChannelWithoutTime() {
        let text = followUp("2024-03-01 钉钉 张伟")
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-channel", at: (12, 16),
                        message: ["`钉钉`"], hint: ["visit (拜访)"])
    }

    func testUnknownChannelInAFeedbackHeading() {
        let text = RuleFixture.customer(body: "\n## Feedback\n\n### 2024-03-03 tel 价格太高\n")
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-channel", at: (12, 16), message: ["`tel`"])
    }

    func testUnknownMood() {
        let text = followUp("2024-03-01 10:30 phone 张伟", ["- mood: happy"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-mood", at: (13, 9),
                        message: ["unknown mood `happy`"], hint: ["positive (积极)", "hesitant (犹豫)", "resistant (抵触)"])
    }

    func testUnknownMoodUnderChineseKey() {
        let text = followUp("2024-03-01 10:30 phone 张伟", ["- 情绪: 积级"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-mood", at: (13, 7), hint: ["did you mean `积极`?"])
    }

    func testUnknownFeedbackType() {
        RuleAssert.only(RuleFixture.diagnostics(feedback(["- type: quality"])), "unknown-feedback-type", at: (13, 9),
                        message: ["unknown feedback type `quality`"], hint: ["product (产品)", "decision (决策)"])
    }

    func testUnknownPriority() {
        RuleAssert.only(RuleFixture.diagnostics(feedback(["- priority: urgent"])), "unknown-priority", at: (13, 13),
                        message: ["unknown priority `urgent`"], hint: ["high (高)", "low (低)"])
    }

    func testUnknownPriorityNearMiss() {
        RuleAssert.only(RuleFixture.diagnostics(feedback(["- priority: hihg"])), "unknown-priority", at: (13, 13),
                        hint: ["did you mean `high`?"])
    }

    func testUnknownHandling() {
        RuleAssert.only(RuleFixture.diagnostics(feedback(["- handling: ignore"])), "unknown-handling", at: (13, 13),
                        message: ["unknown handling `ignore`"], hint: ["fix (立即解决)", "decline (无法解决)"])
    }

    func testFeedbackKeysAreNotReadInFollowUps() {
        // `type:` belongs to feedback; in a follow-up it is a note, so its value is not checked.
        RuleAssert.clean(RuleFixture.diagnostics(followUp("2024-03-01 10:30 phone 张伟", ["- type: quality"])))
    }
}
