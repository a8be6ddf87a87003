import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The process metrics of each row of a cut (owner, team, ...): the workspace's figures over
/// the row's leads, `-` and JSON nulls for a row without them.
final class ProcessByRowTests: XCTestCase {
    static let asOf = LocalDateTime("2024-06-15 12:00")!

    func lead(_ id: String, owner: String?, response: Int? = nil, sla: Bool? = nil, asked: Int = 0, done: Int = 0,
              satisfactions: [Int] = []) -> SummaryRecord {
        var record = SummaryRecord(id: id, name: "客户" + id, created: LocalDateTime("2024-03-01 09:00")!, status: .contacted)
        record.owner = owner
        record.responseMinutes = response
        record.slaMet = sla
        record.cadenceAsked = asked
        record.cadenceDone = done
        record.satisfactions = satisfactions
        return record
    }

    var configuration: Configuration {
        var configuration = Configuration()
        configuration.language = .en
        configuration.team = [("甲", "东"), ("乙", "东"), ("丙", "北")].map { name, group in
            var member = TeamMember(name: name)
            member.group = group
            return member
        }
        return configuration
    }

    var records: [SummaryRecord] {
        [
            lead("1", owner: "甲", response: 30, sla: true, asked: 10, done: 4, satisfactions: [5]),
            lead("2", owner: "甲", response: 90, sla: false, asked: 6, done: 6, satisfactions: [3, 4]),
            lead("3", owner: "乙", response: 61, sla: true, asked: 3, done: 1),
            lead("4", owner: "乙", sla: nil, asked: 0, done: 0),          // never assigned
            lead("5", owner: nil, response: 5, sla: true, asked: 2, done: 2, satisfactions: [2]),
        ]
    }

    func summary() -> PipelineSummary {
        PipelineSummary(records: records, configuration: configuration, period: .all, asOf: Self.asOf)
    }

    func row(_ summary: PipelineSummary, _ cut: PipelineSummary.Cut, _ key: PipelineSummary.Key) throws -> PipelineSummary.ResultRow {
        try XCTUnwrap(summary.cuts.first { $0.cut == cut }?.rows.first { $0.key == key })
    }

    func testEachOwnerAndTeamHasTheFiguresOfItsLeads() throws {
        let summary = summary()
        let a = try row(summary, .owner, .value("甲"))
        XCTAssertEqual(a.response, Distribution([30, 90]))
        XCTAssertEqual(a.sla, Ratio(1, 2))
        XCTAssertEqual(a.planCompletion, Ratio(10, 16))
        XCTAssertEqual(a.satisfaction, Distribution([5, 3, 4]))
        let b = try row(summary, .owner, .value("乙"))
        XCTAssertEqual(b.response, Distribution([61]))
        XCTAssertEqual(b.sla, Ratio(1, 1))
        XCTAssertEqual(b.planCompletion, Ratio(1, 3))
        XCTAssertEqual(b.satisfaction.count, 0)
        let east = try row(summary, .group, .value("东"))
        XCTAssertEqual(east.response, Distribution([30, 90, 61]))
        XCTAssertEqual(east.sla, Ratio(2, 3))
        XCTAssertEqual(east.planCompletion, Ratio(11, 19))
        XCTAssertEqual(east.satisfaction, Distribution([5, 3, 4]))
        let unassigned = try row(summary, .group, .unassigned)
        XCTAssertEqual(unassigned.satisfaction, Distribution([2]))
        // The rows add up to the workspace's figures.
        XCTAssertEqual(summary.total.response, summary.response)
        XCTAssertEqual(summary.total.sla, summary.sla)
        XCTAssertEqual(summary.total.planCompletion, summary.planCompletion)
        XCTAssertEqual(summary.satisfaction, Distribution([5, 3, 4, 2]))
        XCTAssertEqual(summary.total.satisfaction, summary.satisfaction)
    }

    func testAnEmptyRowHasNullFiguresInJSON() throws {
        let json = SummaryJSON.render(summary()).rendered()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let owners = try XCTUnwrap(((object["results"] as? [String: Any])?["by"] as? [String: Any])?["owner"] as? [[String: Any]])
        let c = try XCTUnwrap(owners.first { $0["key"] as? String == "丙" })
        XCTAssertEqual(c["leads"] as? Int, 0)
        let response = try XCTUnwrap(c["response_minutes"] as? [String: Any])
        XCTAssertTrue(response["median"] is NSNull && response["mean"] is NSNull, "\(response)")
        XCTAssertTrue((c["sla_met"] as? [String: Any])?["value"] is NSNull)
        XCTAssertTrue((c["plan_completion"] as? [String: Any])?["value"] is NSNull)
        XCTAssertTrue((c["satisfaction"] as? [String: Any])?["mean"] is NSNull)
        let a = try XCTUnwrap(owners.first { $0["key"] as? String == "甲" })
        XCTAssertEqual((a["sla_met"] as? [String: Any])?["value"] as? Double, 0.5)
        XCTAssertEqual((a["plan_completion"] as? [String: Any])?["numerator"] as? Int, 10)
        XCTAssertEqual((a["satisfaction"] as? [String: Any])?["mean"] as? Double, 4)
        XCTAssertEqual((a["response_minutes"] as? [String: Any])?["median"] as? Double, 60)
    }

    func testTheMarkdownAndHTMLShowTheRowsInBothLanguages() {
        let summary = summary()
        let english = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
        XCTAssertTrue(english.contains("| 甲 | 东 | 2 | 1 h 00 min | 1 h 00 min | 50.0% (1/2) | 62.5% (10/16) | 4.0 (3) |"), english)
        XCTAssertTrue(english.contains("| 丙 | 北 | 0 | - | - | - | - | - |"), english)
        XCTAssertTrue(english.contains("| 东 | 4 | 1 h 01 min | 1 h 00 min | 66.7% (2/3) | 57.9% (11/19) | 4.0 (3) |"), english)
        let chinese = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.zhCN)))
        XCTAssertTrue(chinese.contains("| 负责人 | 团队 | 线索 | 响应时长中位数 | 响应时长平均 | 时限内首次跟进 | 跟进计划完成率 | 满意度（评分数） |"), chinese)
        XCTAssertTrue(chinese.contains("| 甲 | 东 | 2 | 1小时00分钟 | 1小时00分钟 | 50.0% (1/2) | 62.5% (10/16) | 4.0 (3) |"), chinese)
        XCTAssertTrue(chinese.contains("| 客户满意度（1-5）平均值 | 3.5 | 4 条已确认并评分的客户反馈 |"), chinese)
        let html = SummaryHTML.render(SummaryDocument(summary, text: SummaryText(.en)))
        XCTAssertTrue(html.contains("satisfaction (count)"), html)
        XCTAssertTrue(html.contains("62.5% (10/16)"), html)
        XCTAssertTrue(html.contains("4.0 (3)"), html)
    }

    /// A mean satisfaction has one decimal always, a whole one too, so a column lines up.
    func testTheMeanSatisfactionHasOneDecimal() {
        XCTAssertEqual(SummaryText.satisfaction(Distribution([4])), "4.0 (1)")
        XCTAssertEqual(SummaryText.satisfaction(Distribution([5, 4]), count: false), "4.5")
        XCTAssertEqual(SummaryText.satisfaction(Distribution([5, 4, 4])), "4.3 (3)")
        XCTAssertEqual(SummaryText.satisfaction(Distribution([5, 5, 4])), "4.7 (3)")
        XCTAssertEqual(SummaryText.satisfaction(Distribution([])), "-")
    }
}
