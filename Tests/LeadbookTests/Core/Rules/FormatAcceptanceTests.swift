import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Files that are right must read clean: the baseline fixtures, CRLF and BOM files, Chinese
/// section names and keys, block scalars and flow collections. Columns count characters.
final class FormatAcceptanceTests: XCTestCase {
    func testMinimalCustomerIsClean() {
        let result = RuleFixture.read(RuleFixture.head)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.id, "LX2024001")
        XCTAssertEqual(result.customer?.status, .qualified)
    }

    func testSpecExampleIsClean() {
        let result = RuleFixture.read(RuleFixture.specExample)
        RuleAssert.clean(result.findings.diagnostics)
        let customer = result.customer
        XCTAssertEqual(customer?.employees, 500)
        XCTAssertEqual(customer?.contacts.first?.phone, "13800000001")
        XCTAssertEqual(customer?.contacts.first?.role, .decisionMaker)
        XCTAssertEqual(customer?.score?.total, 90)
        XCTAssertEqual(customer?.followUps.count, 1)
        XCTAssertEqual(customer?.followUps.first?.todos.first?.owner, "王五")
        XCTAssertEqual(customer?.feedback.first?.whys, ["业务扩张后数据量激增", "备份需求凸显"])
        XCTAssertEqual(customer?.feedback.first?.confirmation, "客户认可")
    }

    func testSpecExampleWithAPlantedErrorIsNotClean() {
        // The same file with one bad value must fail: the clean test above can fail both ways.
        let text = RuleFixture.specExample.replacingOccurrences(of: "employees: 500", with: "employees: 五百")
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (6, 12), message: ["employees", "五百"])
    }

    // MARK: - Line endings and BOM

    func testCRLFFileIsClean() {
        let text = RuleFixture.specExample.replacingOccurrences(of: "\n", with: "\r\n")
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.layout?.usesCRLF, true)
        XCTAssertEqual(result.customer?.followUps.first?.counterpart, "张伟(技术总监)")
        XCTAssertEqual(result.customer?.feedback.first?.confirmation, "客户认可")
    }

    func testCRLFFileReportsCorrectLinesAndColumns() {
        let text = RuleFixture.customer(adding: ["employees: 五百"], body: """

            ## Follow-ups

            ### 2024-03-01 10:30 phnoe 张伟
            - status: 成交中

            """).replacingOccurrences(of: "\n", with: "\r\n")
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.rules(diagnostics, [("wrong-type", 8, 12), ("unknown-channel", 13, 22), ("unknown-status", 14, 11)])
        // The CR is not part of the shown line.
        XCTAssertEqual(diagnostics.first?.sourceLine, "employees: 五百")
    }

    func testBOMFileIsClean() {
        let result = RuleFixture.read("\u{FEFF}" + RuleFixture.specExample)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.layout?.hasBOM, true)
        XCTAssertEqual(result.customer?.id, "LX2024001")
    }

    func testBOMFileReportsCorrectLinesAndColumns() {
        let text = "\u{FEFF}" + RuleFixture.customer(set: ["id: LX-2024001"], adding: ["employees: 五百"])
        let diagnostics = RuleFixture.diagnostics(text, path: "customers/LX-2024001.md")
        RuleAssert.rules(diagnostics, [("invalid-id", 2, 5), ("wrong-type", 8, 12)])
    }

    func testBOMAndCRLFTogetherAreClean() {
        let text = "\u{FEFF}" + RuleFixture.specExample.replacingOccurrences(of: "\n", with: "\r\n")
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }

    func testBOMBeforeAMissingFrontMatterPointsAtLineOneColumnOne() {
        let diagnostics = RuleFixture.diagnostics("\u{FEFF}# 华东云科技有限公司\n\n联系人: 张伟\n")
        RuleAssert.only(diagnostics, "no-front-matter", at: (1, 1))
    }

    // MARK: - Chinese sections and keys

    func testChineseSectionNamesKeysAndFullWidthColonAreClean() {
        let text = RuleFixture.customer(set: ["status: 成交"], adding: ["deal: {amount: 180000, closed: 2024-03-10}", "next: 2024-03-12"], body: """

            ## 跟进记录

            ### 2024-03-01 10:30 电话 张伟
            - 背景: 服务器月均宕机5次
            - 情绪: 积极
            - 状态：成交
            - 待办: 2024-03-11 发送合同初稿 @王五
            - 下次跟进: 2024-03-12

            ## 客户反馈

            ### 2024-03-03 面谈 方案缺少数据备份功能
            - 类型: 产品
            - 优先级: 高
            - 原因: 业务扩张后数据量激增
            - 处理方式: 立即解决
            - 客户确认: 2024-03-06 客户认可

            """)
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        let entry = result.customer?.followUps.first
        XCTAssertEqual(entry?.channel, .phone)
        XCTAssertEqual(entry?.fact(.background), "服务器月均宕机5次")
        XCTAssertEqual(entry?.mood, .positive)
        XCTAssertEqual(entry?.status, .won)
        XCTAssertEqual(entry?.next, LocalDate("2024-03-12"))
        XCTAssertEqual(entry?.todos.first?.date, LocalDate("2024-03-11"))
        let feedback = result.customer?.feedback.first
        XCTAssertEqual(feedback?.channel, .meeting)
        XCTAssertEqual(feedback?.type, .product)
        XCTAssertEqual(feedback?.priority, .high)
        XCTAssertEqual(feedback?.handling, .fix)
        XCTAssertEqual(feedback?.confirmed, LocalDate("2024-03-06"))
        XCTAssertEqual(result.customer?.status, .won)
    }

    // MARK: - Block scalars and flow collections

    func testBlockScalarsAndFlowMapsAreClean() {
        let text = RuleFixture.customer(adding: [
            "needs: |",
            "  数据安全",
            "  服务器升级",
            "lost_reason: >",
            "  预算削减,",
            "  项目延期",
            "source_detail: {page: 企业解决方案, keywords: [数据安全, 服务器升级]}",
            "score: {size: 25, budget: 25, urgency: 20, decision: 20}",
            "grade: S",
            "contacts:",
            "  - {name: 张伟, title: 技术总监, phone: \"13800000001\", role: decision-maker}",
        ])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.needs, "数据安全\n服务器升级\n")
        XCTAssertEqual(result.customer?.lostReason, "预算削减, 项目延期\n")
        XCTAssertEqual(result.customer?.score?.total, 90)
        XCTAssertEqual(result.customer?.contacts.first?.role, .decisionMaker)
        XCTAssertEqual(result.customer?.sourceDetail.map(\.0), ["page", "keywords"])
    }

    func testLinesAfterABlockScalarKeepTheirNumbers() {
        let text = RuleFixture.customer(adding: [
            "needs: |",        // line 8
            "  数据安全",       // line 9
            "",                // line 10
            "  服务器升级",     // line 11
            "employees: 五百",  // line 12
        ])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (12, 12))
    }

    // MARK: - Columns under Chinese text

    func testColumnCountsCharactersAfterChineseValue() {
        let text = RuleFixture.customer(set: ["status: 成交中"])
        let diagnostic = RuleAssert.only(RuleFixture.diagnostics(text), "unknown-status", at: (7, 9),
                                         message: ["成交中"], hint: ["did you mean `成交`?"])
        XCTAssertEqual(diagnostic?.caretOffset, 8)
        XCTAssertEqual(diagnostic?.sourceLine, "status: 成交中")
    }

    func testColumnCountsCharactersAfterChineseKey() {
        let text = RuleFixture.customer(body: """

            ## 跟进记录

            ### 2024-03-01 电话 张伟
            - 状态：成交中

            """)
        let diagnostic = RuleAssert.only(RuleFixture.diagnostics(text), "unknown-status", at: (13, 6), message: ["成交中"])
        // `- 状态：` is 5 characters but 8 terminal cells wide.
        XCTAssertEqual(diagnostic?.caretOffset, 8)
    }

    func testColumnInAFlowMapAfterChineseText() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - {name: 张伟, role: 老板}"])
        let diagnostic = RuleAssert.only(RuleFixture.diagnostics(text), "unknown-contact-role", at: (9, 22), message: ["老板"])
        XCTAssertEqual(diagnostic?.caretOffset, 23)
    }

    // MARK: - Empty values in the log

    func testEmptyLogValuesAreNotes() {
        let text = RuleFixture.customer(body: "\n## Follow-ups\n\n### 2024-03-01 phone 张伟\n- status:\n- next:\n")
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertNil(result.customer?.followUps.first?.status)
    }
}
