import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Each figure of the summary on small hand-made sets of customers.
final class PipelineSummaryTests: XCTestCase {
    static let asOf = LocalDateTime("2024-06-15 12:00")!

    /// A customer record as the reader would give it.
    func lead(_ id: String, _ created: String, _ status: Status, source: String? = "website", grade: Grade? = nil,
              owner: String? = nil, deal: Int? = nil, closed: String? = nil, cycle: Int? = nil, budget: Int? = nil,
              reached: Int? = nil, lostReason: String? = nil) -> SummaryRecord {
        var record = SummaryRecord(id: id, name: "客户" + id, created: LocalDateTime(created)!, status: status)
        record.source = source
        record.grade = grade
        record.owner = owner
        record.dealCents = deal
        record.closed = closed.flatMap(LocalDate.init)
        record.cycleDays = cycle
        record.budgetCents = budget
        if let reached { record.reached = reached }
        record.lostReason = lostReason ?? (status == .lost ? "" : nil)
        return record
    }

    var team: Configuration {
        var configuration = Configuration()
        configuration.language = .en
        configuration.team = [("甲", "东"), ("乙", "东"), ("丙", "北"), ("丁", nil)].map { name, group in
            var member = TeamMember(name: name)
            member.group = group
            return member
        }
        return configuration
    }

    func summary(_ records: [SummaryRecord], period: SummaryPeriod = .all, cuts: [PipelineSummary.Cut] = PipelineSummary.Cut.defaults,
                 configuration: Configuration? = nil) -> PipelineSummary {
        PipelineSummary(records: records, configuration: configuration ?? team, period: period, asOf: Self.asOf, cuts: cuts)
    }

    func row(_ summary: PipelineSummary, _ cut: PipelineSummary.Cut, _ key: PipelineSummary.Key) -> PipelineSummary.ResultRow? {
        summary.cuts.first { $0.cut == cut }?.rows.first { $0.key == key }
    }

    // MARK: Result metrics

    func testConversionWinRateAverageDealAndCycle() {
        let records = [
            lead("1", "2024-03-01 09:00", .won, deal: 19_800_000, closed: "2024-03-31", cycle: 30),
            lead("2", "2024-03-02 09:00", .won, deal: 15_000_050, closed: "2024-04-15", cycle: 45),
            lead("3", "2024-03-03 09:00", .won, closed: "2024-04-20", cycle: nil),  // no amount, no assigned
            lead("4", "2024-03-04 09:00", .lost),
            lead("5", "2024-03-05 09:00", .proposal),
            lead("6", "2024-03-06 09:00", .untouched),
        ]
        let total = summary(records).total
        XCTAssertEqual(total.leads, 6)
        XCTAssertEqual(total.won, 3)
        XCTAssertEqual(total.lost, 1)
        XCTAssertEqual(total.open, 2)
        XCTAssertEqual(total.conversion, Ratio(3, 6))
        XCTAssertEqual(total.winRate, Ratio(3, 4))
        // Won amount over won customers with an amount: (198,000 + 150,000.50) / 2.
        XCTAssertEqual(total.wonCents, 34_800_050)
        XCTAssertEqual(total.averageDeal, 17_400_025)
        XCTAssertEqual(SummaryText.averageMoney(total.averageDeal), "174,000.25")
        // Cycle over won customers with both dates: median of 30 and 45, mean the same.
        XCTAssertEqual(total.cycle.count, 2)
        XCTAssertEqual(total.cycle.median, 37.5)
        XCTAssertEqual(SummaryText.days(mean: total.cycle), "37.5")
    }

    /// The toolkit's example: trade show 15% vs website 8%.
    func testChannelsAreRankedByConversionExactly() {
        var records: [SummaryRecord] = []
        for index in 0..<20 { records.append(lead("E\(index)", "2024-03-01 09:00", index < 3 ? .won : .contacted, source: "exhibition")) }
        for index in 0..<25 { records.append(lead("W\(index)", "2024-03-01 09:00", index < 2 ? .won : .contacted, source: "website")) }
        // Referral 1 of 3 and partner 2 of 6: the same 33.3%; more leads first.
        for index in 0..<3 { records.append(lead("R\(index)", "2024-03-01 09:00", index < 1 ? .won : .lost, source: "referral")) }
        for index in 0..<6 { records.append(lead("P\(index)", "2024-03-01 09:00", index < 2 ? .won : .lost, source: "partner")) }
        let summary = self.summary(records)
        XCTAssertEqual(summary.channelRanking.map { $0.key.text! }, ["partner", "referral", "exhibition", "website", "social", "cold-call", "other"])
        XCTAssertEqual(summary.channelRanking.map { SummaryText.percent($0.conversion) }, ["33.3%", "33.3%", "15.0%", "8.0%", "-", "-", "-"])
        let markdown = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
        XCTAssertTrue(markdown.contains("| 1 | partner | 6 | 2 | 33.3% |"), markdown)
        XCTAssertTrue(markdown.contains("| 3 | exhibition | 20 | 3 | 15.0% |"))
        XCTAssertTrue(markdown.contains("| - | social | 0 | 0 | - |"))
        XCTAssertTrue(markdown.contains("    bar [33.3, 33.3, 15.0, 8.0]\n"))
    }

    func testEmptyGroupsAreShownAsDash() {
        let summary = self.summary([lead("1", "2024-03-01 09:00", .won, owner: "甲", deal: 100, cycle: 3)])
        // Every source of leadbook.yml and every team member has a row, even without leads.
        let sources = summary.cuts.first { $0.cut == .source }!.rows
        XCTAssertEqual(sources.map { $0.key.text! }, Configuration.defaultSources)
        let social = row(summary, .source, .value("social"))!
        XCTAssertEqual(social.leads, 0)
        XCTAssertEqual(SummaryText.percent(social.conversion), "-")
        XCTAssertEqual(SummaryText.percent(social.winRate), "-")
        XCTAssertEqual(SummaryText.averageMoney(social.averageDeal), "-")
        XCTAssertEqual(SummaryText.days(median: social.cycle), "-")
        XCTAssertEqual(summary.cuts.first { $0.cut == .owner }!.rows.map(\.key), [.value("甲"), .value("乙"), .value("丙"), .value("丁")])
        // Groups in the order of the team; no "(no team)" row when nobody is in one.
        XCTAssertEqual(summary.cuts.first { $0.cut == .group }!.rows.map(\.key), [.value("东"), .value("北")])
        let markdown = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
        XCTAssertTrue(markdown.contains("| social | 0 | 0 | 0 | 0 | - | - | - | - | - | - |"), markdown)
        XCTAssertTrue(markdown.contains("| 乙 | 0 | 0 | 0 | 0 | - | - | - | - | - | - |"))
        XCTAssertTrue(markdown.contains("- B converts better than C: - (a grade without leads)"))
    }

    func testGroupsOfOwnersOutsideTheTeamAndUnassignedLeads() {
        let records = [
            lead("1", "2024-03-01 09:00", .won, owner: "甲"),
            lead("2", "2024-03-01 09:00", .lost, owner: "丁"),        // in the team, no group
            lead("3", "2024-03-01 09:00", .contacted, owner: "外援"),  // not in the team
            lead("4", "2024-03-01 09:00", .untouched),                 // unassigned
        ]
        let summary = self.summary(records, cuts: [.group, .owner, .region])
        XCTAssertEqual(summary.cuts.map(\.cut), [.group, .owner, .region])
        XCTAssertEqual(summary.cuts[0].rows.map(\.key), [.value("东"), .value("北"), .none, .unassigned])
        XCTAssertEqual(row(summary, .group, .none)?.leads, 2)
        XCTAssertEqual(row(summary, .group, .value("北"))?.leads, 0)
        XCTAssertEqual(summary.cuts[1].rows.map(\.key), [.value("甲"), .value("乙"), .value("丙"), .value("丁"), .value("外援"), .unassigned])
        XCTAssertEqual(summary.cuts[2].rows.map(\.key), [.none])
        let text = SummaryText(.en)
        XCTAssertEqual(text.key(.none, .group), "(no team)")
        XCTAssertEqual(text.key(.unassigned, .group), "(unassigned)")
        XCTAssertEqual(SummaryText(.zhCN).key(.none, .grade), "（未分级）")
    }

    // MARK: A period

    func testAPeriodSelectsTheLeadsCapturedInItAndTheirLaterOutcomes() {
        let records = [
            lead("1", "2024-02-29 23:59", .won, deal: 100),
            lead("2", "2024-03-01 00:00", .won, deal: 200, closed: "2024-05-02"),  // won after the period: counts
            lead("3", "2024-03-31 23:59", .lost),
            lead("4", "2024-04-01 00:00", .won, deal: 400),
        ]
        let march = summary(records, period: SummaryPeriod.named("2024-03")!)
        XCTAssertEqual(march.leads, 2)
        XCTAssertEqual(march.total.won, 1)
        XCTAssertEqual(march.total.wonCents, 200)
        XCTAssertEqual(march.total.lost, 1)
    }

    func testAPeriodWithNoLeads() {
        let records = [lead("1", "2024-03-01 09:00", .won, owner: "甲", deal: 100, cycle: 3)]
        let summary = self.summary(records, period: SummaryPeriod.named("2024-01")!)
        XCTAssertEqual(summary.leads, 0)
        XCTAssertEqual(summary.total.conversion, Ratio(0, 0))
        XCTAssertEqual(summary.sla, Ratio(0, 0))
        XCTAssertEqual(summary.planCompletion, Ratio(0, 0))
        XCTAssertEqual(summary.completeness.filled, Ratio(0, 0))
        XCTAssertEqual(summary.response.count, 0)
        XCTAssertEqual(summary.funnel.map(\.now), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertTrue(summary.gradeAccuracy.allSatisfy { $0.holds == nil })
        XCTAssertEqual(summary.feedback.customers, 0)
        XCTAssertTrue(summary.lostReasons.isEmpty)
        // The weeks of January, empty.
        XCTAssertEqual(summary.weeks.first?.start, LocalDate("2024-01-01"))
        XCTAssertEqual(summary.weeks.count, 5)
        XCTAssertTrue(summary.weeks.allSatisfy { $0.captured == 0 && $0.won == 0 })
        for format in ["md", "html", "json"] {
            let output: String
            switch format {
            case "md": output = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
            case "html": output = SummaryHTML.render(SummaryDocument(summary, text: SummaryText(.en)))
            default: output = SummaryJSON.render(summary).rendered()
            }
            XCTAssertFalse(output.contains("nan"), format)
            XCTAssertFalse(output.contains("inf"), format)
        }
        let markdown = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
        XCTAssertTrue(markdown.contains("No leads were captured in this period"))
        XCTAssertTrue(markdown.contains("| all leads | 0 | 0 | 0 | 0 | - | - | - | - | - | - |"), markdown)
        XCTAssertFalse(markdown.contains("```mermaid\nxychart-beta\n    title \"Funnel"), "no chart of nothing")
        let json = SummaryJSON.render(summary).rendered()
        XCTAssertTrue(json.contains("\"conversion\": {\n        \"numerator\": 0,\n        \"denominator\": 0,\n        \"value\": null\n      }"), json)
        // No leads at all, no period: no weeks.
        XCTAssertTrue(self.summary([]).weeks.isEmpty)
    }

    // MARK: Pipeline now

    func testFunnelGradesOwnersAndOpenValue() {
        let records = [
            lead("1", "2024-03-01 09:00", .won, grade: .S, owner: "甲", budget: 50_000_000),
            lead("2", "2024-03-01 09:00", .lost, grade: .A, owner: "甲", budget: 10_000_000, reached: 3),
            lead("3", "2024-03-01 09:00", .proposal, grade: .A, owner: "乙", budget: 20_000_050),
            lead("4", "2024-03-01 09:00", .contacted, owner: "乙"),
            lead("5", "2024-03-01 09:00", .untouched, grade: .C, budget: 100),
        ]
        let summary = self.summary(records)
        XCTAssertEqual(summary.funnel.map(\.now), [1, 1, 0, 1, 0, 1, 1])
        // Reached: all 5; contacted or later 4; qualified or later 3 (the lost one got to proposal).
        XCTAssertEqual(summary.funnel.map(\.reached), [5, 4, 3, 3, 1, 1, nil])
        XCTAssertEqual(summary.open.open, 3)
        XCTAssertEqual(summary.open.openValueCents, 20_000_150)
        XCTAssertEqual(summary.open.openWithoutBudget, 1)
        XCTAssertEqual(summary.byGrade.map(\.key), [.value("S"), .value("A"), .value("B"), .value("C"), .none])
        XCTAssertEqual(summary.byGrade.map(\.customers), [1, 2, 0, 1, 1])
        XCTAssertEqual(summary.byOwner.map(\.key), [.value("甲"), .value("乙"), .value("丙"), .value("丁"), .unassigned])
        XCTAssertEqual(summary.byOwner.map(\.open), [0, 2, 0, 0, 1])
        XCTAssertEqual(summary.byOwner.map(\.group), ["东", "东", "北", nil, nil])
        XCTAssertEqual(summary.byOwner[1].openValueCents, 20_000_050)
    }

    // MARK: Process metrics

    /// The mean response time is rounded to the minute once, from the exact mean JSON shows:
    /// 463.33 minutes is 7 h 43 min in Markdown and HTML (rounding to a half minute first made
    /// it 463.5 and then 7 h 44 min).
    func testTheMeanResponseTimeIsTheSameMinuteInEveryFormat() throws {
        var records = [lead("1", "2024-03-01 09:00", .contacted), lead("2", "2024-03-01 09:00", .contacted),
                       lead("3", "2024-03-01 09:00", .contacted)]
        for (index, minutes) in [463, 463, 464].enumerated() { records[index].responseMinutes = minutes }
        let summary = self.summary(records)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(SummaryJSON.render(summary).rendered().utf8)) as? [String: Any])
        let response = try XCTUnwrap((json["process"] as? [String: Any])?["response_minutes"] as? [String: Any])
        let mean = try XCTUnwrap(response["mean"] as? Double)
        XCTAssertEqual(mean, 1390.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(Int(mean.rounded()), 463)
        for language in [Configuration.Language.en, .zhCN] {
            let document = SummaryDocument(summary, text: SummaryText(language))
            let expected = language == .en ? "7 h 43 min" : "7小时43分钟"
            let label = language == .en ? "response time, mean" : "线索响应时长平均值"
            for output in [SummaryMarkdown.render(document), SummaryHTML.render(document)] {
                let lines = output.components(separatedBy: "\n")
                let row = lines.firstIndex { $0.contains(label) }.map { lines[$0...].prefix(4).joined(separator: "\n") } ?? ""
                XCTAssertTrue(row.contains(expected), "\(language): \(row)")
            }
        }
    }

    func testResponseSLAPlanCompletionAndKeyFields() {
        var records = [lead("1", "2024-03-01 09:00", .won), lead("2", "2024-03-01 09:00", .contacted),
                       lead("3", "2024-03-01 09:00", .untouched), lead("4", "2024-03-01 09:00", .untouched)]
        records[0].responseMinutes = 30
        records[1].responseMinutes = 90
        records[0].slaMet = true
        records[1].slaMet = false
        records[2].slaMet = nil  // still running: not in the share
        records[3].slaMet = false
        // A customer who did more than asked does not make up for another.
        records[0].cadenceAsked = 10; records[0].cadenceDone = 10
        records[1].cadenceAsked = 10; records[1].cadenceDone = 4
        records[0].keyFields = 0b111_1111
        records[1].keyFields = 0b001_1111
        records[2].keyFields = 0b000_0001
        let summary = self.summary(records)
        XCTAssertEqual(summary.response.medianTimesTwo, 120)
        XCTAssertEqual(summary.response.percentile90, 90)
        XCTAssertEqual(summary.sla, Ratio(1, 3))
        XCTAssertEqual(summary.planCompletion, Ratio(14, 20))
        XCTAssertEqual(summary.completeness.filled, Ratio(13, 28))
        XCTAssertEqual(summary.completeness.complete, 1)
        XCTAssertEqual(summary.completeness.mostly, 1)
        XCTAssertEqual(summary.completeness.incomplete, 2)
        XCTAssertEqual(summary.completeness.fields.map(\.filled), [3, 2, 2, 2, 2, 1, 1])
        XCTAssertEqual(summary.completeness.fields.map(\.name), Completeness.keyFields)
    }

    // MARK: The toolkit's checks

    /// "S converts 40% in 30 days": S above A above B.
    func testGradeAccuracy() {
        var records: [SummaryRecord] = []
        for index in 0..<5 { records.append(lead("S\(index)", "2024-03-01 09:00", index < 2 ? .won : .lost, grade: .S, cycle: 30)) }
        for index in 0..<4 { records.append(lead("A\(index)", "2024-03-01 09:00", index < 1 ? .won : .lost, grade: .A, cycle: 45)) }
        for index in 0..<4 { records.append(lead("B\(index)", "2024-03-01 09:00", index < 1 ? .won : .lost, grade: .B)) }
        let summary = self.summary(records)
        XCTAssertEqual(summary.gradeAccuracy.map(\.holds), [true, false, nil])
        XCTAssertEqual(SummaryText.percent(summary.gradeRows[0].conversion), "40.0%")
        XCTAssertEqual(summary.gradeRows[0].cycle.median, 30)
        let markdown = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
        XCTAssertTrue(markdown.contains("- S converts better than A: yes (S 40.0% / A 25.0%)"), markdown)
        XCTAssertTrue(markdown.contains("- A converts better than B: no (A 25.0% / B 25.0%)"))
        XCTAssertTrue(markdown.contains("- B converts better than C: - (a grade without leads)"))
        // The grade check is there even when the results are not cut by grade.
        let bySource = self.summary(records, cuts: [.source])
        XCTAssertEqual(bySource.gradeAccuracy.map(\.holds), [true, false, nil])
        XCTAssertTrue(SummaryMarkdown.render(SummaryDocument(bySource, text: SummaryText(.en))).contains("| S | 5 | 2 | 40.0% | 30 |"))
    }

    /// A team more than 20% below the average of the teams in each of the three months.
    func testTeamsBelowTheAverageThreeMonthsRunning() {
        var configuration = team
        var member = TeamMember(name: "戊")
        member.group = "南"
        configuration.team.append(member)
        var records: [SummaryRecord] = []
        func month(_ month: String, _ owner: String, won: Int, of leads: Int) {
            for index in 0..<leads {
                records.append(lead("\(owner)\(month)\(index)", "2024-\(month)-10 09:00", index < won ? .won : .lost, owner: owner))
            }
        }
        // East 50% every month; North 10%, 20%, 10%; South 30%, 24%, 40%.
        for m in ["03", "04", "05"] { month(m, "甲", won: 5, of: 10) }
        month("03", "丙", won: 1, of: 10); month("04", "丙", won: 2, of: 10); month("05", "丙", won: 1, of: 10)
        month("03", "戊", won: 3, of: 10); month("04", "戊", won: 6, of: 25); month("05", "戊", won: 4, of: 10)
        // A June lead does not count: the months are March, April and May.
        month("06", "丙", won: 1, of: 1)
        let summary = self.summary(records, configuration: configuration)
        let check = summary.teams
        XCTAssertEqual(check.months.map(\.description), ["2024-03", "2024-04", "2024-05"])
        XCTAssertEqual(check.rows.map(\.group), ["东", "北", "南"])
        // Averages: (50+10+30)/3 = 30%, (50+20+24)/3 = 31.3%, (50+10+40)/3 = 33.3%.
        XCTAssertEqual(check.averages.map { $0.tenthsOfPercent! }, [300, 313, 333])
        XCTAssertEqual(check.rows[1].below, [true, true, true])
        XCTAssertTrue(check.rows[1].flagged)
        // South: 30% against a 24% line (not below), 24% against 25.07% (below), 40% (not below).
        XCTAssertEqual(check.rows[2].below, [false, true, false])
        XCTAssertFalse(check.rows[2].flagged)
        XCTAssertFalse(check.rows[0].flagged)
        let markdown = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
        XCTAssertTrue(markdown.contains("| 北 | 10.0% (1/10) ▼ | 20.0% (2/10) ▼ | 10.0% (1/10) ▼ | yes |"), markdown)
        XCTAssertTrue(markdown.contains("| average of the teams | 30.0% | 31.3% | 33.3% |  |"))
        XCTAssertTrue(markdown.contains("Flagged: 北."))

        // A month without leads for a team: it cannot be below that month, so it is not flagged.
        let withoutMay = records.filter { !($0.owner == "丙" && $0.created.date.month == 5) }
        let gap = self.summary(withoutMay, configuration: configuration).teams
        XCTAssertEqual(gap.rows[1].below, [true, true, nil])
        XCTAssertFalse(gap.rows[1].flagged)
    }

    /// leadbook.yml `team_check: {below_percent: 50, months: 2}`.
    func testTheTeamChecksNumbersComeFromLeadbookYml() {
        let (read, diagnostics) = RuleFixture.configuration("""
            team_check: {below_percent: 50, months: 2}
            team:
              - {name: 甲, role: manager, group: 东}
              - {name: 丙, role: manager, group: 北}
            """)
        XCTAssertEqual(diagnostics.count, 0, RuleFixture.describe(diagnostics))
        XCTAssertEqual(read.teamCheckPercent, 50)
        XCTAssertEqual(read.teamCheckMonths, 2)
        var records: [SummaryRecord] = []
        for (month, eastWon, northWon) in [("04", 5, 2), ("05", 5, 1)] {
            for index in 0..<10 {
                records.append(lead("E\(month)\(index)", "2024-\(month)-10 09:00", index < eastWon ? .won : .lost, owner: "甲"))
                records.append(lead("N\(month)\(index)", "2024-\(month)-10 09:00", index < northWon ? .won : .lost, owner: "丙"))
            }
        }
        var configuration = read
        configuration.language = .en
        let check = summary(records, configuration: configuration).teams
        XCTAssertEqual(check.months.map(\.description), ["2024-04", "2024-05"])
        // April: mean 35%, half of it 17.5%: North's 20% is not below. May: mean 30%, line 15%: 10% is.
        XCTAssertEqual(check.rows[1].below, [false, true])
        XCTAssertFalse(check.rows[1].flagged)
        let markdown = SummaryMarkdown.render(SummaryDocument(summary(records, configuration: configuration), text: SummaryText(.en)))
        XCTAssertTrue(markdown.contains("### Teams more than 50% below the average"), markdown)
        XCTAssertTrue(markdown.contains("below 50% of the average of the teams (▼) in each of the 2 months"))

        let (_, bad) = RuleFixture.configuration("team_check: {below_percent: 120, months: 0, weeks: 2}\n")
        XCTAssertEqual(bad.map(\.rule.id), ["out-of-range", "out-of-range", "unknown-field"], RuleFixture.describe(bad))
    }

    func testTeamsWithoutGroups() {
        var configuration = Configuration()
        configuration.language = .en
        configuration.team = [TeamMember(name: "甲")]
        let summary = self.summary([lead("1", "2024-03-01 09:00", .won, owner: "甲")], configuration: configuration)
        XCTAssertTrue(summary.teams.rows.isEmpty)
        XCTAssertTrue(SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en))).contains("No teams: leadbook.yml gives no group"))
    }

    /// "80% of customers say the price is high."
    func testFeedbackByTypeAndLostReasons() {
        var records = (0..<5).map { lead("\($0)", "2024-03-01 09:00", .lost, lostReason: $0 < 3 ? "价格太高" : ($0 == 3 ? "预算取消" : "")) }
        for index in 0..<4 { records[index].feedback.counts[.price] = index == 0 ? 3 : 1 }
        records[0].feedback.counts[.product] = 1
        records[4].feedback.untyped = 2
        let summary = self.summary(records)
        XCTAssertEqual(summary.feedback.customers, 5)
        XCTAssertEqual(summary.feedback.entries, 9)
        // Ranked by customers, then by entries: the untyped entries (2) before product (1).
        XCTAssertEqual(summary.feedback.rows.map(\.type), [.price, nil, .product, .service, .decision])
        XCTAssertEqual(summary.feedback.rows.map(\.customers), [4, 1, 1, 0, 0])
        XCTAssertEqual(summary.feedback.rows.map(\.entries), [6, 2, 1, 0, 0])
        XCTAssertEqual(SummaryText.percent(Ratio(summary.feedback.rows[0].customers, summary.feedback.customers)), "80.0%")
        XCTAssertEqual(summary.lostReasons.map(\.reason), ["价格太高", "预算取消", ""])
        XCTAssertEqual(summary.lostReasons.map(\.customers), [3, 1, 1])
        let markdown = SummaryMarkdown.render(SummaryDocument(summary, text: SummaryText(.en)))
        XCTAssertTrue(markdown.contains("| price | 4 | 80.0% | 6 |"), markdown)
        XCTAssertTrue(markdown.contains("| (no type) | 1 | 20.0% | 2 |"))
        XCTAssertTrue(markdown.contains("| (no reason written) | 1 | 20.0% |"))
        XCTAssertTrue(markdown.contains("| 价格太高 | 3 | 60.0% |"))
    }

    // MARK: Trend

    func testWeeksRunMondayToSunday() {
        let records = [
            lead("1", "2024-03-03 23:59", .won, closed: "2024-03-04"),   // a Sunday; won the Monday after
            lead("2", "2024-03-04 00:00", .contacted),                    // a Monday
            lead("3", "2024-03-20 10:00", .won, closed: "2024-04-02"),
        ]
        let weeks = summary(records).weeks
        XCTAssertEqual(weeks.map(\.start.description), ["2024-02-26", "2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25", "2024-04-01"])
        XCTAssertEqual(weeks.map(\.captured), [1, 1, 0, 1, 0, 0])
        XCTAssertEqual(weeks.map(\.won), [0, 1, 0, 0, 0, 1])
        // A period's weeks stop at the as-of's week and keep the latest 26.
        let year = summary(records, period: SummaryPeriod(from: LocalDate("2023-01-01"), to: LocalDate("2024-12-31"))).weeks
        XCTAssertEqual(year.count, PipelineSummary.maxWeeks)
        XCTAssertEqual(year.last?.start, LocalDate("2024-06-10"))
    }
}
