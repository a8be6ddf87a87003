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

    /// Words reps write for a mood (`观望`, `感兴趣`, `拒绝`...) stay unknown, with the mood they
    /// mean as the suggestion.
    func testCommonChineseSynonymsSuggestTheMood() {
        let families: [(Mood, [String])] = [
            (.positive, ["感兴趣", "满意", "认可"]), (.hesitant, ["观望", "考虑中", "纠结"]), (.resistant, ["拒绝", "不感兴趣", "排斥"]),
        ]
        for (mood, words) in families {
            for word in words {
                let result = RuleFixture.read(RuleFixture.followUp("2024-03-01 10:30 phone 张伟", ["- 情绪: \(word)"]))
                XCTAssertNil(result.customer?.followUps.first?.mood, word)
                guard let diagnostic = RuleAssert.only(result.findings.diagnostics, "unknown-mood", at: (13, 7), message: ["`\(word)`"]) else { continue }
                XCTAssertEqual(diagnostic.hint, "did you mean `\(mood.label)` (\(mood.rawValue))? use one of: positive (积极), hesitant (犹豫), resistant (抵触)")
                XCTAssertEqual(diagnostic.hintPhrase.zh, "是不是想写 `\(mood.label)`（\(mood.rawValue)）？可选值：积极（positive）、犹豫（hesitant）、抵触（resistant）")
                XCTAssertEqual(diagnostic.phrase.zh, "没有 `\(word)` 这个情绪")
            }
        }
    }

    func testUnknownMoodUnderChineseKey() {
        let text = RuleFixture.followUp("2024-03-01 10:30 phone 张伟", ["- 情绪: 积级"])
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-mood", at: (13, 7), hint: ["did you mean `积极`?"])
    }
}
