import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// CustomerMerge on texts: what KEEP gets, what the tombstone keeps, what the record says.
final class CustomerMergeTests: XCTestCase {
    let at = LocalDateTime("2024-06-01 09:00")!

    func input(_ path: String, _ text: String, _ configuration: Configuration = Configuration()) throws -> CustomerMerge.Input {
        let bytes = Array(text.utf8)
        let result = CustomerReader.read(path: path, bytes: bytes, configuration: configuration)
        XCTAssertEqual(result.findings.diagnostics.filter { $0.severity == .error }.map(\.message), [], path)
        return CustomerMerge.Input(path: path, bytes: bytes, customer: try XCTUnwrap(result.customer))
    }

    func merge(_ keep: String, _ other: String, delete: Bool = false) throws -> (keep: String, tombstone: String?, read: Customer) {
        let outcome = try CustomerMerge.merge(keep: try input("customers/LX2024001.md", keep), other: try input("customers/LX2024002.md", other),
                                              configuration: Configuration(), at: at, deleteOther: delete)
        let result = CustomerReader.read(path: "customers/LX2024001.md", bytes: outcome.keep, configuration: Configuration())
        XCTAssertEqual(result.findings.diagnostics.filter { $0.severity == .error }.map(\.message), [], String(decoding: outcome.keep, as: UTF8.self))
        return (String(decoding: outcome.keep, as: UTF8.self), outcome.tombstone.map { String(decoding: $0, as: UTF8.self) },
                try XCTUnwrap(result.customer))
    }

    func customer(_ id: String, _ lines: [String], body: String = "") -> String {
        (["---", "id: \(id)", "source: website", "intent: B", "created: 2024-03-01 09:00"] + lines + ["---"]).joined(separator: "\n") + "\n" + body
    }

    func testEntriesInterleaveByDateAndTimeKeepFirstOnEqualMoments() throws {
        let keep = customer("LX2024001", ["name: 甲", "status: contacted"], body: """

            ## Follow-ups

            ### 2024-03-02 10:00 phone A
            - status: contacted

            ### 2024-03-05 phone C

            """)
        let other = customer("LX2024002", ["name: 甲", "status: qualified", "next: 2024-03-09"], body: """

            ## Follow-ups

            ### 2024-03-02 10:00 email B1

            ### 2024-03-04 email B2
            - status: qualified
            - next: 2024-03-09

            ### 2024-03-07 email B3

            """)
        let merged = try merge(keep, other)
        XCTAssertEqual(merged.read.followUps.map(\.counterpart), ["A", "B1", "B2", "C", "B3"])
        XCTAssertEqual(merged.read.status, .qualified, "the merged log's last status")
        XCTAssertEqual(merged.read.next, LocalDate("2024-03-09"))
        XCTAssertTrue(merged.keep.contains("```yaml\nstatus: contacted\n```"), "the replaced line is kept in the record:\n\(merged.keep)")
    }

    func testEntriesGoToANewSectionWhenKeepHasNone() throws {
        let keep = customer("LX2024001", ["name: 甲", "status: untouched"], body: "\n# 甲\n")
        let other = customer("LX2024002", ["name: 甲", "status: contacted"], body: "\n## 跟进记录\n\n### 2024-03-02 电话 王\n- 状态: 初步接洽\n\n## 客户反馈\n\n### 2024-03-03 电话 贵\n- 类型: 价格\n- 优先级: 低\n")
        let merged = try merge(keep, other)
        XCTAssertEqual(merged.read.followUps.count, 1)
        XCTAssertEqual(merged.read.feedback.count, 1)
        XCTAssertEqual(merged.read.status, .contacted)
        XCTAssertTrue(merged.keep.hasSuffix("\n# 甲\n\n## 跟进记录\n\n### 2024-03-02 电话 王\n- 状态: 初步接洽\n\n## 客户反馈\n\n### 2024-03-03 电话 贵\n- 类型: 价格\n- 优先级: 低\n\n## 合并记录\n\n### 2024-06-01 09:00 LX2024002 甲\n- 文件：customers/LX2024002.md（现为合并标记：merged_into LX2024001）\n- 来源渠道：官网表单，录入于 2024-03-01 09:00\n- 移入：1 条跟进，1 条反馈\n- 状态 未接触 → 初步接洽\n\n本次合并改动的文件头行（改动前）：\n\n```yaml\nstatus: untouched\n```\n"), "the record in the language of the log:\n" + merged.keep)
        XCTAssertFalse(merged.keep.contains("sources:"), "the same channel on the same day is not a second source")
        let tombstone = try XCTUnwrap(merged.tombstone)
        XCTAssertTrue(tombstone.hasPrefix("---\nid: LX2024002\nmerged_into: LX2024001\nsource: website\n"), tombstone)
        XCTAssertTrue(tombstone.hasSuffix("## 跟进记录\n\n## 客户反馈\n\n"), tombstone)
        let reread = CustomerReader.read(path: "customers/LX2024002.md", bytes: Array(tombstone.utf8), configuration: Configuration())
        XCTAssertEqual(reread.customer?.mergedInto, "LX2024001")
        XCTAssertEqual(reread.findings.diagnostics.filter { $0.severity == .error }.map(\.message), [])
    }

    func testContactsAreUnitedWithoutRepeats() throws {
        let keep = customer("LX2024001", ["name: 甲", "contacts:", "  - name: 张伟", "    phone: \"13800000001\"", "  - {name: 李娜, email: li.na@example.com}", "status: contacted"])
        let other = customer("LX2024002", ["name: 甲", "contacts:",
                                           "  - name: 张总", "    phone: \"+86 138 0000 0001\"", "    title: 总经理",
                                           "  - name: 李娜", "    email: LI.NA@example.com", "    phone: \"13900000002\"",
                                           "  - name: 王磊", "    wechat: \"13700000003\"",
                                           "status: contacted"])
        let merged = try merge(keep, other)
        XCTAssertEqual(merged.read.contacts.map(\.name), ["张伟", "李娜", "王磊"])
        XCTAssertEqual(merged.read.contacts[0].title, "总经理", "a missing field is filled")
        XCTAssertEqual(merged.read.contacts[1].phone, "13900000002")
        XCTAssertTrue(merged.keep.contains("  - {name: 李娜, email: li.na@example.com, phone: \"13900000002\"}\n"), merged.keep)
        XCTAssertTrue(merged.keep.contains("  - name: 王磊\n    wechat: \"13700000003\"\n"), "a new contact's lines are copied as written")
        XCTAssertTrue(merged.keep.contains("- 联系人 张伟 的姓名：保留 张伟；LX2024002 原为 张总"), merged.keep)
        XCTAssertTrue(merged.keep.contains("  - {name: 李娜, email: li.na@example.com}\n```"), "the contact line that changed is kept as it was")
    }

    func testContactsOfAFlowListJoinABlockList() throws {
        let keep = customer("LX2024001", ["name: 甲", "contacts:", "  - name: Bob", "    email: bob@acme.example", "status: contacted"])
        let other = customer("LX2024002", ["name: 甲", "contacts: [{name: Bob, email: BOB@acme.example}, {name: Eve, phone: \"13800000009\"}]",
                                           "status: contacted"])
        let merged = try merge(keep, other)
        XCTAssertEqual(merged.read.contacts.map(\.name), ["Bob", "Eve"])
        XCTAssertTrue(merged.keep.contains("    email: bob@acme.example\n  - {name: Eve, phone: \"13800000009\"}\n"), merged.keep)
    }

    func testSeveralItemsForAListKeepLacksMakeOneList() throws {
        let keep = customer("LX2024001", ["name: 甲", "status: contacted"])
        let other = customer("LX2024002", ["name: 甲", "sources:", "  - {source: referral, date: 2024-02-01}", "  - {source: partner, date: 2024-02-09}",
                                           "contacts:", "  - name: A", "  - name: B", "status: contacted"])
        let merged = try merge(keep, other)
        XCTAssertEqual(merged.read.sources.map(\.source), ["referral", "partner"].map { Optional($0) }, "not website: KEEP came that way on the same day\n" + merged.keep)
        XCTAssertEqual(merged.read.contacts.map(\.name), ["A", "B"])
    }

    func testMissingFieldsComeFromOtherAndDifferencesAreNoted() throws {
        let keep = customer("LX2024001", ["name: 甲", "industry: 制造业", "grade: B", "status: contacted"])
        let other = customer("LX2024002", ["name: 甲", "industry: 智能制造", "budget: 300000",
                                           "score: {size: 25, budget: 25, urgency: 15, decision: 20}", "grade: S",
                                           "tags: [价格敏感]", "plan:", "  - stage: initial-contact", "    goal: 确认决策链",
                                           "owner: 王五", "assigned: 2024-03-01 10:00", "status: contacted"])
        let merged = try merge(keep, other)
        XCTAssertEqual(merged.read.industry, "制造业")
        XCTAssertEqual(merged.read.budget, 300000)
        XCTAssertEqual(merged.read.score?.total, 85)
        XCTAssertEqual(merged.read.grade, .S, "the grade follows the score that came with OTHER")
        XCTAssertEqual(merged.read.tags, ["价格敏感"])
        XCTAssertEqual(merged.read.plan.first?.goal, "确认决策链")
        XCTAssertEqual(merged.read.owner, "王五")
        XCTAssertEqual(merged.read.assigned, LocalDateTime("2024-03-01 10:00"))
        XCTAssertTrue(merged.keep.contains("- 行业：保留 制造业；LX2024002 原为 智能制造"), merged.keep)
        XCTAssertTrue(merged.keep.contains("- 等级 B → S（评分来自 LX2024002）"), merged.keep)
    }

    func testAWinInTheMergedLogBringsTheDealAlong() throws {
        let keep = customer("LX2024001", ["name: 甲", "status: qualified"], body: "\n## Follow-ups\n\n### 2024-03-02 phone\n- status: qualified\n")
        let other = customer("LX2024002", ["name: 甲", "status: won", "deal: {amount: 180000, closed: 2024-03-20}"],
                             body: "\n## Follow-ups\n\n### 2024-03-20 meeting\n- status: won\n")
        let merged = try merge(keep, other)
        XCTAssertEqual(merged.read.status, .won)
        XCTAssertEqual(merged.read.deal?.amount, 180000)
        XCTAssertTrue(merged.keep.contains("\n## Merges\n\n### 2024-06-01 09:00 LX2024002 甲\n- file: customers/LX2024002.md (now a tombstone: merged_into LX2024001)\n"
                                           + "- channel: website, captured 2024-03-01 09:00\n- moved here: 1 follow-up, 0 feedback\n"), "an English log gets an English record:\n" + merged.keep)
    }

    func testDeletingOtherPutsItsNotesInTheRecord() throws {
        let keep = customer("LX2024001", ["name: 甲", "status: contacted"])
        let other = customer("LX2024002", ["name: 甲", "status: contacted"], body: "\n# 甲\n\n展会上聊了 10 分钟。\n\n## 附件\n\n- 报价单\n")
        let merged = try merge(keep, other, delete: true)
        XCTAssertNil(merged.tombstone)
        XCTAssertTrue(merged.keep.contains("- 文件：customers/LX2024002.md（已删除，可在 git 历史里找到）"), merged.keep)
        XCTAssertTrue(merged.keep.hasSuffix("LX2024002 的备注：\n\n> 展会上聊了 10 分钟。\n>\n> ## 附件\n>\n> - 报价单\n"), merged.keep)
    }

    func testCRLFAndBOMOfKeepAreKeptWhateverOtherUses() throws {
        let keep = "\u{FEFF}" + customer("LX2024001", ["name: 甲", "status: contacted"], body: "\n## Follow-ups\n\n### 2024-03-02 phone A\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let other = customer("LX2024002", ["name: 甲", "status: contacted"], body: "\n## Follow-ups\n\n### 2024-03-01 phone B\n- need: 报价\n")
        let merged = try merge(keep, other)
        XCTAssertTrue(merged.keep.hasPrefix("\u{FEFF}---\r\n"))
        XCTAssertFalse(merged.keep.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line break is CRLF")
        XCTAssertEqual(merged.read.followUps.map(\.counterpart), ["B", "A"])
    }

    func testTheSameContact() {
        func contact(_ name: String?, phone: String? = nil, email: String? = nil) -> Contact {
            var contact = Contact()
            contact.name = name
            contact.phone = phone
            contact.email = email
            return contact
        }
        XCTAssertTrue(CustomerMerge.sameContact(contact("张伟", phone: "13800000001"), contact("张总", phone: "+86 13800000001")))
        XCTAssertTrue(CustomerMerge.sameContact(contact("A", email: "a@x.cn"), contact("B", email: "A@X.CN")))
        XCTAssertTrue(CustomerMerge.sameContact(contact("张伟"), contact("张伟", phone: "13800000001")))
        XCTAssertFalse(CustomerMerge.sameContact(contact("张伟", phone: "13800000001"), contact("张伟", phone: "13900000001")))
        XCTAssertFalse(CustomerMerge.sameContact(contact("张伟"), contact("李娜")))
    }
}
