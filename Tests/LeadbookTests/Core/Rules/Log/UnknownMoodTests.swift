import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-mood: a follow-up's `- mood:` is positive, hesitant or resistant.
final class UnknownMoodTests: XCTestCase {
    func testMoodsAndTheirChineseLabelsAreClean() {
        let result = RuleFixture.read(RuleFixture.followUp("2024-03-01 10:30 phone 张伟", ["- 情绪: 抵触"]))
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.followUps.first?.mood, .resistant)
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.followUp("2024-03-01 10:30 phone 张伟", ["- mood: hesitant"])))
    }

    func testUnknownMood() {
        let text = RuleFixture.followUp("2024-03-01 10:30 phone 张伟", ["- mood: happy"])
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-mood", at: (13, 9), says: "unknown mood `happy`",
                       hint: "use one of: positive (积极), hesitant (犹豫), resistant (抵触)")
    }

    func testUnknownMoodUnderChineseKey() {
        let text = RuleFixture.followUp("2024-03-01 10:30 phone 张伟", ["- 情绪: 积级"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-mood", at: (13, 7), hint: ["did you mean `积极`?"])
    }
}
