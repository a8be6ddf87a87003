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

    /// A word reps write for a key (`决策` for 决策进展, `痛点` for 难点) is a note, with a
    /// warning naming the key; a synonym of a key of the other section, or an ordinary note, is
    /// not reported.
    func testCommonChineseSynonymsOfEntryKeys() {
        let families: [(EntryKey, [String])] = [
            (.decision, ["决策", "决策情况"]), (.pain, ["痛点"]), (.need, ["客户需求"]), (.mood, ["态度", "心情"]),
            (.next, ["下次联系", "下次跟进时间"]), (.todo, ["待办事项"]),
        ]
        for (key, words) in families {
            for word in words {
                for separator in [": ", "："] {
                    let result = RuleFixture.read(entry("- \(word)\(separator)老板下周拍板"))
                    guard let diagnostic = RuleAssert.only(result.findings.diagnostics, "unknown-entry-key", .warning, at: (13, 3),
                                                           message: ["`\(word)` is not an entry key, so this line is a note"]) else { continue }
                    XCTAssertEqual(diagnostic.hint, "did you mean `\(key.label)` (\(key.rawValue))?")
                    XCTAssertEqual(diagnostic.phrase.zh, "`\(word)` 不是条目的键，这一行会被当成备注")
                    XCTAssertEqual(diagnostic.hintPhrase.zh, "是不是想写 `\(key.label)`（\(key.rawValue)）？")
                }
            }
        }
        // `处理人` names a feedback key: in a follow-up it is a note like any other.
        RuleAssert.clean(RuleFixture.diagnostics(entry("- 处理人: 王五")))
        let feedback = RuleFixture.read(entry("- 处理人: 王五", section: "Feedback", heading: "2024-03-03 meeting 方案缺少数据备份功能"))
        RuleAssert.only(feedback.findings.diagnostics, "unknown-entry-key", .warning, at: (13, 3), hint: ["did you mean `负责人` (owner)?"])
    }

    /// The weekly report's keys, `risk` / `风险` and `help` / `需要支持`, are keys of a follow-up:
    /// read, not notes; what reps write for them points to them; in feedback they are notes.
    func testRiskAndHelpAreFollowUpKeys() {
        for line in ["- risk: 预算可能冻结", "- 风险: 预算可能冻结", "- Risk：预算可能冻结", "- help: 请经理出面", "- 需要支持：请经理出面"] {
            let result = RuleFixture.read(entry(line))
            RuleAssert.clean(result.findings.diagnostics)
            let facts = result.customer?.followUps.first?.facts.map(\.0) ?? []
            XCTAssertTrue(facts == [.risk] || facts == [.help], "\(line): \(facts)")
        }
        for (word, key) in [("转化风险", EntryKey.risk), ("风险点", .risk), ("求助", .help), ("需要帮助", .help)] {
            let result = RuleFixture.read(entry("- \(word): 预算可能冻结"))
            RuleAssert.only(result.findings.diagnostics, "unknown-entry-key", .warning, at: (13, 3),
                            hint: ["did you mean `\(key.label)` (\(key.rawValue))?"])
            XCTAssertEqual(result.customer?.followUps.first?.facts.count, 0, "a synonym is a note")
        }
        RuleAssert.only(RuleFixture.diagnostics(entry("- riks: 预算可能冻结")), "unknown-entry-key", .warning, at: (13, 3),
                        hint: ["did you mean `risk`?"])
        let feedback = RuleFixture.read(entry("- risk: 预算可能冻结", section: "Feedback", heading: "2024-03-03 meeting 方案缺少数据备份功能"))
        // In feedback the line is a note, near no feedback key.
        RuleAssert.clean(feedback.findings.diagnostics)
        XCTAssertEqual(feedback.customer?.feedback.first?.summary, "方案缺少数据备份功能")
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
