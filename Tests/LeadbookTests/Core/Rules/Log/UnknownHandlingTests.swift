import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-handling: a feedback entry's `- handling:` is fix, negotiate or decline.
final class UnknownHandlingTests: XCTestCase {
    func testHandlingsAreClean() {
        let result = RuleFixture.read(RuleFixture.feedback(["- handling: 协商解决"]))
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.feedback.first?.handling, .negotiate)
    }

    func testUnknownHandling() {
        RuleAssert.one(RuleFixture.diagnostics(RuleFixture.feedback(["- handling: ignore"])), "unknown-handling", at: (13, 13),
                       says: "unknown handling `ignore`", hint: "use one of: fix (立即解决), negotiate (协商解决), decline (无法解决)")
    }

    /// What reps write for a handling (`马上处理`, `协商`, `无法处理`) stays unknown, with the handling meant.
    func testCommonChineseSynonymsSuggestTheHandling() {
        for (handling, word) in [(Handling.fix, "马上处理"), (.negotiate, "协商"), (.decline, "无法处理"), (.decline, "解决不了")] {
            let result = RuleFixture.read(RuleFixture.feedback(["- 处理方式: \(word)"]))
            XCTAssertNil(result.customer?.feedback.first?.handling, word)
            guard let diagnostic = RuleAssert.only(result.findings.diagnostics, "unknown-handling", at: (13, 9), message: ["`\(word)`"]) else { continue }
            XCTAssertTrue(diagnostic.hint.hasPrefix("did you mean `\(handling.label)` (\(handling.rawValue))?"), diagnostic.hint)
            XCTAssertTrue(diagnostic.hintPhrase.zh.hasPrefix("是不是想写 `\(handling.label)`（\(handling.rawValue)）？"), diagnostic.hintPhrase.zh)
        }
    }
}
