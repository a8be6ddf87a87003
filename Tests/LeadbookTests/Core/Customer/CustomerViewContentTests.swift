import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `show` prints the plan and what every entry says (the record format's example customer).
final class CustomerViewContentTests: XCTestCase {
    func page(_ language: Language, width: Int = 100) throws -> [String] {
        let customer = try XCTUnwrap(RuleFixture.read(RuleFixture.specExample).customer)
        return CustomerView.text(customer, path: RuleFixture.path, configuration: Configuration(),
                                 style: ViewStyle(language: language, width: width)).components(separatedBy: "\n")
    }

    func block(_ lines: [String], from heading: String, count: Int, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        guard let start = lines.firstIndex(of: heading) else {
            XCTFail("no line \(heading) in\n" + lines.joined(separator: "\n"), file: file, line: line)
            return []
        }
        return Array(lines[start..<min(lines.count, start + count)])
    }

    func testThePlanInEnglish() throws {
        XCTAssertEqual(block(try page(.en), from: "plan (1):", count: 8), [
            "plan (1):",
            "  2024-03-01  initial contact",
            "    goal: 获取采购总监联系方式, 确认决策链",
            "    channels: phone, meeting",
            "    points: 了解服务器宕机影响; 确认采购流程",
            "    expected: 约定3月3日面谈",
            "    fallback: 若采购总监忙, 先对接技术部",
            "",
        ])
    }

    func testThePlanInChinese() throws {
        XCTAssertEqual(block(try page(.zhCN), from: "跟进计划（1 项）：", count: 7), [
            "跟进计划（1 项）：",
            "  2024-03-01  初步接洽",
            "    跟进目标：获取采购总监联系方式, 确认决策链",
            "    跟进方式：电话、面谈",
            "    沟通要点：了解服务器宕机影响; 确认采购流程",
            "    预期成果：约定3月3日面谈",
            "    应急预案：若采购总监忙, 先对接技术部",
        ])
    }

    func testEveryLineOfAFollowUp() throws {
        XCTAssertEqual(block(try page(.en), from: "follow-ups (1):", count: 11), [
            "follow-ups (1):",
            "  2024-03-01 10:30 meeting 张伟(技术总监)  -> qualified",
            "    background: 服务器月均宕机5次",
            "    pain: 影响客户交付",
            "    need: 高稳定性服务器",
            "    value: 降低宕机率90%",
            "    change: 需增加\"数据备份\"功能",
            "    mood: positive",
            "    [ ] 2024-03-03 提交定制方案 @王五",
            "    next: 2024-03-03",
            "",
        ])
        XCTAssertEqual(block(try page(.zhCN), from: "跟进记录（1 条）：", count: 10).dropFirst(2), [
            "    背景：服务器月均宕机5次", "    难点：影响客户交付", "    需求：高稳定性服务器", "    价值：降低宕机率90%",
            "    变化：需增加\"数据备份\"功能", "    情绪：积极", "    [ ] 2024-03-03 提交定制方案 @王五", "    下次跟进：2024-03-03",
        ])
    }

    func testEveryLineOfFeedback() throws {
        XCTAssertEqual(block(try page(.en, width: 140), from: "feedback (1):", count: 9), [
            "feedback (1):",
            "  2024-03-03 meeting product/high 方案缺少\"数据备份\"功能, 担心数据安全  resolved 2024-03-05, confirmed 2024-03-06",
            "    why: 业务扩张后数据量激增",
            "    why: 备份需求凸显",
            "    handling: fix",
            "    plan: 协调技术团队3月5日前提供备份模块方案",
            "    owner: 王五",
            "    due: 2024-03-05",
            "    confirmed: 客户认可",
        ])
        XCTAssertEqual(block(try page(.zhCN), from: "客户反馈（1 条）：", count: 9).dropFirst(2), [
            "    原因：业务扩张后数据量激增", "    原因：备份需求凸显", "    处理方式：立即解决", "    处理方案：协调技术团队3月5日前提供备份模块方案",
            "    负责人：王五", "    完成时限：2024-03-05", "    客户确认：客户认可",
        ])
    }

    /// Free text and unknown keys as written, after the typed lines; the feedback heading
    /// with its time and channel.
    func testLinesLeadbookDoesNotKnowAreShownAsWritten() throws {
        let text = RuleFixture.customer(body: """

            ## Follow-ups

            ### 2024-04-22 email 郑国华
            正式方案和报价已发送。
            - 下次跟进: 2024-04-29
            - 竞品: 海康
            - [ ] 2024-04-25 回访 @王五

            ## Feedback

            ### 2024-05-06 16:00 电话 要求合同增加数据安全条款
            - type: decision
            - priority: high
            - handling: negotiate
            客户法务周五前回复
            - 备注：先发标准保密协议

            """)
        let read = RuleFixture.read(text)
        let customer = try XCTUnwrap(read.customer)
        func page(_ language: Language) -> String {
            CustomerView.text(customer, path: RuleFixture.path, configuration: Configuration(), style: ViewStyle(language: language),
                              source: Array(text.utf8))
        }
        let en = page(.en)
        XCTAssertTrue(en.contains("""
              2024-04-22 email 郑国华
                [ ] 2024-04-25 回访 @王五
                next: 2024-04-29
                正式方案和报价已发送。
                - 竞品: 海康

            """), en)
        XCTAssertTrue(en.contains("""
              2024-05-06 16:00 phone decision/high 要求合同增加数据安全条款
                handling: negotiate
                客户法务周五前回复
                - 备注：先发标准保密协议

            """), en)
        let zh = page(.zhCN)
        XCTAssertTrue(zh.contains("  2024-05-06 16:00 电话 决策/高 要求合同增加数据安全条款\n"), zh)
        XCTAssertTrue(zh.contains("    下次跟进：2024-04-29\n    正式方案和报价已发送。\n    - 竞品: 海康\n"), zh)
        // Without the file's bytes, the typed lines only.
        XCTAssertFalse(CustomerView.text(customer, path: RuleFixture.path, configuration: Configuration()).contains("海康"))
    }

    /// A long line goes on under itself, fitted to the width.
    func testLongLinesAreFitted() throws {
        let lines = try page(.en, width: 40)
        let points = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("    points: ") })
        XCTAssertTrue(lines[points + 1].hasPrefix("        "), lines[points...points + 1].joined(separator: "\n"))
        for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 40, line) }
    }

    func testAWeeklyPointAndItsJSON() throws {
        let text = RuleFixture.customer(adding: ["plan:", "  - {stage: nurture, goal: 分享行业资讯, due: 每周一、四, owner: 孙八}"])
        let customer = try XCTUnwrap(RuleFixture.read(text).customer)
        let en = CustomerView.text(customer, path: RuleFixture.path, configuration: Configuration(), style: ViewStyle(language: .en))
        XCTAssertTrue(en.contains("\n  every Monday and Thursday  nurture  @孙八\n    goal: 分享行业资讯\n"), en)
        XCTAssertFalse(CustomerView.text(customer, path: RuleFixture.path, configuration: Configuration(), style: ViewStyle(language: .en)).contains("initial-contact"))
        let zh = CustomerView.text(customer, path: RuleFixture.path, configuration: Configuration(), style: ViewStyle(language: .zhCN))
        XCTAssertTrue(zh.contains("\n  每周一、周四  培育  @孙八\n"), zh)
        let json = CustomerView.json(customer, path: RuleFixture.path, configuration: Configuration()).rendered()
        XCTAssertTrue(json.contains("\"due\": \"每周一、四\""), json)
        XCTAssertTrue(json.contains("\"weekdays\": [\n        \"monday\",\n        \"thursday\"\n      ]"), json)
    }
}
