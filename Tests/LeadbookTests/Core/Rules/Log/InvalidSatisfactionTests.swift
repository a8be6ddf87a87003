import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// invalid-satisfaction: a feedback entry's `- satisfaction:` (`- 满意度:`) is one whole number
/// from 1 to 5.
final class InvalidSatisfactionTests: XCTestCase {
    func testEveryScoreFromOneToFiveIsRead() {
        for score in 1...5 {
            for key in ["satisfaction", "满意度"] {
                let result = RuleFixture.read(RuleFixture.feedback(["- confirmed: 2024-03-06 客户认可", "- \(key): \(score)"]))
                RuleAssert.clean(result.findings.diagnostics)
                XCTAssertEqual(result.customer?.feedback.first?.satisfaction, score, key)
            }
        }
    }

    func testAScoreOutsideOneToFive() {
        for written in ["0", "6", "10", "-1"] {
            let result = RuleFixture.read(RuleFixture.feedback(["- satisfaction: \(written)"]))
            XCTAssertNil(result.customer?.feedback.first?.satisfaction)
            RuleAssert.one(result.findings.diagnostics, "invalid-satisfaction", at: (13, 17),
                           says: "satisfaction `\(written)` is not a whole number from 1 to 5",
                           hint: "write one digit from 1 (very dissatisfied) to 5 (very satisfied), like `- satisfaction: 4`")
        }
    }

    func testAWordIsNoScore() {
        guard let diagnostic = RuleAssert.only(RuleFixture.diagnostics(RuleFixture.feedback(["- 满意度: 很满意"])), "invalid-satisfaction", at: (13, 8))
        else { return }
        XCTAssertEqual(diagnostic.phrase.zh, "满意度 `很满意` 不是 1 到 5 的整数")
        XCTAssertEqual(diagnostic.hintPhrase.zh, "写一个 1 到 5 的数字：1 表示很不满意，5 表示很满意，比如 `- 满意度: 4`")
        XCTAssertNil(diagnostic.suggestion)
    }

    /// A score with its unit or scale, or in full-width digits, suggests the digit meant.
    func testAScoreWithItsUnitSuggestsTheDigit() {
        for (written, meant) in [("4分", 4), ("4 分", 4), ("3/5", 3), ("４", 4), ("5/5分", 5)] {
            let text = RuleFixture.feedback(["- satisfaction: \(written)"])
            let result = RuleFixture.read(text)
            XCTAssertNil(result.customer?.feedback.first?.satisfaction, written)
            guard let diagnostic = RuleAssert.only(result.findings.diagnostics, "invalid-satisfaction", at: (13, 17),
                                                   hint: ["did you mean `\(meant)`?"]) else { continue }
            XCTAssertEqual(diagnostic.hintPhrase.zh.hasPrefix("是不是想写 `\(meant)`？"), true, written)
            XCTAssertEqual(diagnostic.suggestion?.replacement, Array(String(meant).utf8), written)
            XCTAssertEqual(diagnostic.suggestion?.range.count, written.utf8.count, written)
        }
        XCTAssertNil(InvalidSatisfaction.meant("6分"))
        XCTAssertNil(InvalidSatisfaction.meant("45"))
    }

    /// The key's Chinese spellings that reps write are suggested, never read as the key.
    func testASynonymOfTheKeyIsANoteWithTheKeyMeant() {
        let result = RuleFixture.read(RuleFixture.feedback(["- 客户满意度: 4"]))
        XCTAssertNil(result.customer?.feedback.first?.satisfaction)
        RuleAssert.only(result.findings.diagnostics, "unknown-entry-key", .warning, at: (13, 3), hint: ["`满意度`"])
    }

    /// Filling in the satisfaction of an old entry is allowed by the append-only history, as
    /// filling `resolved` and `confirmed` is.
    func testAddingTheSatisfactionLaterIsNoRewrite() {
        let old: [LogEntries.Line] = ["### 2024-03-03 meeting 方案缺少数据备份功能", "- type: product", "- confirmed: 2024-03-06 客户认可"].map(Self.line)
        let new = old + [Self.line("- satisfaction: 4")]
        XCTAssertNil(LogRewritten.difference(old, new, .feedback))
        XCTAssertNotNil(LogRewritten.difference(old, old + [Self.line("- plan: 重新报价")], .feedback))
    }

    static func line(_ text: String) -> LogEntries.Line {
        LogEntries.Line(text: ArraySlice(Array(text.utf8)), offset: 0)
    }
}
