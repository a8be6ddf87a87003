import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Funnel efficiency on four customer files, every figure computed by hand: a customer that
/// skipped a status and won, one lost, one still open, and one whose status changed after the
/// as-of moment.
final class FunnelEfficiencyTests: XCTestCase {
    static let asOf = LocalDateTime("2024-03-25 12:00")!

    /// Won: contacted 03-02 (1 day untouched), qualified 03-05 (3 days contacted), proposal
    /// 03-10 (5 days qualified), won 03-20 (10 days in proposal); negotiation skipped.
    static let won = """
        ---
        id: LX2024001
        name: 甲公司
        industry: 制造业
        employees: 200
        source: referral
        owner: 王五
        intent: B
        created: 2024-03-01 09:00
        status: won
        deal: {amount: 100000, closed: 2024-03-20}
        ---

        ## Follow-ups

        ### 2024-03-02 10:00 phone
        - background: 初次电话

        ### 2024-03-05 10:00 meeting
        - status: qualified

        ### 2024-03-10 10:00 meeting
        - status: proposal

        ### 2024-03-20 15:00 visit
        - status: won
        """

    /// Lost: its first entry already makes it qualified (contacted skipped, 2 days untouched),
    /// lost 03-08 after 5 days qualified.
    static let lost = """
        ---
        id: LX2024002
        name: 乙公司
        industry: 制造业
        employees: 50
        source: referral
        owner: 王五
        intent: B
        created: 2024-03-01 09:00
        status: lost
        lost_reason: 预算取消
        ---

        ## Follow-ups

        ### 2024-03-03 10:00 meeting
        - status: qualified

        ### 2024-03-08 10:00 phone
        - status: lost
        """

    /// Open: contacted 03-06 after 2 days untouched, still contacted.
    static let open = """
        ---
        id: LX2024003
        name: 丙公司
        industry: 零售
        source: exhibition
        owner: 赵六
        intent: B
        created: 2024-03-04 09:00
        status: contacted
        ---

        ## Follow-ups

        ### 2024-03-06 10:00 phone
        - background: 初次电话
        """

    /// Proposal since 03-30, after the as-of moment: then it was contacted (1 day untouched)
    /// and still is.
    static let later = """
        ---
        id: LX2024004
        name: 丁公司
        source: exhibition
        owner: 赵六
        intent: B
        created: 2024-03-01 09:00
        status: proposal
        ---

        ## Follow-ups

        ### 2024-03-02 10:00 phone
        - background: 初次电话

        ### 2024-03-30 10:00 meeting
        - status: proposal
        """

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.language = .en
        configuration.team = [("王五", "华东组"), ("赵六", "华北组")].map { name, group in
            var member = TeamMember(name: name)
            member.group = group
            return member
        }
        var rule = ScreeningCriterion(industry: "制造业")
        rule.minEmployees = 100
        var unused = ScreeningCriterion(industry: "教育")
        unused.minBudget = 50_000
        configuration.screening = [rule, unused]
        return configuration
    }

    func record(_ text: String, asOf: LocalDateTime = asOf) throws -> SummaryRecord {
        let configuration = Self.configuration
        let id = String(text.split(separator: "\n")[1].dropFirst(4))
        let result = CustomerReader.read(path: "customers/\(id).md", bytes: Array(text.utf8), configuration: configuration)
        XCTAssertEqual(result.findings.errorCount, 0, result.findings.diagnostics.map(\.message).joined(separator: "\n"))
        guard case .record(let record) = SummaryRecord.extract(try XCTUnwrap(result.customer), configuration: configuration,
                                                              asOf: asOf) else { throw XCTSkip("no record") }
        return record
    }

    func summary(period: SummaryPeriod = .all) throws -> PipelineSummary {
        let records = try [Self.won, Self.lost, Self.open, Self.later].map { try record($0) }
        return PipelineSummary(records: records, configuration: Self.configuration, period: period, asOf: Self.asOf)
    }

    func testEachCustomersPath() throws {
        let won = try record(Self.won)
        XCTAssertEqual(won.funnel.days, [1, 3, 5, 10, -1])
        XCTAssertNil(won.funnel.lostAt)
        XCTAssertEqual(won.screening, .pass)
        let lost = try record(Self.lost)
        XCTAssertEqual(lost.funnel.days, [2, -1, 5, -1, -1])
        XCTAssertEqual(lost.funnel.lostAt, .qualified)
        XCTAssertEqual(lost.screening, .fail)
        let open = try record(Self.open)
        XCTAssertEqual(open.funnel.days, [2, -1, -1, -1, -1])
        XCTAssertEqual(open.screening, .noRule)
        // As of 03-25 the proposal of 03-30 is not known yet: contacted, and still there.
        let later = try record(Self.later)
        XCTAssertEqual(later.status, .contacted)
        XCTAssertEqual(later.funnel.days, [1, -1, -1, -1, -1])
        XCTAssertEqual(later.screening, .noRule)
        // As of April it left contacted on 03-30 (28 days) for proposal, skipping qualified.
        let april = try record(Self.later, asOf: LocalDateTime("2024-04-01 12:00")!)
        XCTAssertEqual(april.status, .proposal)
        XCTAssertEqual(april.funnel.days, [1, 28, -1, -1, -1])
    }

    func testTheFiguresForAllLeads() throws {
        let all = try summary().funnelEfficiency.all
        XCTAssertEqual(all.leads, 4)
        // Reached: everyone untouched and contacted (the lost one skipped contacted), two
        // qualified, the won one proposal, negotiation (skipped) and won.
        XCTAssertEqual(all.reached, [4, 4, 2, 1, 1, 1])
        XCTAssertEqual((0..<5).map(all.movedOnShare), [Ratio(4, 4), Ratio(2, 4), Ratio(1, 2), Ratio(1, 1), Ratio(1, 1)])
        XCTAssertEqual(all.lostAt, [0, 0, 1, 0, 0])
        // Days untouched 1, 2, 2, 1: median 1.5; contacted only the won one's 3; qualified 5
        // and 5; proposal 10; negotiation never timed.
        XCTAssertEqual(all.days.map(\.count), [4, 1, 2, 1, 0])
        XCTAssertEqual(all.days.map(\.median), [1.5, 3, 5, 10, nil])
    }

    func testTheToolkitsStages() throws {
        let stages = try summary().funnelEfficiency.byStage
        XCTAssertEqual(stages.map(\.stage), [.initialContact, .needsDeepening, .solutionComparison, .negotiation])
        XCTAssertEqual(stages[0].statuses, [.untouched, .contacted])
        XCTAssertEqual(stages.map(\.reached), [4, 2, 1, 1])
        XCTAssertEqual(stages.map(\.movedOn), [2, 1, 1, 1])
        XCTAssertEqual(stages.map(\.lost), [0, 1, 0, 0])
        // Initial contact: the won one 1 + 3 days, the lost one 2 + 0 (contacted skipped);
        // the two still in it are not timed. Negotiation was skipped: not timed.
        XCTAssertEqual(stages.map(\.days.count), [2, 2, 1, 0])
        XCTAssertEqual(stages.map(\.days.median), [3, 5, 10, nil])
    }

    func testCutsBySourceAndOwnerAndScreeningByIndustry() throws {
        let funnel = try summary().funnelEfficiency
        let referral = try XCTUnwrap(funnel.bySource.first { $0.key == .value("referral") })
        XCTAssertEqual(referral.leads, 2)
        XCTAssertEqual(referral.reached, [2, 2, 2, 1, 1, 1])
        XCTAssertEqual(referral.lost, 1)
        // The stages of one source: initial contact 1 + 3 and 2 + 0 days (median 3); the lost one
        // left needs deepening by being lost; negotiation skipped by the won one, not timed.
        XCTAssertEqual(referral.stages.map(\.reached), [2, 2, 1, 1])
        XCTAssertEqual(referral.stages.map(\.movedOn), [2, 1, 1, 1])
        XCTAssertEqual(referral.stages.map(\.lost), [0, 1, 0, 0])
        XCTAssertEqual(referral.stages.map(\.days.median), [3, 5, 10, nil])
        let exhibition = try XCTUnwrap(funnel.bySource.first { $0.key == .value("exhibition") })
        XCTAssertEqual(exhibition.reached, [2, 2, 0, 0, 0, 0])
        XCTAssertEqual(exhibition.days[0].medianTimesTwo, 3)
        XCTAssertEqual(exhibition.stages.map(\.reached), [2, 0, 0, 0])
        XCTAssertEqual(exhibition.stages.map(\.movedOn), [0, 0, 0, 0])
        // Every source of leadbook.yml has a row, as in the other cuts.
        XCTAssertEqual(funnel.bySource.map { $0.key.text! }, Configuration.defaultSources)
        XCTAssertEqual(funnel.byOwner.map(\.key), [.value("王五"), .value("赵六")])
        XCTAssertEqual(funnel.byOwner.map(\.group), ["华东组", "华北组"])
        XCTAssertEqual(funnel.byOwner[0].reached, referral.reached)
        // Industries with a rule first (教育 without leads), then the others, then none.
        XCTAssertEqual(funnel.screeningByIndustry.map(\.key), [.value("制造业"), .value("教育"), .value("零售"), .none])
        XCTAssertEqual(funnel.screeningByIndustry.map { [$0.pass, $0.fail, $0.noRule] }, [[1, 1, 0], [0, 0, 0], [0, 0, 1], [0, 0, 1]])
        XCTAssertEqual(funnel.screeningByIndustry[0].passShare, Ratio(1, 2))
        XCTAssertEqual(funnel.screeningByIndustry.map(\.hasRule), [true, true, false, false])
    }

    /// An industry written with spaces around it (`industry: " 制造业"`, quoted) is the industry
    /// 制造业: one row in "Screening by industry", screened by 制造业's rule.
    func testAnIndustryWithSurroundingSpacesIsOneRow() throws {
        let spaced = Self.lost.replacingOccurrences(of: "id: LX2024002", with: "id: LX2024005")
            .replacingOccurrences(of: "industry: 制造业", with: "industry: \" 制造业\t\"\nregion: \"华东 \"")
            .replacingOccurrences(of: "employees: 50", with: "employees: 500")
        let record = try record(spaced)
        XCTAssertEqual(record.industry, "制造业")
        XCTAssertEqual(record.region, "华东", "regions are grouped the same way")
        XCTAssertEqual(record.screening, .pass)
        let records = try [Self.won, Self.lost, Self.open, Self.later, spaced].map { try self.record($0) }
        let funnel = PipelineSummary(records: records, configuration: Self.configuration, period: .all, asOf: Self.asOf).funnelEfficiency
        XCTAssertEqual(funnel.screeningByIndustry.map(\.key), [.value("制造业"), .value("教育"), .value("零售"), .none])
        XCTAssertEqual(funnel.screeningByIndustry[0].pass, 2)
        XCTAssertEqual(funnel.screeningByIndustry[0].fail, 1)
    }

    func testThePeriodSelectsByCapture() throws {
        // Captured 1 to 3 March: the won, the lost and the later one.
        let funnel = try summary(period: SummaryPeriod(from: LocalDate("2024-03-01"), to: LocalDate("2024-03-03"))).funnelEfficiency
        XCTAssertEqual(funnel.all.leads, 3)
        XCTAssertEqual(funnel.all.reached, [3, 3, 2, 1, 1, 1])
        XCTAssertEqual(funnel.all.days[0].count, 3)
    }

    func testAMoveBackAndAReopenedLostCustomer() {
        let day = { (text: String) in LocalDate(text)! }
        // Proposal on 03-05, back to qualified on 03-08, proposal again on 03-10, still there.
        let back = FunnelPath.trace(created: day("2024-03-01"),
                                    entries: [(day("2024-03-02"), .qualified), (day("2024-03-05"), .proposal),
                                              (day("2024-03-08"), .qualified), (day("2024-03-10"), .proposal)],
                                    status: .proposal, statusDate: day("2024-03-10"))
        // Qualified 3 + 2 days over its two stays; proposal 3 days before it moved back.
        XCTAssertEqual(back.days, [1, -1, 5, 3, -1])
        // Lost on 03-04, reopened on 03-06: not lost at the as-of moment.
        let reopened = FunnelPath.trace(created: day("2024-03-01"),
                                        entries: [(day("2024-03-02"), nil), (day("2024-03-04"), .lost), (day("2024-03-06"), .contacted)],
                                        status: .contacted, statusDate: day("2024-03-06"))
        XCTAssertNil(reopened.lostAt)
        XCTAssertEqual(reopened.days, [1, 2, -1, -1, -1])
        // Lost in the front matter alone: from the log's last status, on the day it closed.
        let written = FunnelPath.trace(created: day("2024-03-01"), entries: [(day("2024-03-02"), .proposal)],
                                       status: .lost, statusDate: day("2024-03-09"))
        XCTAssertEqual(written.lostAt, .proposal)
        XCTAssertEqual(written.days, [1, -1, -1, 7, -1])
    }

    func testMarkdownInEnglishAndChinese() throws {
        let summary = try self.summary()
        let english = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
        XCTAssertTrue(english.contains("### Funnel efficiency\n"), english)
        XCTAssertTrue(english.contains("| status | stage | reached | moved on | moved on, of reached | lost at this status | days there, median | stays timed |"))
        XCTAssertTrue(english.contains("| untouched | initial contact | 4 | 4 | 100.0% | 0 | 1.5 | 4 |"))
        XCTAssertTrue(english.contains("| contacted | initial contact | 4 | 2 | 50.0% | 0 | 3 | 1 |"))
        XCTAssertTrue(english.contains("| qualified | needs deepening | 2 | 1 | 50.0% | 1 | 5 | 2 |"))
        XCTAssertTrue(english.contains("| negotiation | negotiation | 1 | 1 | 100.0% | 0 | - | 0 |"))
        XCTAssertTrue(english.contains("| won | - | 1 | - | - | - | - | - |"))
        XCTAssertTrue(english.contains("| initial contact | untouched, contacted | 4 | 2 | 50.0% | 0 | 3 | 2 |"))
        XCTAssertTrue(english.contains("| negotiation | negotiation | 1 | 1 | 100.0% | 0 | - | 0 |"))
        XCTAssertTrue(english.contains("| source | leads | untouched | contacted | qualified | proposal | negotiation | won | lost |"))
        XCTAssertTrue(english.contains("| referral | 2 | 2 · 100.0% · 1.5 d | 2 · 100.0% · 3 d | 2 · 50.0% · 5 d | 1 · 100.0% · 10 d | 1 · 100.0% · - | 1 | 1 |"),
                      english)
        XCTAssertTrue(english.contains("| exhibition | 2 | 2 · 100.0% · 1.5 d | 2 · 0.0% · - | 0 · - · - | 0 · - · - | 0 · - · - | 0 | 0 |"))
        XCTAssertTrue(english.contains("| 赵六 | 华北组 | 2 | 2 · 100.0% · 1.5 d |"))
        XCTAssertTrue(english.contains("### Stages by source\n"), english)
        XCTAssertTrue(english.contains("| source | leads | initial contact | needs deepening | solution comparison | negotiation |"), english)
        XCTAssertTrue(english.contains("| referral | 2 | 2 · 100.0% · 3 d | 2 · 50.0% · 5 d | 1 · 100.0% · 10 d | 1 · 100.0% · - |"), english)
        XCTAssertTrue(english.contains("| exhibition | 2 | 2 · 0.0% · - | 0 · - · - | 0 · - · - | 0 · - · - |"), english)
        XCTAssertTrue(english.contains("### Stages by owner\n"), english)
        XCTAssertTrue(english.contains("| 王五 | 华东组 | 2 | 2 · 100.0% · 3 d | 2 · 50.0% · 5 d |"), english)
        XCTAssertFalse(english.contains("initial-contact"), english)
        XCTAssertFalse(english.contains("needs-deepening"), english)
        XCTAssertTrue(english.contains("| industry | leads | pass | fail | no rule | passed, of screened |"))
        XCTAssertTrue(english.contains("| 制造业 | 2 | 1 | 1 | 0 | 50.0% |"))
        XCTAssertTrue(english.contains("| 教育 | 0 | 0 | 0 | 0 | - |"))
        XCTAssertTrue(english.contains("| (no industry) | 1 | 0 | 0 | 1 | - |"))

        let chinese = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.zhCN)))
        XCTAssertTrue(chinese.contains("### 漏斗效率\n"), chinese)
        XCTAssertTrue(chinese.contains("| 状态 | 阶段 | 曾到达 | 推进到后续状态 | 推进率 | 在此状态流失 | 停留天数中位数 | 计入天数的客户 |"))
        XCTAssertTrue(chinese.contains("| 未接触 | 初步接洽阶段 | 4 | 4 | 100.0% | 0 | 1.5 | 4 |"))
        XCTAssertTrue(chinese.contains("| 需求明确 | 需求深化阶段 | 2 | 1 | 50.0% | 1 | 5 | 2 |"))
        XCTAssertTrue(chinese.contains("| 初步接洽阶段 | 未接触、初步接洽 | 4 | 2 | 50.0% | 0 | 3 | 2 |"))
        XCTAssertTrue(chinese.contains("| 来源渠道 | 线索 | 未接触 | 初步接洽 | 需求明确 | 方案提交 | 商务谈判 | 成交 | 流失 |"))
        XCTAssertTrue(chinese.contains("| 推荐 | 2 | 2 · 100.0% · 1.5 天 | 2 · 100.0% · 3 天 |"))
        XCTAssertTrue(chinese.contains("| 初步接洽 | 初步接洽阶段 | 4 | 2 |"), chinese)
        XCTAssertFalse(chinese.contains("| 初步接洽 | 初步接洽 |"), chinese)
        XCTAssertTrue(chinese.contains("| 来源渠道 | 线索 | 初步接洽阶段 | 需求深化阶段 | 方案对比阶段 | 商务谈判阶段 |"), chinese)
        XCTAssertTrue(chinese.contains("| 推荐 | 2 | 2 · 100.0% · 3 天 | 2 · 50.0% · 5 天 | 1 · 100.0% · 10 天 | 1 · 100.0% · - |"), chinese)
        XCTAssertTrue(chinese.contains("| 行业 | 线索 | 通过 | 未通过 | 无筛选规则 | 通过率 |"))
        XCTAssertTrue(chinese.contains("| （未填行业） | 1 | 0 | 0 | 1 | - |"))

        let html = SummaryHTML.render(SummaryDocument(summary, text: SummaryText(.zhCN)))
        XCTAssertTrue(html.contains("<h3>漏斗效率</h3>"))
        XCTAssertTrue(html.contains("<tr><td>推荐</td><td class=\"n\">2</td><td class=\"n\">2 · 100.0% · 1.5 天</td>"), html)
    }

    /// The worked example of docs/metrics.md, section 7: 王五's two customers of the sample
    /// workspace as of 2024-06-01 18:00. LX2024001: captured 03-01, qualified at its first
    /// entry the same day, proposal 03-03, negotiation 03-06, won 03-20. LX2024008: captured
    /// 03-25, qualified the same day, proposal 03-28, negotiation 04-08, won 04-18.
    func testTheSampleWorkspace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-funnel-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Transcript.packageRoot.appendingPathComponent("template-workspace"), to: folder)
        let workspace = Workspace.open(root: folder.path)
        let asOf = LocalDateTime("2024-06-01 18:00")!
        let input = SummaryInput.load(workspace, asOf: asOf)
        let summary = PipelineSummary(records: input.records, configuration: workspace.configuration, period: .all, asOf: asOf)
        let wang = try XCTUnwrap(summary.funnelEfficiency.byOwner.first { $0.key == .value("王五") })
        XCTAssertEqual(wang.leads, 2)
        XCTAssertEqual(wang.reached, [2, 2, 2, 2, 2, 2])
        XCTAssertEqual(wang.lost, 0)
        // Untouched 0 and 0 days; contacted skipped by both; qualified 2 and 3; proposal 3 and
        // 11; negotiation 14 and 10.
        XCTAssertEqual(wang.days.map(\.count), [2, 0, 2, 2, 2])
        XCTAssertEqual(wang.days.map(\.median), [0, nil, 2.5, 7, 12])
        let text = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.zhCN)))
        XCTAssertTrue(text.contains("| 王五 | 华东组 | 2 | 2 · 100.0% · 0 天 | 2 · 100.0% · - | 2 · 100.0% · 2.5 天 | 2 · 100.0% · 7 天 | 2 · 100.0% · 12 天 | 2 | 0 |"),
                      text)
    }

    func testJSON() throws {
        let json = SummaryJSON.render(try summary()).rendered()
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let funnel = try XCTUnwrap(decoded["funnel"] as? [String: Any])
        XCTAssertEqual(Set(funnel.keys), ["statuses", "by_stage", "by_source", "by_owner", "screening_by_industry"])
        let byStage = try XCTUnwrap(funnel["by_stage"] as? [[String: Any]])
        XCTAssertEqual(byStage.map { $0["stage"] as? String }, ["initial-contact", "needs-deepening", "solution-comparison", "negotiation"])
        XCTAssertEqual(byStage[0]["statuses"] as? [String], ["untouched", "contacted"])
        XCTAssertEqual(Set(byStage[0].keys), ["stage", "statuses", "reached", "moved_on", "moved_on_share", "lost_at", "days"])
        XCTAssertEqual(byStage.map { $0["lost_at"] as? Int }, [0, 1, 0, 0])
        XCTAssertEqual((byStage[0]["days"] as? [String: Any])?["median"] as? Int, 3)
        let stages = try XCTUnwrap(funnel["statuses"] as? [[String: Any]])
        XCTAssertEqual(stages.map { $0["status"] as? String }, ["untouched", "contacted", "qualified", "proposal", "negotiation", "won"])
        XCTAssertEqual(stages.map { $0["stage"] as? String }, ["initial-contact", "initial-contact", "needs-deepening", "solution-comparison",
                                                               "negotiation", nil])
        XCTAssertEqual(stages.map { $0["reached"] as? Int }, [4, 4, 2, 1, 1, 1])
        XCTAssertEqual(stages.map { $0["moved_on"] as? Int }, [4, 2, 1, 1, 1, nil])
        XCTAssertEqual(stages.map { $0["lost_at"] as? Int }, [0, 0, 1, 0, 0, nil])
        let qualified = stages[2]
        XCTAssertEqual(Set(qualified.keys), ["status", "stage", "reached", "moved_on", "moved_on_share", "lost_at", "days"])
        XCTAssertEqual((qualified["moved_on_share"] as? [String: Any])?["value"] as? Double, 0.5)
        XCTAssertEqual((qualified["days"] as? [String: Any])?["median"] as? Int, 5)
        XCTAssertEqual((stages[0]["days"] as? [String: Any])?["median"] as? Double, 1.5)
        XCTAssertTrue(stages[5]["days"] is NSNull)
        let sources = try XCTUnwrap(funnel["by_source"] as? [[String: Any]])
        XCTAssertEqual(Set(sources[0].keys), ["key", "kind", "leads", "lost", "statuses", "stages"])
        let referral = try XCTUnwrap(sources.first { $0["key"] as? String == "referral" })
        XCTAssertEqual(referral["lost"] as? Int, 1)
        XCTAssertEqual((referral["statuses"] as? [[String: Any]])?.map { $0["reached"] as? Int }, [2, 2, 2, 1, 1, 1])
        // Beside the statuses, the toolkit's stages of the source, shaped as by_stage.
        let referralStages = try XCTUnwrap(referral["stages"] as? [[String: Any]])
        XCTAssertEqual(referralStages.map { $0["stage"] as? String }, ["initial-contact", "needs-deepening", "solution-comparison", "negotiation"])
        XCTAssertEqual(Set(referralStages[0].keys), Set(byStage[0].keys))
        XCTAssertEqual(referralStages.map { $0["reached"] as? Int }, [2, 2, 1, 1])
        XCTAssertEqual(referralStages.map { $0["moved_on"] as? Int }, [2, 1, 1, 1])
        XCTAssertEqual(referralStages.map { $0["lost_at"] as? Int }, [0, 1, 0, 0])
        XCTAssertEqual((referralStages[0]["days"] as? [String: Any])?["median"] as? Int, 3)
        let owners = try XCTUnwrap(funnel["by_owner"] as? [[String: Any]])
        XCTAssertEqual(owners.map { $0["group"] as? String }, ["华东组", "华北组"])
        XCTAssertEqual((owners[1]["stages"] as? [[String: Any]])?.map { $0["reached"] as? Int }, [2, 0, 0, 0])
        let industries = try XCTUnwrap(funnel["screening_by_industry"] as? [[String: Any]])
        XCTAssertEqual(industries.map { $0["key"] as? String }, ["制造业", "教育", "零售", nil])
        XCTAssertEqual(industries.map { $0["kind"] as? String }, ["value", "value", "value", "none"])
        XCTAssertEqual(Set(industries[0].keys), ["key", "kind", "rule", "leads", "pass", "fail", "no_rule", "pass_share"])
        XCTAssertEqual(industries.map { $0["fail"] as? Int }, [1, 0, 0, 0])
        XCTAssertEqual(industries.map { $0["rule"] as? Bool }, [true, true, false, false])
    }
}
