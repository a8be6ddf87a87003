import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-channel: the channel of an entry heading (and of a plan step's `channels`) is one
/// of the known channels, by English value, Chinese label or alias.
final class UnknownChannelTests: XCTestCase {
    func testKnownChannelsAndChineseLabelsAreClean() {
        for channel in ["phone", "email", "meeting", "video", "wechat", "visit", "message",
                        "电话", "邮件", "面谈", "线上会议", "微信", "拜访", "短信", "视频会议"] {
            RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.followUp("2024-03-01 10:30 \(channel) 张伟")))
        }
        let result = RuleFixture.read(RuleFixture.followUp("2024-03-01 面谈（张伟）"))
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.followUps.first?.channel, .meeting)
    }

    func testUnknownChannelInAFollowUpHeading() {
        let text = RuleFixture.followUp("2024-03-01 10:30 phnoe 张伟(技术总监)")
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-channel", at: (12, 22), says: "unknown channel `phnoe`",
                       hint: "did you mean `phone`? use one of: phone (电话), email (邮件), meeting (面谈), video (线上会议), wechat (微信), visit (拜访), message (短信)")
    }

    /// Words reps write for a channel (`打电话`, `上门`, `腾讯会议`...) stay unknown, with the
    /// channel they mean as the suggestion.
    func testCommonChineseSynonymsSuggestTheChannel() {
        let families: [(Channel, [String])] = [
            (.phone, ["打电话", "电联", "致电"]), (.email, ["电邮", "发邮件"]), (.meeting, ["见面", "会面"]),
            (.video, ["腾讯会议", "视频"]), (.wechat, ["企业微信", "微信沟通"]), (.visit, ["上门", "上门拜访"]), (.message, ["发短信"]),
        ]
        for (channel, words) in families {
            for word in words {
                let result = RuleFixture.read(RuleFixture.followUp("2024-03-01 \(word) 张伟"))
                XCTAssertNil(result.customer?.followUps.first?.channel, word)
                guard let diagnostic = RuleAssert.only(result.findings.diagnostics, "unknown-channel", at: (12, 16), message: ["`\(word)`"]) else { continue }
                XCTAssertTrue(diagnostic.hint.hasPrefix("did you mean `\(channel.label)` (\(channel.rawValue))?"), "\(word): \(diagnostic.hint)")
                XCTAssertTrue(diagnostic.hintPhrase.zh.hasPrefix("是不是想写 `\(channel.label)`（\(channel.rawValue)）？可选值：电话（phone）"),
                              "\(word): \(diagnostic.hintPhrase.zh)")
            }
        }
    }

    func testUnknownChineseChannelWithoutTime() {
        let text = RuleFixture.followUp("2024-03-01 钉钉 张伟")
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-channel", at: (12, 16),
                        message: ["`钉钉`"], hint: ["visit (拜访)"])
    }

    func testUnknownChannelInAFeedbackHeading() {
        let text = RuleFixture.feedback([], heading: "2024-03-03 tel 价格太高")
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-channel", at: (12, 16), message: ["`tel`"])
    }

    func testUnknownChannelInAPlanStep() {
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(adding: ["plan:", "  - {stage: negotiation, channels: [phone, 微信]}"])))
        let text = RuleFixture.customer(adding: ["plan:", "  - {stage: negotiation, channels: [phone, 飞书]}"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-channel", at: (9, 44), message: ["unknown channel `飞书`"])
    }
}
