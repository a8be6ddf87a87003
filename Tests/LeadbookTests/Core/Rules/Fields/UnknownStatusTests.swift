import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-status: in the front matter and in log entries (`- status:`, `- 状态:`); the seven
/// English values and their Chinese labels are accepted.
final class UnknownStatusTests: XCTestCase {
    func testEveryStatusAndChineseLabelIsAccepted() {
        let pairs: [(String, Status)] = [
            ("untouched", .untouched), ("未接触", .untouched), ("contacted", .contacted), ("初步接洽", .contacted),
            ("qualified", .qualified), ("需求明确", .qualified), ("proposal", .proposal), ("方案提交", .proposal),
            ("negotiation", .negotiation), ("商务谈判", .negotiation),
        ]
        for (text, status) in pairs {
            let result = RuleFixture.read(RuleFixture.customer(set: ["status: \(text)"]))
            RuleAssert.clean(result.findings.diagnostics)
            XCTAssertEqual(result.customer?.status, status, text)
        }
    }

    func testChineseWonAndLostAreAccepted() {
        let won = RuleFixture.read(RuleFixture.customer(set: ["status: 成交"], adding: ["deal: {amount: 180000, closed: 2024-04-02}"]))
        RuleAssert.clean(won.findings.diagnostics)
        XCTAssertEqual(won.customer?.status, .won)
        let lost = RuleFixture.read(RuleFixture.customer(set: ["status: 流失"], adding: ["lost_reason: 预算削减"]))
        RuleAssert.clean(lost.findings.diagnostics)
        XCTAssertEqual(lost.customer?.status, .lost)
    }

    func testUnknownStatusInTheFrontMatter() {
        let text = RuleFixture.customer(set: ["status: qualifed"])
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-status", at: (7, 9), says: "unknown status `qualifed`",
                       hint: "did you mean `qualified`? use one of: untouched (未接触), contacted (初步接洽), qualified (需求明确), proposal (方案提交), negotiation (商务谈判), won (成交), lost (流失)")
    }

    func testUnknownStatusWithoutNearMissListsTheChoices() {
        let text = RuleFixture.customer(set: ["status: 跟进中"])
        let diagnostic = RuleAssert.only(RuleFixture.diagnostics(text), "unknown-status", at: (7, 9), message: ["`跟进中`"],
                                         hint: ["use one of:", "untouched (未接触)", "lost (流失)"])
        XCTAssertFalse(diagnostic?.hint.contains("did you mean") ?? true)
    }

    /// What reps write for a status (`谈判中`, `签约`, `丢单`...) is not accepted, and the hint
    /// names the status it most likely means, with its label, in both languages.
    func testCommonChineseSynonymsSuggestTheStatus() {
        let families: [(Status, [String])] = [
            (.untouched, ["未联系", "待联系", "新线索"]),
            (.contacted, ["接洽", "已接洽", "已联系"]),
            (.qualified, ["需求确认", "意向明确"]),
            (.proposal, ["方案", "报价", "已报价"]),
            (.negotiation, ["谈判", "谈判中", "洽谈", "商务洽谈"]),
            (.won, ["已成交", "签约", "签单"]),
            (.lost, ["丢单", "已流失", "输单"]),
        ]
        for (status, words) in families {
            for word in words {
                let result = RuleFixture.read(RuleFixture.customer(set: ["status: \(word)"]))
                XCTAssertNil(result.customer?.status, "\(word) is not accepted")
                guard let diagnostic = RuleAssert.only(result.findings.diagnostics, "unknown-status", at: (7, 9), message: ["`\(word)`"]) else { continue }
                XCTAssertTrue(diagnostic.hint.hasPrefix("did you mean `\(status.label)` (\(status.rawValue))? use one of: untouched (未接触)"),
                              "\(word): \(diagnostic.hint)")
                XCTAssertEqual(diagnostic.phrase.zh, "没有 `\(word)` 这个状态")
                XCTAssertTrue(diagnostic.hintPhrase.zh.hasPrefix("是不是想写 `\(status.label)`（\(status.rawValue)）？可选值：未接触（untouched）、初步接洽（contacted）"),
                              "\(word): \(diagnostic.hintPhrase.zh)")
            }
        }
    }

    func testASynonymInALogEntryIsReportedWithItsSuggestion() {
        let text = RuleFixture.customer(body: "\n## 跟进记录\n\n### 2024-03-01 电话 张伟\n- 状态：谈判中\n")
        let diagnostic = RuleAssert.only(RuleFixture.diagnostics(text), "unknown-status", at: (13, 6), message: ["`谈判中`"],
                                         hint: ["did you mean `商务谈判` (negotiation)?"])
        XCTAssertTrue(diagnostic?.hintPhrase.zh.contains("是不是想写 `商务谈判`（negotiation）？") ?? false)
    }

    func testUnknownStatusInALogEntry() {
        let text = RuleFixture.customer(body: """

            ## Follow-ups

            ### 2024-03-01 10:30 phone 张伟
            - status: wonn

            """)
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-status", at: (13, 11),
                        message: ["`wonn`"], hint: ["did you mean `won`?"])
    }

    func testUnknownStatusUnderAChineseKeyWithFullWidthColon() {
        let text = RuleFixture.customer(body: """

            ## 跟进记录

            ### 2024-03-01 电话 张伟
            - 状态：签约了

            """)
        RuleAssert.only(RuleFixture.diagnostics(text), "unknown-status", at: (13, 6), message: ["`签约了`"])
    }

    func testChineseStatusInALogEntryIsAccepted() {
        let text = RuleFixture.customer(body: """

            ## Follow-ups

            ### 2024-03-01 10:30 phone 张伟
            - 状态: 商务谈判
            - status: 需求明确

            """)
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.followUps.first?.status, .qualified)
    }
}
