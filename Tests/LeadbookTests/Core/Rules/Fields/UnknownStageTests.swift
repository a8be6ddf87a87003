import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-stage: a plan step's `stage` is one of the four stages or nurture.
final class UnknownStageTests: XCTestCase {
    func testStagesAndTheirChineseLabelsAreClean() {
        let text = RuleFixture.customer(adding: [
            "plan:",
            "  - {stage: 需求深化, channels: [电话, video]}",
            "  - {stage: nurture, due: 每周一}",
            "  - {stage: 培育阶段}",
        ])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.plan.map(\.stage), [.needsDeepening, .nurture, .nurture])
        XCTAssertEqual(result.customer?.plan[1].dueText, "每周一")
    }

    /// What reps write for a stage (`需求挖掘`, `方案比较`, `谈判中`) stays unknown, with the stage meant.
    func testCommonChineseSynonymsSuggestTheStage() {
        for (stage, word) in [(Stage.needsDeepening, "需求挖掘"), (.solutionComparison, "方案比较"), (.negotiation, "谈判中"), (.nurture, "长期培育")] {
            let result = RuleFixture.read(RuleFixture.customer(adding: ["plan:", "  - stage: \(word)"]))
            XCTAssertNil(result.customer?.plan.first?.stage, word)
            guard let diagnostic = RuleAssert.only(result.findings.diagnostics, "unknown-stage", at: (9, 12), message: ["`\(word)`"]) else { continue }
            XCTAssertTrue(diagnostic.hint.hasPrefix("did you mean `\(stage.label)` (\(stage.rawValue))?"), diagnostic.hint)
            XCTAssertTrue(diagnostic.hintPhrase.zh.hasPrefix("是不是想写 `\(stage.label)`（\(stage.rawValue)）？可选值：初步接洽（initial-contact）"), diagnostic.hintPhrase.zh)
        }
    }

    func testUnknownStage() {
        let text = RuleFixture.customer(adding: ["plan:", "  - stage: initial-contacts", "    goal: 确认决策链"])
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-stage", at: (9, 12), says: "unknown stage `initial-contacts`",
                       hint: "did you mean `initial-contact`? use one of: initial-contact (初步接洽), needs-deepening (需求深化), solution-comparison (方案对比), negotiation (商务谈判), nurture (培育)")
    }
}
