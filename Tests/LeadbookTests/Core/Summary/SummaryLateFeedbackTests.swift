import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Feedback answered or confirmed after its deadline is listed in the summary: who, which
/// customer, how late, in JSON, Markdown and HTML, in both languages.
final class SummaryLateFeedbackTests: XCTestCase {
    /// 1: fix at 03-03 10:00 answered 03-05 (deadline 03-04 10:00: 1 day late), confirmed
    /// 03-10 (by 03-08: 2 days late); 2: negotiate due 03-06 answered that day (on time), by
    /// 法务部; 3: decline (3 days: by 03-07) answered 03-08, by 法务部; 4: fix answered the
    /// next day before the hour: on time.
    static let text = """
        ---
        id: LX2024016
        name: 苏州精工智能装备有限公司
        source: website
        intent: A
        owner: 赵六
        created: 2024-03-01 09:10
        status: qualified
        ---

        ## Feedback

        ### 2024-03-03 10:00 meeting 缺少数据备份功能
        - type: product
        - handling: fix
        - resolved: 2024-03-05
        - confirmed: 2024-03-10 客户认可

        ### 2024-03-04 phone 价格偏高
        - type: price
        - handling: negotiate
        - owner: 法务部
        - due: 2024-03-06
        - resolved: 2024-03-06

        ### 2024-03-04 phone 要求改付款条款
        - type: decision
        - handling: decline
        - owner: 法务部
        - resolved: 2024-03-08

        ### 2024-03-05 09:00 phone 报表导出慢
        - type: product
        - handling: fix
        - resolved: 2024-03-06
        """

    func summary(asOf: String = "2024-04-01 00:00") throws -> PipelineSummary {
        let configuration = Configuration()
        let result = CustomerReader.read(path: "customers/LX2024016.md", bytes: Array(Self.text.utf8), configuration: configuration, text: false)
        XCTAssertEqual(result.findings.errorCount, 0, result.findings.diagnostics.map(\.message).joined(separator: "\n"))
        let customer = try XCTUnwrap(result.customer)
        guard case .record(let record) = SummaryRecord.extract(customer, configuration: configuration, asOf: LocalDateTime(asOf)!) else {
            XCTFail("no record")
            throw CancellationError()
        }
        return PipelineSummary(records: [record], configuration: configuration, period: .all, asOf: LocalDateTime(asOf)!)
    }

    func testTheLateStepsWithWhoAndHowLate() throws {
        let late = try summary().feedback.late
        XCTAssertEqual(late.map { "\($0.late.number) \($0.late.step.step.rawValue) \($0.late.owner ?? "-") \($0.late.step.daysLate)" },
                       ["1 confirmation 赵六 2", "3 answer 法务部 1", "1 answer 赵六 1"])
        XCTAssertEqual(late.map(\.customer), ["LX2024016", "LX2024016", "LX2024016"])
    }

    func testAStepDoneAfterTheAsOfDayIsNotYetKnown() throws {
        let late = try summary(asOf: "2024-03-09 12:00").feedback.late
        XCTAssertEqual(late.map(\.late.number), [3, 1], "the confirmation of 03-10 is not known on 03-09")
    }

    func testTheJSONListsThem() throws {
        let json = SummaryJSON.render(try summary()).rendered()
        XCTAssertTrue(json.contains("\"late\": ["), json)
        XCTAssertTrue(json.contains("""
            "customer": "LX2024016",
            """), json)
        XCTAssertTrue(json.contains("\"step\": \"confirmation\""), json)
        XCTAssertTrue(json.contains("\"owner\": \"法务部\""), json)
        XCTAssertTrue(json.contains("\"due\": \"2024-03-04 10:00\""), "a fix's deadline has its time: \(json)")
        XCTAssertTrue(json.contains("\"due\": \"2024-03-07\""), "a decline's deadline is a date: \(json)")
        XCTAssertTrue(json.contains("\"days_late\": 2"), json)
    }

    func testMarkdownAndHTMLInBothLanguages() throws {
        let summary = try summary()
        let english = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
        XCTAssertTrue(english.contains("### Feedback answered late"), english)
        XCTAssertTrue(english.contains("| LX2024016 苏州精工智能装备有限公司 | 3 | answer | 法务部 | 2024-03-07 | 2024-03-08 | 1 |"), english)
        let chinese = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.zhCN)))
        XCTAssertTrue(chinese.contains("### 逾期答复的客户反馈"), chinese)
        XCTAssertTrue(chinese.contains("| 回访确认 | 赵六 |"), chinese)
        let html = SummaryHTML.render(SummaryDocument(summary, text: SummaryText(.zhCN)))
        XCTAssertTrue(html.contains("逾期答复的客户反馈"), html)
        XCTAssertTrue(html.contains("法务部"), html)
        // With nothing late, the section says so.
        var onTime = summary
        onTime.feedback.late = []
        XCTAssertTrue(SummaryMarkdown.render(SummaryDocument(onTime, text: SummaryText(.en))).contains("Every answer and confirmation came in time."))
    }
}
