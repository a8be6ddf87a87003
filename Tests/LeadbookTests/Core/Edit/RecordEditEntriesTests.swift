import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The log edits beyond appending one entry, and the entries `log` and `feedback` write.
final class RecordEditEntriesTests: XCTestCase {
    let original = """
    ---
    id: LX2024001
    name: 华东云科技有限公司
    contacts:
      - {name: 张伟, phone: "13800000001"}
    status: qualified   # 手工
    ---

    # 华东云科技有限公司

    ## 跟进记录

    ### 2024-03-01 10:30 面谈 张伟
    - 状态: 需求明确

    ### 2024-03-05 电话 张伟
    - 下次跟进: 2024-03-07

    附注：客户要求周五前回复。

    ## 客户反馈

    ### 2024-03-03 面谈 缺少备份功能
    - 类型: 产品
    - 优先级: 高

    说明：客户的原话。

    """

    func edit(_ text: String) throws -> RecordEdit { try RecordEdit(bytes: Array(text.utf8)) }
    func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func testEntriesAreInsertedBeforeAGivenEntryWithABlankLine() throws {
        var editor = try edit(original)
        let second = editor.log.followUps[1]
        editor.insertEntries([["### 2024-03-02 电话 张伟", "- 需求: 备份"], ["### 2024-03-04 邮件"]], before: second.start)
        let result = string(try editor.apply())
        XCTAssertTrue(result.contains("- 状态: 需求明确\n\n### 2024-03-02 电话 张伟\n- 需求: 备份\n\n### 2024-03-04 邮件\n\n### 2024-03-05 电话 张伟\n"), result)
        XCTAssertEqual(try edit(result).log.followUps.map { $0.date?.description ?? "" }, ["2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05"])
    }

    func testSeveralEntriesAppendedAtOnceKeepTheNotesOfTheLastOne() throws {
        var editor = try edit(original)
        editor.appendEntries([["### 2024-03-08 电话"], ["### 2024-03-09 微信"]], to: .followUps)
        let result = string(try editor.apply())
        XCTAssertTrue(result.contains("附注：客户要求周五前回复。\n\n### 2024-03-08 电话\n\n### 2024-03-09 微信\n\n## 客户反馈"), result)
    }

    func testAnItemGoesAfterTheEntrysLastItemAboveItsNotes() throws {
        var editor = try edit(original)
        let entry = editor.log.feedback[0]
        editor.addItem("- 已解决: 2024-03-05", toEntry: entry.start..<entry.end)
        editor.addItem("- 客户确认: 2024-03-06 客户认可", toEntry: entry.start..<entry.end)
        let result = string(try editor.apply())
        XCTAssertTrue(result.hasSuffix("- 优先级: 高\n- 已解决: 2024-03-05\n- 客户确认: 2024-03-06 客户认可\n\n说明：客户的原话。\n"), result)
        let reread = CustomerReader.read(path: "customers/LX2024001.md", bytes: Array(result.utf8), configuration: Configuration())
        XCTAssertEqual(reread.customer?.feedback.first?.resolved, LocalDate("2024-03-05"))
        XCTAssertEqual(reread.customer?.feedback.first?.confirmation, "客户认可")
    }

    func testAnItemInAnEntryWithoutItemsGoesUnderItsHeading() throws {
        let text = "---\nid: LX2024001\n---\n\n## Feedback\n\n### 2024-03-03 email 报价偏高\nfree text\n"
        var editor = try edit(text)
        let entry = editor.log.feedback[0]
        editor.addItem("- resolved: 2024-03-04", toEntry: entry.start..<entry.end)
        XCTAssertEqual(string(try editor.apply()), "---\nid: LX2024001\n---\n\n## Feedback\n\n### 2024-03-03 email 报价偏高\n- resolved: 2024-03-04\nfree text\n")
    }

    func testRemovingEntriesLeavesTheSectionHeadings() throws {
        var editor = try edit(original)
        let ranges = editor.log.followUps.map { $0.start..<$0.end } + editor.log.feedback.map { $0.start..<$0.end }
        for range in ranges { editor.remove(range) }
        XCTAssertEqual(string(try editor.apply()), """
            ---
            id: LX2024001
            name: 华东云科技有限公司
            contacts:
              - {name: 张伟, phone: "13800000001"}
            status: qualified   # 手工
            ---

            # 华东云科技有限公司

            ## 跟进记录

            ## 客户反馈


            """)
    }

    func testTheLinesOfAnEntryLeaveOutTrailingBlankLinesAndCarriageReturns() throws {
        let editor = try edit(original.replacingOccurrences(of: "\n", with: "\r\n"))
        let entry = editor.log.followUps[1]
        XCTAssertEqual(editor.lines(entry.start..<entry.end), ["### 2024-03-05 电话 张伟", "- 下次跟进: 2024-03-07", "", "附注：客户要求周五前回复。"])
    }

    func testPairLinesCoverANestedValueAndItsComment() throws {
        let editor = try edit(original)
        XCTAssertEqual(editor.pairLines("contacts").map { editor.lines($0) }, ["contacts:", "  - {name: 张伟, phone: \"13800000001\"}"])
        XCTAssertEqual(editor.pairLines("status").map { editor.lines($0) }, ["status: qualified   # 手工"])
        XCTAssertNil(editor.pairLines("budget"))
    }

    func testFrontMatterLinesAreInsertedAfterTheirAnchor() throws {
        var editor = try edit(original)
        editor.insertFrontMatterLines(["budget: 200000", "decision_by: 2024-04-01"], after: ["needs", "contacts"])
        let result = string(try editor.apply())
        XCTAssertTrue(result.contains("phone: \"13800000001\"}\nbudget: 200000\ndecision_by: 2024-04-01\nstatus:"), result)
    }

    func testAKeyAddedToAFlowContact() throws {
        var editor = try edit(original)
        let contact = editor.node(at: ["contacts"])!.items![0]
        editor.addKey("email", value: "zw@example.com", to: contact)
        XCTAssertTrue(string(try editor.apply()).contains("  - {name: 张伟, phone: \"13800000001\", email: zw@example.com}\n"))
    }

    func testARecordSectionIsCreatedAtTheEndThenAppendedTo() throws {
        var editor = try edit(original)
        XCTAssertNil(editor.section(titled: CustomerMerge.recordTitles))
        editor.appendEntry(["### 2024-03-10 09:00 LX2024009"], toSectionTitled: CustomerMerge.recordTitles, heading: "## 合并记录")
        let once = string(try editor.apply())
        XCTAssertTrue(once.hasSuffix("说明：客户的原话。\n\n## 合并记录\n\n### 2024-03-10 09:00 LX2024009\n"), once)
        var again = try edit(once + "\n## 附件\n\n- 报价单.pdf\n")
        XCTAssertNotNil(again.section(titled: CustomerMerge.recordTitles))
        again.appendEntry(["### 2024-03-11 09:00 LX2024010"], toSectionTitled: CustomerMerge.recordTitles, heading: "## 合并记录")
        let twice = string(try again.apply())
        XCTAssertTrue(twice.hasSuffix("### 2024-03-10 09:00 LX2024009\n\n### 2024-03-11 09:00 LX2024010\n\n## 附件\n\n- 报价单.pdf\n"), twice)
        let reread = CustomerReader.read(path: "customers/LX2024001.md", bytes: Array(twice.utf8), configuration: Configuration())
        XCTAssertEqual(reread.customer?.feedback.count, 1, "the record is not read as feedback")
        let before = CustomerReader.read(path: "customers/LX2024001.md", bytes: Array(original.utf8), configuration: Configuration())
        XCTAssertEqual(reread.findings.diagnostics.map(\.rule.id), before.findings.diagnostics.map(\.rule.id))
    }

    func testAFollowUpDraftInEnglishAndInChinese() {
        var draft = FollowUpDraft(at: LocalDateTime("2024-03-05 10:00")!, channel: .phone)
        draft.counterpart = "张伟(技术总监)"
        draft.facts = [(.pain, "数据靠人工抄录")]
        draft.mood = .positive
        draft.status = .qualified
        draft.todos = [Todo(date: LocalDate("2024-03-07"), text: "发送案例", owner: "王五", done: false, line: 0)]
        draft.next = LocalDate("2024-03-07")
        draft.note = ["客户希望先看案例"]
        XCTAssertEqual(draft.lines(chinese: false), [
            "### 2024-03-05 10:00 phone 张伟(技术总监)", "- pain: 数据靠人工抄录", "- mood: positive", "- status: qualified",
            "- [ ] 2024-03-07 发送案例 @王五", "- next: 2024-03-07", "", "客户希望先看案例",
        ])
        XCTAssertEqual(draft.lines(chinese: true), [
            "### 2024-03-05 10:00 电话 张伟(技术总监)", "- 难点: 数据靠人工抄录", "- 情绪: 积极", "- 状态: 需求明确",
            "- [ ] 2024-03-07 发送案例 @王五", "- 下次跟进: 2024-03-07", "", "客户希望先看案例",
        ])
        var dateOnly = FollowUpDraft(at: LocalDateTime("2024-03-05")!, channel: .visit)
        dateOnly.facts = [(.decision, "周强拍板")]
        XCTAssertEqual(dateOnly.lines(chinese: false), ["### 2024-03-05 visit", "- decision: 周强拍板"])
    }

    func testDraftedEntriesReadBackAsWritten() throws {
        var followUp = FollowUpDraft(at: LocalDateTime("2024-03-08 09:00")!, channel: .wechat)
        followUp.status = .proposal
        followUp.todos = [Todo(date: LocalDate("2024-03-09"), text: "提交方案", owner: nil, done: false, line: 0)]
        followUp.next = LocalDate("2024-03-10")
        var feedback = FeedbackDraft(date: LocalDate("2024-03-08")!, channel: .email, summary: "报价偏高 10%", type: .price, priority: .medium)
        feedback.whys = ["预算只有 18 万", "对比了竞品"]
        feedback.handling = .negotiate
        feedback.due = LocalDate("2024-03-12")
        for chinese in [false, true] {
            var editor = try edit(original)
            editor.appendEntry(followUp.lines(chinese: chinese), to: .followUps)
            editor.appendEntry(feedback.lines(chinese: chinese), to: .feedback)
            let result = CustomerReader.read(path: "customers/LX2024001.md", bytes: try editor.apply(), configuration: Configuration())
            let last = try XCTUnwrap(result.customer?.followUps.last)
            XCTAssertEqual(last.status, .proposal)
            XCTAssertEqual(last.next, LocalDate("2024-03-10"))
            XCTAssertEqual(last.todos.map(\.text), ["提交方案"])
            let entry = try XCTUnwrap(result.customer?.feedback.last)
            XCTAssertEqual(entry.summary, "报价偏高 10%")
            XCTAssertEqual(entry.type, .price)
            XCTAssertEqual(entry.whys, ["预算只有 18 万", "对比了竞品"])
            XCTAssertEqual(entry.handling, .negotiate)
            XCTAssertEqual(entry.due, LocalDate("2024-03-12"))
        }
    }

    func testNoteLinesThatWouldNotStayNotesAreCaught() {
        XCTAssertNil(LogText.problemAsNote("客户希望先看案例"))
        XCTAssertNil(LogText.problemAsNote("- 客户说下周再联系"))
        XCTAssertNotNil(LogText.problemAsNote("## 新章节"))
        XCTAssertNotNil(LogText.problemAsNote("```"))
        XCTAssertNotNil(LogText.problemAsNote("- 状态: 成交"))
        XCTAssertNotNil(LogText.problemAsNote("- Next: 2024-03-01"))
        XCTAssertNotNil(LogText.problemAsNote("- [ ] 2024-03-01 回电"))
        XCTAssertNotNil(LogText.problemAsValue("两行\n文字"))
        XCTAssertNotNil(LogText.problemAsValue("  "))
    }

    func testTheNextIdIsOneMoreThanTheHighestOfItsYear() {
        XCTAssertEqual(CustomerIds.next(prefix: "LX", year: 2024, taken: ["LX2024001", "LX2024015", "LX2023099", "LX-2024-019", "KH2024777"]), "LX2024016")
        XCTAssertEqual(CustomerIds.next(prefix: "LX", year: 2025, taken: ["LX2024015"]), "LX2025001")
        XCTAssertEqual(CustomerIds.next(prefix: "LX", year: 2024, taken: ["LX2024999"]), "LX20241000")
        XCTAssertEqual(CustomerIds.id(ofFileName: "LX2024016-华东云.md"), "LX2024016")
        XCTAssertEqual(CustomerIds.id(ofFileName: "LX2024016.md"), "LX2024016")
    }
}
