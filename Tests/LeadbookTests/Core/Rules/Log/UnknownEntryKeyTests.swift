import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-entry-key (a warning): a `- key: value` line that looks like a misspelled entry
/// key; other `- text: text` lines are notes.
final class UnknownEntryKeyTests: XCTestCase {
    /// Body lines: 9 blank, 10 `## Follow-ups`, 11 blank, 12 heading, 13 the item.
    func entry(_ item: String, section: String = "Follow-ups", heading: String = "2024-03-01 10:30 phone 张伟") -> String {
        RuleFixture.customer(body: "\n## \(section)\n\n### \(heading)\n\(item)\n")
    }

    func testNotesThatAreNotNearAKeyAreClean() {
        for note in ["- 地点: 上海总部", "- 参会人: 张伟, 李娜", "- 备注: 客户关心交付周期", "- 10:30 到达客户现场"] {
            RuleAssert.clean(RuleFixture.diagnostics(entry(note)))
        }
        // Keys are case-insensitive.
        let result = RuleFixture.read(entry("- Status: qualified"))
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.followUps.first?.status, .qualified)
    }

    func testMisspelledStatus() {
        let result = RuleFixture.read(entry("- staus: won"))
        RuleAssert.one(result.findings.diagnostics, "unknown-entry-key", .warning, at: (13, 3),
                       says: "`staus` is not an entry key, so this line is a note", hint: "did you mean `status`?")
        XCTAssertNil(result.customer?.followUps.first?.status)
    }

    func testMisspelledNext() {
        RuleAssert.only(RuleFixture.diagnostics(entry("- nxet: 2024-03-03")), "unknown-entry-key", .warning, at: (13, 3),
                        hint: ["did you mean `next`?"])
    }

    func testMisspelledFeedbackKey() {
        let text = entry("- priorty: high", section: "Feedback", heading: "2024-03-03 meeting 价格偏高")
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-entry-key", .warning, at: (13, 3),
                        message: ["`priorty`"], hint: ["did you mean `priority`?"])
    }

    func testACapitalisedMisspelledEntryKeyIsWarned() {
        let diagnostics = RuleFixture.diagnostics(entry("- Staus: won"))
        RuleAssert.one(diagnostics, "unknown-entry-key", .warning, at: (13, 3), says: "`staus` is not an entry key, so this line is a note",
                       hint: "did you mean `status`?")
    }
}
