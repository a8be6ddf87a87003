import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Planning an import against customers in memory: created, merged, unchanged, bad.
final class LeadImportTests: XCTestCase {
    static let huadong = """
    ---
    id: LX2024001
    name: 华东云科技有限公司   # 官网
    source: website
    contacts:
      - name: 张伟
        phone: "13800000001"
    intent: A
    created: 2024-03-01 09:10
    status: contacted
    ---

    ## Follow-ups

    """

    static let hengli = "---\r\nid: LX2024002\r\nname: 苏州恒力精密制造有限公司\r\nsource: exhibition\r\ncontacts: [{name: 王磊, email: wang.lei@example.com}]\r\nsources: [{source: referral, date: 2024-02-01}]\r\nintent: B\r\ncreated: 2024-03-02\r\nstatus: untouched\r\n---\r\n"

    var files: [String: String] = [
        "customers/LX2024001-huadongyun.md": huadong,
        "customers/LX2024002-hengli.md": hengli,
    ]

    func planner(_ configuration: Configuration = Configuration()) -> LeadImport {
        var known: [LeadImport.Known] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let result = CustomerReader.read(path: path, bytes: Array(text.utf8), configuration: configuration)
            XCTAssertEqual(result.findings.errorCount, 0, "\(path): \(result.findings.diagnostics.map(\.message))")
            known.append(LeadImport.Known(path: path, customer: result.customer!, hasErrors: false))
        }
        let files = self.files
        return LeadImport(known: known, paths: Array(files.keys) + ["customers/LX2024007-old.md"], configuration: configuration) { files[$0].map { Array($0.utf8) } }
    }

    func lead(_ name: String, source: String = "exhibition", intent: Intent = .B, created: String = "2024-03-05 10:00", row: Int = 2,
              contact: (String, String?, String?)? = nil) -> Lead {
        var lead = Lead(row: row, line: row, name: name, source: source, intent: intent, created: LocalDateTime(created)!)
        if let contact {
            var person = Contact()
            person.name = contact.0
            person.phone = contact.1
            person.email = contact.2
            lead.contact = person
        }
        return lead
    }

    func text(_ plan: LeadImport, _ path: String) -> String? {
        plan.writes.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    func testANewLeadGetsTheNextIdAfterEveryIdInTheWorkspace() {
        var plan = planner()
        plan.add(.success(lead("星河数据科技有限公司", contact: ("陈晨", "139-1234-5678", nil))), row: 2, line: 2)
        plan.add(.success(lead("远航物流", created: "2023-11-02", row: 3)), row: 3, line: 3)
        guard case .created(let id, let path, let notes) = plan.results[0].outcome else { return XCTFail("\(plan.results[0].outcome)") }
        XCTAssertEqual(id, "LX2024008", "after LX2024007 in a file name")
        XCTAssertEqual(path, "customers/LX2024008-星河数据科技.md")
        XCTAssertEqual(notes, [])
        guard case .created(let other, _, _) = plan.results[1].outcome else { return XCTFail() }
        XCTAssertEqual(other, "LX2023001", "the year of the lead's capture")
        let file = text(plan, path)!
        XCTAssertTrue(file.hasPrefix("---\nid: LX2024008\nname: 星河数据科技有限公司\nsource: exhibition\ncontacts:\n  - name: 陈晨\n    phone: \"139-1234-5678\"\nintent: B\ncreated: 2024-03-05 10:00\nstatus: untouched\n---\n"), file)
        XCTAssertTrue(file.hasSuffix("## 跟进记录\n"))
        XCTAssertEqual(plan.created, 2)
    }

    func testAGivenIdIsKeptWhenFreeAndReplacedWhenTaken() {
        var plan = planner()
        var first = lead("甲公司")
        first.id = "LX2024050"
        var second = lead("乙公司", row: 3)
        second.id = "LX2024001"
        var third = lead("丙公司", row: 4)
        third.id = "2024-001"
        for item in [first, second, third] { plan.add(.success(item), row: item.row, line: item.row) }
        let outcomes = plan.results.map { result -> String in
            guard case .created(let id, _, let notes) = result.outcome else { return "?" }
            return ([id] + notes.map(\.en)).joined(separator: " | ")
        }
        XCTAssertEqual(outcomes, ["LX2024050", "LX2024051 | id LX2024001 is taken; the new customer is LX2024051",
                                  "LX2024052 | `2024-001` is not an id like LX2024001; the new customer is LX2024052"])
    }

    /// A merge adds exactly the new lines; every other byte of the file stays.
    func testARowSharingAPhoneIsMergedAsANewSource() throws {
        var plan = planner()
        var row = lead("华东云科技", created: "2024-03-06", contact: ("刘洋", "+86 138 0000 0001", nil))
        row.fields[.needs] = "数据安全"
        row.note = "展位A12"
        plan.add(.success(row), row: 2, line: 2)
        guard case .added(let id, _, let evidence, nil, let changes, let notTaken) = plan.results[0].outcome else { return XCTFail("\(plan.results[0].outcome)") }
        XCTAssertEqual(id, "LX2024001")
        XCTAssertEqual(evidence.en, "same name 华东云科技, same phone 13800000001")
        XCTAssertEqual(evidence.zh, "企业名称相同：华东云科技，电话相同：13800000001")
        XCTAssertEqual(changes.map(\.en), ["source exhibition 2024-03-06", "needs 数据安全"])
        XCTAssertEqual(changes.map(\.zh), ["新增来源 展会 2024-03-06", "补填需求 数据安全"])
        XCTAssertEqual(notTaken, [])
        XCTAssertEqual(text(plan, "customers/LX2024001-huadongyun.md"), """
        ---
        id: LX2024001
        name: 华东云科技有限公司   # 官网
        source: website
        sources:
          - source: exhibition
            date: 2024-03-06
            detail: "展位A12; name: 华东云科技; intent: B; contact 刘洋: phone +86 138 0000 0001"
        contacts:
          - name: 张伟
            phone: "13800000001"
        needs: 数据安全
        intent: A
        created: 2024-03-01 09:10
        status: contacted
        ---

        ## Follow-ups

        """)
        XCTAssertEqual(plan.added, 1)
    }

    /// A matched row fills an empty owner and its assignment; beside an owner the customer
    /// has, the row's assignment is not written (nor reported as a difference).
    func testTheAssignmentGoesWithTheOwnerARowFillsIn() throws {
        var row = lead("华东云科技", created: "2024-03-06", contact: ("刘洋", "13800000001", nil))
        row.fields[.owner] = "赵六"
        row.fields[.assigned] = "2024-03-06"
        var plan = planner()
        plan.add(.success(row), row: 2, line: 2)
        let filled = try XCTUnwrap(text(plan, "customers/LX2024001-huadongyun.md"))
        XCTAssertTrue(filled.contains("owner: 赵六\n"), filled)
        XCTAssertTrue(filled.contains("assigned: 2024-03-06\n"), filled)
        files["customers/LX2024001-huadongyun.md"] = Self.huadong.replacingOccurrences(of: "status: contacted\n", with: "owner: 王五\nstatus: contacted\n")
        var owned = planner()
        owned.add(.success(row), row: 2, line: 2)
        let kept = try XCTUnwrap(text(owned, "customers/LX2024001-huadongyun.md"))
        XCTAssertFalse(kept.contains("assigned:"), kept)
        XCTAssertTrue(kept.contains("owner: 王五\n"), kept)
    }

    func testFlowListsAndCRLFAreKept() throws {
        var plan = planner()
        plan.add(.success(lead("苏州恒力精密制造有限公司", source: "website", intent: .B, contact: ("周建国", nil, "zhou@example.com"))), row: 2, line: 2)
        guard case .added = plan.results[0].outcome else { return XCTFail("\(plan.results[0].outcome)") }
        XCTAssertEqual(text(plan, "customers/LX2024002-hengli.md"),
                       "---\r\nid: LX2024002\r\nname: 苏州恒力精密制造有限公司\r\nsource: exhibition\r\ncontacts: [{name: 王磊, email: wang.lei@example.com}, {name: 周建国, email: zhou@example.com}]\r\nsources: [{source: referral, date: 2024-02-01}, {source: website, date: 2024-03-05}]\r\nintent: B\r\ncreated: 2024-03-02\r\nstatus: untouched\r\n---\r\n")
    }

    func testRowsOfTheSameSheetMatchEachOther() {
        var plan = planner()
        plan.add(.success(lead("远航物流有限公司", contact: ("赵一", "13911112222", nil))), row: 2, line: 2)
        plan.add(.success(lead("远航物流", row: 3, contact: ("钱二", "13933334444", nil))), row: 3, line: 3)
        plan.add(.success(lead("远航物流(上海)", source: "website", created: "2024-03-08", row: 4, contact: ("孙三", "13933334444", nil))), row: 4, line: 4)
        let outcomes = plan.results.map { result -> String in
            switch result.outcome {
            case .created(let id, _, _): return "created \(id)"
            case .added(let id, _, let evidence, let row, let changes, _): return "added \(id) row \(row ?? 0) (\(evidence.en)): \(changes.map(\.en).joined(separator: ", "))"
            case .unchanged(let id, _, _, _, _): return "unchanged \(id)"
            case .bad(let problems): return "bad \(problems.map(\.message))"
            }
        }
        XCTAssertEqual(outcomes, [
            "created LX2024008",
            "added LX2024008 row 2 (same name 远航物流): contact 钱二",
            "added LX2024008 row 2 (same phone 13933334444): source website 2024-03-08",
        ])
        XCTAssertEqual(plan.writes.count, 1, "one file, written once with both merges")
        let file = text(plan, "customers/LX2024008-远航物流.md")!
        XCTAssertTrue(file.contains("  - name: 钱二\n    phone: \"13933334444\"\n"), file)
        XCTAssertFalse(file.contains("  - name: 孙三"), "the same phone is the same contact")
        XCTAssertTrue(file.contains("sources:\n  - source: website\n    date: 2024-03-08\n    detail: \"name: 远航物流(上海); contact 孙三: phone 13933334444\"\n"), file)
        XCTAssertEqual(CustomerReader.read(path: "customers/LX2024008-远航物流.md", bytes: Array(file.utf8), configuration: Configuration()).findings.errorCount, 0)
    }

    func testTheSameCaptureImportedAgainChangesNothing() {
        var plan = planner()
        var again = lead("华东云科技有限公司", source: "website", intent: .A, created: "2024-03-01 09:10", contact: ("张伟", "13800000001", nil))
        again.fields[.industry] = "互联网"
        plan.add(.success(again), row: 2, line: 2)
        var different = lead("华东云科技有限公司", source: "website", intent: .A, created: "2024-03-01", row: 3)
        different.fields[.industry] = "软件"
        plan.add(.success(different), row: 3, line: 3)
        guard case .added(_, _, _, _, let changes, _) = plan.results[0].outcome else { return XCTFail("\(plan.results[0].outcome)") }
        XCTAssertEqual(changes.map(\.en), ["industry 互联网"], "an empty field is filled, no source is added")
        XCTAssertEqual(changes.map(\.zh), ["补填行业 互联网"])
        guard case .unchanged(let id, _, _, _, let notTaken) = plan.results[1].outcome else { return XCTFail("\(plan.results[1].outcome)") }
        XCTAssertEqual(id, "LX2024001")
        XCTAssertEqual(notTaken, ["industry: 软件"], "industry was filled by row 2 of the same run")
    }

    func testAPersonsNameAloneIsNoEvidence() {
        files["customers/LX2024003-陈晓明.md"] = "---\nid: LX2024003\nname: 陈晓明\nkind: person\nsource: referral\nintent: C\ncreated: 2024-03-03\nstatus: untouched\n---\n"
        var plan = planner()
        var namesake = lead("陈晓明", row: 2)
        namesake.kind = .person
        plan.add(.success(namesake), row: 2, line: 2)
        var again = lead("陈晓明", row: 3, contact: ("陈晓明", "13700000009", nil))
        again.kind = .person
        plan.add(.success(again), row: 3, line: 3)
        var company = lead("华东云科技", row: 4)
        company.kind = .company
        plan.add(.success(company), row: 4, line: 4)
        let outcomes = plan.results.map { result -> String in
            switch result.outcome {
            case .created(let id, _, _): return "created \(id)"
            case .added(let id, _, let evidence, _, _, _): return "added \(id) (\(evidence.en))"
            case .unchanged(let id, _, let evidence, _, _): return "unchanged \(id) (\(evidence.en))"
            case .bad(let problems): return "bad \(problems.map(\.message))"
            }
        }
        XCTAssertEqual(outcomes, ["created LX2024008", "created LX2024009", "added LX2024001 (same name 华东云科技)"],
                       "people who share a name are different people unless a phone or email says otherwise")
    }

    func testARowMatchingTwoCustomersIsBad() {
        var plan = planner()
        plan.add(.success(lead("华东云科技", contact: ("王磊", nil, "WANG.LEI@example.com"))), row: 2, line: 2)
        guard case .bad(let problems) = plan.results[0].outcome else { return XCTFail("\(plan.results[0].outcome)") }
        XCTAssertEqual(problems.map(\.message), ["the row matches 2 customers: LX2024001 (same name 华东云科技) and LX2024002 (same email wang.lei@example.com)"])
        XCTAssertEqual(plan.writes.count, 0)
        XCTAssertEqual(plan.bad, 1)
    }

    func testAFileWithErrorsIsNeverRewritten() {
        let result = CustomerReader.read(path: "customers/LX2024001-huadongyun.md", bytes: Array(Self.huadong.utf8), configuration: Configuration())
        var plan = LeadImport(known: [LeadImport.Known(path: "customers/LX2024001-huadongyun.md", customer: result.customer!, hasErrors: true)],
                              paths: ["customers/LX2024001-huadongyun.md"], configuration: Configuration()) { _ in XCTFail("read"); return nil }
        plan.add(.success(lead("华东云科技")), row: 2, line: 2)
        guard case .bad(let problems) = plan.results[0].outcome else { return XCTFail() }
        XCTAssertEqual(problems.first?.message, "the row matches LX2024001 (same name 华东云科技), whose file customers/LX2024001-huadongyun.md has errors")
    }

    func testANewCustomerCannotStartWonOrLost() {
        var plan = planner()
        var won = lead("新客户")
        won.status = .won
        plan.add(.success(won), row: 2, line: 2)
        var known = lead("华东云科技有限公司", row: 3)
        known.status = .lost
        plan.add(.success(known), row: 3, line: 3)
        guard case .bad(let problems) = plan.results[0].outcome else { return XCTFail("\(plan.results[0].outcome)") }
        XCTAssertEqual(problems.map(\.message), ["a new customer cannot start as won: it needs a `deal` (amount and date), which the sheet does not give"])
        guard case .added(_, _, _, _, _, _) = plan.results[1].outcome else { return XCTFail("a matched row keeps the customer's status: \(plan.results[1].outcome)") }
        let merged = text(plan, "customers/LX2024001-huadongyun.md")!
        XCTAssertTrue(merged.contains("\nstatus: contacted\n"), merged)
        XCTAssertTrue(merged.contains("status: lost"), "noted in the detail, not set")
    }

    func testNextIds() {
        XCTAssertEqual(CustomerIds.next(prefix: "LX", year: 2024, taken: []), "LX2024001")
        XCTAssertEqual(CustomerIds.next(prefix: "LX", year: 2024, taken: ["LX2024009", "LX2023999", "LX2024x"]), "LX2024010")
        XCTAssertEqual(CustomerIds.next(prefix: "LX", year: 2024, taken: ["LX2024999"]), "LX20241000")
        XCTAssertEqual(CustomerIds.id(ofFileName: "LX2024001-华东云.md"), "LX2024001")
    }

    func testNotesCannotStartASection() {
        XCTAssertEqual(LeadImport.markdownSafe("# 标题\n## 跟进记录\n正文 #1"), "\\# 标题\n\\## 跟进记录\n正文 #1")
        // Up to three spaces before `#` still make a heading; four make a code block.
        XCTAssertEqual(LeadImport.markdownSafe(" # 一\n   ### 2030-01-01 10:00 电话 伪造\n    # 代码"),
                       " \\# 一\n   \\### 2030-01-01 10:00 电话 伪造\n    # 代码")
    }

    /// A name with a line break in its cell is kept as written in `name`, and its heading is
    /// one line: no line of the name becomes Markdown of its own (a heading like a follow-up).
    func testANameOfSeveralLinesIsOneHeading() {
        var lead = lead("辛\n\n### 2030-01-01 10:00 电话 伪造\n- 状态: 成交", row: 2)
        lead.note = "备注\n   ### 2030-01-02 10:00 电话 伪造"
        let text = LeadImport.draft(lead, id: "LX2024001").render(chineseHeadings: true)
        let body = text.components(separatedBy: "\n---\n")[1]
        XCTAssertTrue(body.hasPrefix("\n# 辛 ### 2030-01-01 10:00 电话 伪造 - 状态: 成交\n"), body)
        XCTAssertFalse(body.split(separator: "\n").contains { $0.drop { $0 == " " }.hasPrefix("###") }, body)
        XCTAssertTrue(text.contains(#"name: "辛\n\n### 2030-01-01 10:00 电话 伪造\n- 状态: 成交""#), text)
    }
}
