import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// leadbook.yml `responders` and the deadlines of `feedback`: read with their diagnostics.
final class ConfigurationRespondersTests: XCTestCase {
    func testRespondersAreReadAndOwnWorkBesideTheTeam() {
        let (configuration, diagnostics) = RuleFixture.configuration("""
            team:
              - {name: 赵六, role: senior, group: 华东组}
            responders:
              - {name: 法务部, team: 法务, role: 合同审核}
              - name: 技术总监
            """)
        RuleAssert.clean(diagnostics)
        XCTAssertEqual(configuration.responders, [Responder(name: "法务部", team: "法务", role: "合同审核"), Responder(name: "技术总监")])
        XCTAssertEqual(configuration.responder(named: "法务部")?.team, "法务")
        XCTAssertEqual(configuration.responder(named: "赵六")?.role, "senior", "a member owns work too")
        XCTAssertNil(configuration.responder(named: "法务"))
        XCTAssertNil(configuration.member(named: "法务部"), "a responder is no member: not an owner of customers")
        XCTAssertEqual(configuration.ownerNames, ["赵六", "法务部", "技术总监"])
        XCTAssertTrue(configuration.namesOwners)
        XCTAssertFalse(Configuration().namesOwners)
    }

    func testAResponderWithoutNameTwiceOrInTheTeamIsAnError() {
        let (configuration, diagnostics) = RuleFixture.configuration("""
            responders:
              - {team: 法务}
              - {name: 法务部}
              - {name: 法务部}
              - {name: 赵六}
            team:
              - {name: 赵六, role: senior}
            """)
        XCTAssertEqual(diagnostics.map(\.rule.id), ["missing-field", "duplicate-member", "duplicate-member"], RuleFixture.describe(diagnostics))
        XCTAssertEqual(diagnostics.map(\.line), [2, 4, 5])
        XCTAssertEqual(diagnostics[0].message, "a responder without `name`")
        XCTAssertEqual(diagnostics[1].message, "responder `法务部` is listed twice")
        XCTAssertEqual(diagnostics[2].message, "responder `赵六` is also a member of `team`")
        XCTAssertEqual(diagnostics[2].phrase.zh, "`responders` 里的 `赵六` 已经是团队（`team`）成员")
        XCTAssertEqual(configuration.responders.count, 3)
    }

    func testAnUnknownKeyOfAResponderIsNamed() {
        let (_, diagnostics) = RuleFixture.configuration("responders:\n  - {name: 法务部, rol: 合同审核}\n")
        XCTAssertEqual(diagnostics.map(\.rule.id), ["unknown-field"], RuleFixture.describe(diagnostics))
        XCTAssertTrue(diagnostics[0].hint.contains("`role`"), diagnostics[0].hint)
    }

    func testTheFeedbackDeadlinesDefaultAndRead() {
        let defaults = Configuration()
        XCTAssertEqual([defaults.feedbackNegotiateDays, defaults.feedbackDeclineDays, defaults.feedbackHandlingDays], [7, 3, 1])
        let (configuration, diagnostics) = RuleFixture.configuration("feedback: {negotiate_days: 10, decline_days: 2, handling_days: 0}\n")
        RuleAssert.clean(diagnostics)
        XCTAssertEqual([configuration.feedbackNegotiateDays, configuration.feedbackDeclineDays, configuration.feedbackHandlingDays], [10, 2, 0])
    }

    func testAFeedbackDeadlineOutOfRangeOrOfTheWrongTypeKeepsTheDefault() {
        let (configuration, diagnostics) = RuleFixture.configuration("feedback:\n  negotiate_days: 3651\n  decline_days: 三天\n  handling_dayz: 2\n")
        XCTAssertEqual(diagnostics.map(\.rule.id), ["out-of-range", "wrong-type", "unknown-field"], RuleFixture.describe(diagnostics))
        XCTAssertEqual(diagnostics.map(\.line), [2, 3, 4])
        XCTAssertTrue(diagnostics[0].message.contains("feedback.negotiate_days"), diagnostics[0].message)
        XCTAssertTrue(diagnostics[2].hint.contains("handling_days"), diagnostics[2].hint)
        XCTAssertEqual([configuration.feedbackNegotiateDays, configuration.feedbackDeclineDays], [7, 3])
    }
}
