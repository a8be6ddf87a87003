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
                       ["2 confirmation 法务部 23", "4 confirmation 赵六 23", "3 confirmation 法务部 21",
                        "1 confirmation 赵六 2", "3 answer 法务部 1", "1 answer 赵六 1"],
                       "on 04-01 the confirmations of 2, 3 and 4 are still open past their deadlines, listed first")
        XCTAssertEqual(late.map(\.late.step.done), [nil, nil, nil, LocalDate("2024-03-10"), LocalDate("2024-03-08"), LocalDate("2024-03-05")])
        XCTAssertEqual(Set(late.map(\.customer)), ["LX2024016"])
    }

    func testAStepDoneAfterTheAsOfDayIsNotYetKnown() throws {
        let late = try summary(asOf: "2024-03-09 12:00").feedback.late
        XCTAssertEqual(late.map(\.late.number), [1, 3, 1], "the confirmation of 03-10 is not known on 03-09")
        XCTAssertEqual(late.first?.late.step.step, .confirmation)
        XCTAssertNil(late.first?.late.step.done, "on 03-09 it is still to be done, a day past its deadline of 03-08")
        XCTAssertEqual(late.first?.late.step.daysLate, 1)
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
        XCTAssertTrue(SummaryMarkdown.render(SummaryDocument(onTime, text: SummaryText(.en)))
            .contains("Every answer and confirmation came in time, and none is past its deadline."))
    }

    /// Feedback never answered is late too: the template's LX2024002, negotiate due 03-07,
    /// open on 03-20, is 13 days past its deadline. Exactly on the deadline's day it is not
    /// late yet; a handling never decided and a confirmation never made are listed the same way.
    func testStepsStillOpenPastTheirDeadlineAreListed() throws {
        let text = """
            ---
            id: LX2024002
            name: 苏州恒力精密制造有限公司
            source: exhibition
            intent: B
            owner: 赵六
            created: 2024-03-02 10:00
            status: qualified
            ---

            ## Feedback

            ### 2024-03-05 email 竞品A报价低15%，功能类似
            - type: price
            - handling: negotiate
            - due: 2024-03-07

            ### 2024-03-10 phone 交付周期太长
            - type: product

            ### 2024-03-11 phone 报表导出慢
            - type: product
            - handling: fix
            - resolved: 2024-03-12
            """
        let configuration = Configuration()
        let customer = try XCTUnwrap(CustomerReader.read(path: "customers/LX2024002.md", bytes: Array(text.utf8), configuration: configuration, text: false).customer)
        func late(_ asOf: String) throws -> [PipelineSummary.LateFeedback] {
            guard case .record(let record) = SummaryRecord.extract(customer, configuration: configuration, asOf: LocalDateTime(asOf)!) else {
                XCTFail("no record")
                throw CancellationError()
            }
            return PipelineSummary(records: [record], configuration: configuration, period: .all, asOf: LocalDateTime(asOf)!).feedback.late
        }
        XCTAssertEqual(try late("2024-03-07 23:59").count, 0, "on the deadline's day it is not late yet")
        XCTAssertEqual(try late("2024-03-08 00:00").map { "\($0.late.number) \($0.late.step.step.rawValue) \($0.late.step.daysLate)" }, ["1 answer 1"])
        let onThe20th = try late("2024-03-20 09:00")
        XCTAssertEqual(onThe20th.map { "\($0.late.number) \($0.late.step.step.rawValue) \($0.late.step.daysLate)" },
                       ["1 answer 13", "2 handling 9", "3 confirmation 5"])
        XCTAssertTrue(onThe20th.allSatisfy { $0.late.step.done == nil })
        var summary = PipelineSummary(records: [], configuration: configuration, period: .all, asOf: LocalDateTime("2024-03-20 09:00")!)
        summary.feedback.late = onThe20th
        let english = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
        XCTAssertTrue(english.contains("| LX2024002 苏州恒力精密制造有限公司 | 1 | answer | 赵六 | 2024-03-07 | still unanswered, 13 days past the deadline | 13 |"), english)
        XCTAssertTrue(english.contains("| decide handling | 赵六 | 2024-03-11 | no handling yet, 9 days past the deadline | 9 |"), english)
        let chinese = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.zhCN)))
        XCTAssertTrue(chinese.contains("| 答复 | 赵六 | 2024-03-07 | 仍未答复，已超过时限 13 天 | 13 |"), chinese)
        XCTAssertTrue(chinese.contains("| 回访确认 | 赵六 | 2024-03-15 | 仍未回访确认，已超过时限 5 天 | 5 |"), chinese)
        let html = SummaryHTML.render(SummaryDocument(summary, text: SummaryText(.zhCN)))
        XCTAssertTrue(html.contains("仍未答复，已超过时限 13 天"), html)
        let json = SummaryJSON.render(summary).rendered()
        XCTAssertTrue(json.contains("\"done\": null"), json)
        XCTAssertTrue(json.contains("\"step\": \"handling\""), json)
    }
}
