import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class RecordEditTests: XCTestCase {
    let original = """
    ---
    id: LX2024001   # 线索编号
    name: "华东云科技有限公司"
    source: website
    intent: A
    score: {size: 25, budget: 25, urgency: 20, decision: 20}
    grade: A
    owner: 'ζ 王五'
    contacts:
      - name: 张伟
        phone: "013800000001"
    created: 2024-03-01 09:10
    status: qualified

    # 下面是扩展字段
    custom_note: keep me
    ---

    # 华东云科技有限公司

    ## Follow-ups

    ### 2024-03-01 10:30 meeting 张伟(技术总监)
    - status: qualified
    - next: 2024-03-03


    ## Feedback

    ### 2024-03-03 meeting 方案缺少备份功能
    - type: product

    """

    func edit(_ text: String) throws -> RecordEdit { try RecordEdit(bytes: Array(text.utf8)) }
    func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func testALoneCarriageReturnInTheFrontMatterIsNotEdited() {
        for lone in ["id: LX2024001\rregion: 上海", "id: LX2024001  # 编号\r之后", "name: \"华东\r云\"", "needs: |\n  备份\r  恢复"] {
            let text = "---\n\(lone)\nsource: website\n---\n\n# 华东云\n"
            XCTAssertThrowsError(try edit(text), lone.debugDescription)
            XCTAssertNotNil(CustomerReader.read(path: "a.md", bytes: Array(text.utf8), configuration: Configuration())
                .findings.diagnostics.first { $0.message.contains("carriage return") }, lone.debugDescription)
        }
    }

    func testNoEditGivesTheSameBytes() throws {
        let editor = try edit(original)
        XCTAssertFalse(editor.hasChanges)
        XCTAssertEqual(try editor.apply(), Array(original.utf8))
    }

    func testChangingOneScalarChangesOnlyItsBytes() throws {
        var editor = try edit(original)
        try editor.set(["grade"], to: "S")
        let result = string(try editor.apply())
        XCTAssertEqual(result, original.replacingOccurrences(of: "grade: A\n", with: "grade: S\n"))
    }

    func testQuotingStyleIsKept() throws {
        var editor = try edit(original)
        try editor.set(["owner"], to: "李四")
        try editor.set(["name"], to: "华东云")
        let result = string(try editor.apply())
        XCTAssertTrue(result.contains("owner: '李四'\n"), result)
        XCTAssertTrue(result.contains("name: \"华东云\"\n"), result)
        XCTAssertTrue(result.contains("id: LX2024001   # 线索编号\n"), "comments stay")
    }

    func testValueInsideAFlowMapIsReplacedInPlace() throws {
        var editor = try edit(original)
        try editor.set(["score", "urgency"], to: "15")
        let result = string(try editor.apply())
        XCTAssertTrue(result.contains("score: {size: 25, budget: 25, urgency: 15, decision: 20}\n"), result)
    }

    func testAddingAKeyToAFlowMap() throws {
        var editor = try edit(original)
        try editor.set(["score", "reviewed_by"], to: "王五")
        let result = string(try editor.apply())
        XCTAssertTrue(result.contains("score: {size: 25, budget: 25, urgency: 20, decision: 20, reviewed_by: 王五}\n"), result)
    }

    func testAddingATopLevelKeyAfterAChosenKey() throws {
        var editor = try edit(original)
        try editor.set(["assigned"], to: "2024-03-01 09:40", after: ["created"])
        let result = string(try editor.apply())
        XCTAssertTrue(result.contains("created: 2024-03-01 09:10\nassigned: 2024-03-01 09:40\nstatus: qualified\n"), result)
    }

    func testAddingAKeyAfterANestedBlockGoesAfterTheWholeBlock() throws {
        var editor = try edit(original)
        try editor.set(["next"], to: "2024-03-03", after: ["contacts"])
        let result = string(try editor.apply())
        XCTAssertTrue(result.contains("    phone: \"013800000001\"\nnext: 2024-03-03\ncreated:"), result)
    }

    func testAddingAKeyAtTheEndOfTheFrontMatter() throws {
        var editor = try edit(original)
        try editor.set(["next"], to: "2024-03-03")
        let result = string(try editor.apply())
        XCTAssertTrue(result.contains("custom_note: keep me\nnext: 2024-03-03\n---\n"), result)
    }

    func testTextThatIsNotPlainSafeIsQuoted() throws {
        var editor = try edit(original)
        try editor.set(["lost_reason"], to: "预算: 被砍 # 50%")
        let result = string(try editor.apply())
        XCTAssertTrue(result.contains("lost_reason: \"预算: 被砍 # 50%\"\n"), result)
        let reread = try edit(result)
        XCTAssertEqual(reread.node(at: ["lost_reason"])?.scalarText, "预算: 被砍 # 50%")
    }

    func testSettingTheSameValueAgainChangesNothing() throws {
        var editor = try edit(original)
        try editor.set(["grade"], to: "S")
        let once = try editor.apply()
        var again = try RecordEdit(bytes: once)
        try again.set(["grade"], to: "S")
        XCTAssertFalse(again.hasChanges)
        XCTAssertEqual(try again.apply(), once)
    }

    func testCRLFAndBOMAreKept() throws {
        let crlf = "\u{FEFF}" + original.replacingOccurrences(of: "\n", with: "\r\n")
        var editor = try edit(crlf)
        try editor.set(["grade"], to: "S")
        try editor.set(["next"], to: "2024-03-03", after: ["status"])
        editor.appendEntry(["### 2024-03-05 phone 张伟", "- status: proposal"], to: .followUps)
        let result = string(try editor.apply())
        XCTAssertTrue(result.hasPrefix("\u{FEFF}---\r\n"))
        XCTAssertFalse(result.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line break is CRLF")
        XCTAssertTrue(result.contains("status: qualified\r\nnext: 2024-03-03\r\n"), result)
        XCTAssertTrue(result.contains("- next: 2024-03-03\r\n\r\n### 2024-03-05 phone 张伟\r\n- status: proposal\r\n\r\n\r\n## Feedback"), result)
    }

    func testAppendingAnEntryPutsItAtTheEndOfItsSection() throws {
        var editor = try edit(original)
        editor.appendEntry(["### 2024-03-05 phone 张伟", "- status: proposal"], to: .followUps)
        let result = string(try editor.apply())
        let expected = original.replacingOccurrences(of: "- next: 2024-03-03\n", with: "- next: 2024-03-03\n\n### 2024-03-05 phone 张伟\n- status: proposal\n")
        XCTAssertEqual(result, expected)
    }

    func testAppendingToTheLastSectionOfAFileWithoutFinalNewline() throws {
        let text = String(original.dropLast())
        var editor = try edit(text)
        editor.appendEntry(["### 2024-03-08 email 方案价格偏高", "- type: price"], to: .feedback)
        let result = string(try editor.apply())
        XCTAssertTrue(result.hasSuffix("- type: product\n\n### 2024-03-08 email 方案价格偏高\n- type: price\n"), result)
    }

    func testAppendingCreatesAMissingSection() throws {
        let text = "---\nid: LX2024002\n---\n\n# 某客户\n\n说明文字\n"
        var editor = try edit(text)
        editor.appendEntry(["### 2024-03-02 phone 王磊", "- status: contacted"], to: .followUps)
        let result = string(try editor.apply())
        XCTAssertEqual(result, text + "\n## Follow-ups\n\n### 2024-03-02 phone 王磊\n- status: contacted\n")
    }

    func testAMissingFollowUpSectionGoesBeforeFeedbackAndFollowsItsLanguage() throws {
        let text = "---\nid: LX2024002\n---\n\n## 客户反馈\n\n### 2024-03-05 邮件 报价偏高\n- type: price\n"
        var editor = try edit(text)
        editor.appendEntry(["### 2024-03-06 电话 王磊", "- 状态: 初步接洽"], to: .followUps)
        let result = string(try editor.apply())
        XCTAssertEqual(result, "---\nid: LX2024002\n---\n\n## 跟进记录\n\n### 2024-03-06 电话 王磊\n- 状态: 初步接洽\n\n## 客户反馈\n\n### 2024-03-05 邮件 报价偏高\n- type: price\n")
    }

    func testEditedFileReadsBackWithTheNewValues() throws {
        var editor = try edit(original)
        try editor.set(["grade"], to: "S")
        try editor.set(["status"], to: "proposal")
        try editor.set(["next"], to: "2024-03-03", after: ["status"])
        editor.appendEntry(["### 2024-03-05 phone 张伟", "- status: proposal"], to: .followUps)
        let bytes = try editor.apply()
        let result = CustomerReader.read(path: "customers/LX2024001-x.md", bytes: bytes, configuration: {
            var configuration = Configuration()
            configuration.extraFields = ["custom_note"]
            return configuration
        }())
        XCTAssertEqual(result.customer?.grade, .S)
        XCTAssertEqual(result.customer?.status, .proposal)
        XCTAssertEqual(result.customer?.followUps.count, 2)
        XCTAssertEqual(result.customer?.followUps.last?.status, .proposal)
        XCTAssertEqual(result.findings.diagnostics.filter { $0.severity == .error }, [])
    }

    func testOverlappingReplacementsAreRefused() throws {
        var editor = try edit(original)
        try editor.set(["grade"], to: "S")
        try editor.set(["grade"], to: "B")
        XCTAssertThrowsError(try editor.apply())
    }

    func testAFileThatIsNotACustomerCannotBeEdited() {
        XCTAssertThrowsError(try edit("no front matter here\n"))
        XCTAssertThrowsError(try edit("---\nkey: [unclosed\n---\n"))
    }

    func testAppendingToABlockList() throws {
        var editor = try edit(original)
        try editor.appendListItem(["contacts"], item: ["name: 刘洋", "title: 采购总监"])
        let result = string(try editor.apply())
        XCTAssertTrue(result.contains("    phone: \"013800000001\"\n  - name: 刘洋\n    title: 采购总监\ncreated:"), result)
        let reread = try edit(result)
        XCTAssertEqual(reread.node(at: ["contacts"])?.items?.count, 2)
    }

    func testAppendingToAFlowListAndCreatingAList() throws {
        let text = "---\nid: LX2024002\ntags: [价格敏感]\nstatus: contacted\n---\n"
        var editor = try edit(text)
        try editor.appendListItem(["tags"], item: ["竞品对比中"])
        try editor.appendListItem(["sources"], item: ["source: exhibition", "date: 2024-03-02"], after: ["tags"])
        let result = string(try editor.apply())
        XCTAssertEqual(result, "---\nid: LX2024002\ntags: [价格敏感, 竞品对比中]\nsources:\n  - source: exhibition\n    date: 2024-03-02\nstatus: contacted\n---\n")
    }

    func testANewCustomerDraftReadsBackClean() throws {
        var draft = CustomerDraft(id: "LX2024016", name: "华东云科技有限公司", source: "exhibition", intent: .B,
                                  created: LocalDateTime("2024-03-02 09:20")!)
        draft.fields[.industry] = "制造业"
        draft.fields[.budget] = "200000"
        draft.sourceDetail = [("booth", "A12"), ("minutes", "30")]
        var contact = Contact()
        contact.name = "王磊"
        contact.phone = "013800000003"
        draft.contacts = [contact]
        draft.note = "展位 A12: 交流 30 分钟"
        let text = draft.render()
        XCTAssertEqual(draft.fileName(), "LX2024016-华东云科技.md")
        let result = CustomerReader.read(path: "customers/" + draft.fileName(), bytes: Array(text.utf8), configuration: Configuration())
        XCTAssertEqual(result.findings.diagnostics, [], text)
        XCTAssertEqual(result.customer?.contacts.first?.phone, "013800000003")
        XCTAssertTrue(text.contains("phone: \"013800000003\""), text)
        XCTAssertNotNil(result.customer.flatMap { _ in try? RecordEdit(bytes: Array(text.utf8)).log.followUpSection })
    }
}
