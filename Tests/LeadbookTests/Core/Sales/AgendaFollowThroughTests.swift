import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The agenda's rhythms (`rhythm`), plan time points (`plan`) and stage limits (`stage`) at
/// their boundaries: exactly at the deadline, one minute past, across a week.
final class AgendaFollowThroughTests: XCTestCase {
    func agenda(_ customers: [Customer], asOf: String, days: Int = 0, configuration: Configuration = Configuration()) -> Agenda {
        Agenda(customers, configuration: configuration, asOf: Grading.moment(asOf), days: days)
    }

    func items(_ agenda: Agenda, _ kind: Agenda.Kind) -> [Agenda.Item] { agenda.items.filter { $0.kind == kind } }

    /// An S customer in needs deepening since 2024-03-04, phoned that day.
    func sLead(channels: [Channel] = [.phone]) -> Customer {
        var customer = Grading.customer("LX2024001", intent: .A, created: "2024-03-01 09:00", status: .qualified)
        customer.grade = .S
        customer.owner = "王五"
        customer.assigned = Grading.moment("2024-03-01 09:30")
        customer.followUps = channels.enumerated().map { index, channel in
            var entry = Grading.followUp("2024-03-0\(index + 1)", time: "10:00", status: index == 0 ? .qualified : nil)
            entry.channel = channel
            return entry
        }
        return customer
    }

    // MARK: Rhythm

    func testSWithoutAMeetingIsDueSevenDaysAfterAssignment() throws {
        let customer = sLead(channels: [.phone, .phone, .phone])
        let atDeadline = try XCTUnwrap(items(agenda([customer], asOf: "2024-03-08 23:59"), .rhythm).first)
        XCTAssertEqual(atDeadline.due, Grading.moment("2024-03-08 23:59"))
        XCTAssertFalse(atDeadline.overdue)
        XCTAssertEqual(atDeadline.owner, "王五")
        XCTAssertEqual(atDeadline.detail, "S: no meeting or visit yet (since 2024-03-01), one every 7 days")
        XCTAssertEqual(atDeadline.detailPhrase.zh, "2024-03-01 以来还没有面谈或拜访（S 级每 7 天一次）")
        let past = try XCTUnwrap(items(agenda([customer], asOf: "2024-03-09 00:00"), .rhythm).first)
        XCTAssertTrue(past.overdue)
        XCTAssertEqual(items(agenda([customer], asOf: "2024-03-07 09:00"), .rhythm).count, 0)
        XCTAssertEqual(items(agenda([customer], asOf: "2024-03-07 09:00", days: 1), .rhythm).count, 1)
    }

    func testAVisitKeepsTheRhythmOfS() throws {
        let customer = sLead(channels: [.phone, .visit, .phone])
        let item = try XCTUnwrap(items(agenda([customer], asOf: "2024-03-10 09:00", days: 7), .rhythm).first)
        XCTAssertEqual(item.due, Grading.moment("2024-03-09 23:59"))
        XCTAssertEqual(item.detail, "S: no meeting or visit since 2024-03-02, one every 7 days")
        XCTAssertEqual(item.detailPhrase.zh, "2024-03-02 以来没有面谈或拜访（S 级每 7 天一次）")
    }

    func testAAsksForAnEmailOrCallAndBHasNoRhythm() throws {
        var customer = sLead(channels: [.wechat])
        customer.grade = .A
        let item = try XCTUnwrap(items(agenda([customer], asOf: "2024-03-20 09:00"), .rhythm).first)
        XCTAssertEqual(item.detail, "A: no email or phone yet (since 2024-03-01), one every 7 days")
        customer.grade = .B
        XCTAssertEqual(items(agenda([customer], asOf: "2024-03-20 09:00"), .rhythm).count, 0)
    }

    func testThreeChannelsAreOneList() {
        let rhythm = Rhythm(channels: [.meeting, .visit, .video], days: 7)
        XCTAssertEqual(rhythm.channelsPhrase, Phrase("meeting, visit or video", "面谈、拜访或线上会议"))
        XCTAssertEqual(Rhythm(channels: [.email], days: 7).channelsPhrase, Phrase("email", "邮件"))
    }

    func testClosedCustomersHaveNoRhythm() {
        var customer = sLead()
        customer.status = .lost
        XCTAssertEqual(items(agenda([customer], asOf: "2024-03-20 09:00"), .rhythm).count, 0)
    }

    func testRhythmFromLeadbookYml() throws {
        let (configuration, diagnostics) = RuleFixture.configuration("rhythm:\n  B: {channels: wechat, days: 3}\n")
        RuleAssert.clean(diagnostics)
        XCTAssertNil(configuration.rhythms[.S])
        XCTAssertEqual(configuration.rhythms[.B], Rhythm(channels: [.wechat], days: 3))
        var customer = sLead(channels: [.phone, .wechat])
        XCTAssertEqual(items(agenda([customer], asOf: "2024-03-20 09:00", configuration: configuration), .rhythm).count, 0)
        customer.grade = .B
        let item = try XCTUnwrap(items(agenda([customer], asOf: "2024-03-20 09:00", configuration: configuration), .rhythm).first)
        XCTAssertEqual(item.due, Grading.moment("2024-03-05 23:59"))
    }

    func testRhythmKeysAreChecked() {
        let (_, diagnostics) = RuleFixture.configuration("rhythm:\n  S: {channels: [meeting, 飞鸽], days: 0}\n  A: {days: 7}\n  D: {days: 7}\n")
        XCTAssertEqual(diagnostics.map(\.rule.id).sorted(), ["missing-field", "out-of-range", "unknown-channel", "unknown-field"], RuleFixture.describe(diagnostics))
        let missing = diagnostics.first { $0.rule.id == "missing-field" }
        XCTAssertEqual(missing?.message, "the rhythm of A has no `channels`")
        XCTAssertEqual(missing?.phrase.zh, "A 级的跟进节奏没写 `channels`")
    }

    func testAnEmptyChannelListIsAFindingAtItsLine() throws {
        let (configuration, diagnostics) = RuleFixture.configuration("cadence_days: {S: 1}\nrhythm:\n  S: {channels: [], days: 7}\n  A:\n    channels:\n    days: 7\n")
        XCTAssertEqual(diagnostics.map(\.rule.id), ["missing-field", "missing-field"], RuleFixture.describe(diagnostics))
        let flow = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(flow.line, 3)
        XCTAssertEqual(flow.column, 17)
        XCTAssertEqual(flow.message, "the rhythm of S lists no channel")
        XCTAssertEqual(flow.phrase.zh, "S 级的跟进节奏没列任何渠道")
        XCTAssertTrue(flow.hint.contains("`S: {channels: [meeting, visit], days: 7}`"), flow.hint)
        XCTAssertTrue(flow.hintPhrase.zh.contains("把 S 从 `rhythm:` 里删掉"), flow.hintPhrase.zh)
        XCTAssertEqual(diagnostics[1].line, 5)
        XCTAssertEqual(diagnostics[1].message, "the rhythm of A lists no channel")
        XCTAssertTrue(configuration.rhythms.isEmpty)
    }

    func testLeavingAGradeOutOrAnEmptyRhythmSwitchesRhythmsOff() {
        let (some, someDiagnostics) = RuleFixture.configuration("rhythm:\n  A: {channels: [email, phone], days: 7}\n")
        RuleAssert.clean(someDiagnostics)
        XCTAssertNil(some.rhythms[.S])
        XCTAssertNotNil(some.rhythms[.A])
        XCTAssertNotNil(Configuration().rhythms[.S])
        for text in ["rhythm:\n", "rhythm: {}\n"] {
            let (none, diagnostics) = RuleFixture.configuration(text)
            RuleAssert.clean(diagnostics)
            XCTAssertTrue(none.rhythms.isEmpty, text)
        }
    }

    // MARK: Plan time points

    func step(_ due: String, stage: Stage? = .needsDeepening, owner: String? = nil, goal: String = "确认预算") -> PlanStep {
        var step = PlanStep()
        step.stage = stage
        step.goal = goal
        step.channels = [.meeting]
        step.owner = owner
        if let date = LocalDate(due) { step.due = date } else {
            step.dueText = due
            step.weekly = WeeklyDays(due)
        }
        return step
    }

    func testADatedPointIsDueAtTheEndOfItsDay() throws {
        var customer = sLead()
        customer.plan = [step("2024-03-05")]
        let at = try XCTUnwrap(items(agenda([customer], asOf: "2024-03-05 23:59"), .plan).first)
        XCTAssertEqual(at.due, Grading.moment("2024-03-05 23:59"))
        XCTAssertFalse(at.overdue)
        XCTAssertEqual(at.detail, "确认预算 (needs deepening; meeting)")
        XCTAssertEqual(at.detailPhrase.zh, "确认预算（需求深化；面谈）")
        XCTAssertTrue(try XCTUnwrap(items(agenda([customer], asOf: "2024-03-06 00:00"), .plan).first).overdue)
        XCTAssertEqual(items(agenda([customer], asOf: "2024-03-04 09:00"), .plan).count, 0)
    }

    func testAFollowUpOnOrAfterTheDayKeepsIt() {
        var customer = sLead(channels: [.phone, .phone, .phone, .phone, .meeting])
        customer.plan = [step("2024-03-05")]
        XCTAssertEqual(items(agenda([customer], asOf: "2024-03-06 09:00"), .plan).count, 0)
        customer.plan = [step("2024-03-06")]
        XCTAssertEqual(items(agenda([customer], asOf: "2024-03-07 09:00"), .plan).count, 1)
        // A follow-up dated after the agenda's moment is not known yet.
        customer.plan = [step("2024-03-04")]
        XCTAssertEqual(items(agenda([customer], asOf: "2024-03-03 09:00", days: 3), .plan).count, 1)
    }

    func testAPointOfAStageThatIsPassedIsNotListed() {
        var customer = sLead()
        customer.plan = [step("2024-03-02", stage: .initialContact), step("2024-03-20", stage: .negotiation)]
        let plan = items(agenda([customer], asOf: "2024-03-10 09:00", days: 30), .plan)
        XCTAssertEqual(plan.map(\.due), [Grading.moment("2024-03-20 23:59")])
    }

    func testThePointGoesToItsOwnerWhenInTheTeam() throws {
        var configuration = Configuration()
        configuration.team = [Grading.member("王五", .manager), Grading.member("赵六", .senior)]
        var customer = sLead()
        customer.plan = [step("2024-03-05", owner: "赵六"), step("2024-03-05", owner: "法务部", goal: "审合同")]
        let plan = items(agenda([customer], asOf: "2024-03-05 09:00", configuration: configuration), .plan)
        XCTAssertEqual(Set(plan.map { "\($0.owner ?? "-") \($0.detail.components(separatedBy: " (")[0])" }), ["赵六 确认预算", "王五 审合同"])
    }

    func testAPointForAResponderIsOnTheirAgendaAndAnUnknownNameIsSaid() throws {
        var configuration = Configuration()
        configuration.team = [Grading.member("王五", .manager)]
        configuration.responders = [Responder(name: "法务部")]
        var customer = sLead()
        customer.plan = [step("2024-03-05", owner: "法务部", goal: "审合同"), step("2024-03-05", owner: "技术部", goal: "出方案")]
        let all = agenda([customer], asOf: "2024-03-05 09:00", configuration: configuration)
        let legal = try XCTUnwrap(items(all, .plan).first { $0.owner == "法务部" })
        XCTAssertEqual(legal.detail, "审合同 (needs deepening; meeting)")
        let unknown = try XCTUnwrap(items(all, .plan).first { $0.detail.hasPrefix("出方案") })
        XCTAssertEqual(unknown.owner, "王五")
        XCTAssertEqual(unknown.detail, "出方案 (needs deepening; meeting) (for 技术部: not in the team or responders of leadbook.yml)")
        XCTAssertEqual(unknown.detailPhrase.zh, "出方案（需求深化；面谈）（给 技术部：不在 leadbook.yml 的团队或响应方里）")
        XCTAssertEqual(items(all, .plan).filter { $0.owner == "法务部" }.map(\.detail), ["审合同 (needs deepening; meeting)"])
    }

    func testAPointWithoutAGoalSaysNoEmptyColon() throws {
        var customer = sLead()
        var weekly = step("每周日", stage: .negotiation, goal: "")
        weekly.goal = nil
        customer.plan = [weekly]
        let item = try XCTUnwrap(items(agenda([customer], asOf: "2024-03-10 09:00"), .plan).first)
        XCTAssertEqual(item.detail, "every Sunday (negotiation; meeting)")
        XCTAssertEqual(item.detailPhrase.zh, "每周日（商务谈判；面谈）")
        var bare = PlanStep()
        bare.due = Grading.date("2024-03-05")
        XCTAssertEqual(Wording<Agenda>.planPoint(bare).phrase.en, "plan step")
        bare.channels = [.phone]
        XCTAssertEqual(Wording<Agenda>.planPoint(bare).phrase.zh, "电话")
    }

    func testAFullWidthSpaceAfterAWeekdayIsTrimmed() throws {
        XCTAssertEqual(WeeklyDays("每周一\u{3000}")?.days, WeeklyDays("每周一")?.days)
        XCTAssertNotNil(WeeklyDays("\u{3000}每周一、四\u{3000}"))
        let text = RuleFixture.customer(adding: ["plan:", "  - {stage: needs-deepening, goal: 周会, due: 每周一\u{3000}}"])
        let read = RuleFixture.read(text)
        RuleAssert.clean(read.findings.diagnostics)
        XCTAssertNotNil(try XCTUnwrap(read.customer).plan.first?.weekly)
    }

    func testAnInvalidDateIsShownAsWritten() throws {
        let text = RuleFixture.customer(adding: ["plan:", "  - {stage: needs-deepening, goal: 报价, due: \"2024-3-20\"}"])
        let read = RuleFixture.read(text)
        XCTAssertEqual(read.findings.diagnostics.map(\.rule.id), ["invalid-date"], RuleFixture.describe(read.findings.diagnostics))
        let customer = try XCTUnwrap(read.customer)
        let page = CustomerView.text(customer, path: RuleFixture.path, configuration: Configuration())
        XCTAssertTrue(page.contains("\n  2024-3-20  needs deepening\n"), page)
        let json = CustomerView.json(customer, path: RuleFixture.path, configuration: Configuration()).rendered()
        XCTAssertTrue(json.contains("\"due\": \"2024-3-20\""), json)
        XCTAssertTrue(items(agenda([customer], asOf: "2024-03-20 09:00", days: 30), .plan).isEmpty)
    }

    /// 2024-03-04 and 2024-03-11 are Mondays.
    func testAWeeklyPointAcrossAWeekBoundary() throws {
        var customer = sLead(channels: [.phone])
        customer.plan = [step("每周一")]
        // Sunday: Monday 03-04 came and went without a follow-up.
        let sunday = try XCTUnwrap(items(agenda([customer], asOf: "2024-03-10 09:00"), .plan).first)
        XCTAssertEqual(sunday.due, Grading.moment("2024-03-04 23:59"))
        XCTAssertTrue(sunday.overdue)
        XCTAssertEqual(sunday.detail, "every Monday: 确认预算 (needs deepening; meeting)")
        XCTAssertEqual(sunday.detailPhrase.zh, "每周一：确认预算（需求深化；面谈）")
        // Monday itself: today's, due at the end of the day.
        let monday = try XCTUnwrap(items(agenda([customer], asOf: "2024-03-11 08:00"), .plan).first)
        XCTAssertEqual(monday.due, Grading.moment("2024-03-11 23:59"))
        XCTAssertFalse(monday.overdue)
        // A follow-up on Monday keeps that week's: next Monday.
        customer.followUps.append(Grading.followUp("2024-03-11", time: "10:00"))
        XCTAssertEqual(items(agenda([customer], asOf: "2024-03-11 12:00"), .plan).count, 0)
        XCTAssertEqual(items(agenda([customer], asOf: "2024-03-12 09:00", days: 7), .plan).map(\.due), [Grading.moment("2024-03-18 23:59")])
    }

    func testAWeeklyPointStartsAfterAssignment() throws {
        var customer = sLead(channels: [])
        customer.assigned = Grading.moment("2024-03-06 09:00")
        customer.plan = [step("every Monday")]
        let item = try XCTUnwrap(items(agenda([customer], asOf: "2024-03-07 09:00", days: 7), .plan).first)
        XCTAssertEqual(item.due, Grading.moment("2024-03-11 23:59"))
    }

    // MARK: Stage limits

    func testNeedsDeepeningForSIsSevenDaysFromTheFollowUpThatEnteredIt() throws {
        let customer = sLead(channels: [.phone])
        let at = try XCTUnwrap(items(agenda([customer], asOf: "2024-03-08 23:59"), .stage).first)
        XCTAssertEqual(at.due, Grading.moment("2024-03-08 23:59"))
        XCTAssertFalse(at.overdue)
        XCTAssertEqual(at.detail, "needs deepening at most 7 days for S, since 2024-03-01")
        XCTAssertEqual(at.detailPhrase.zh, "S 级需求深化最多 7 天，2024-03-01 起")
        XCTAssertTrue(try XCTUnwrap(items(agenda([customer], asOf: "2024-03-09 00:00"), .stage).first).overdue)
    }

    /// A B lead `qualified` in the front matter only, its log saying `contacted` on 03-01,
    /// then a follow-up every 8 days up to 04-13: the window does not start again with each.
    func testAStageOnlyInTheFrontMatterCountsFromTheFollowUpAfterTheLastStatus() throws {
        var customer = Grading.customer("LX2024502", intent: .B, created: "2024-03-01 09:00", status: .qualified)
        customer.grade = .B
        customer.owner = "孙八"
        customer.assigned = Grading.moment("2024-03-01 10:00")
        customer.followUps = [Grading.followUp("2024-03-01", time: "11:00", status: .contacted)]
        for day in ["2024-03-09", "2024-03-17", "2024-03-25", "2024-04-02", "2024-04-10", "2024-04-13"] {
            customer.followUps.append(Grading.followUp(day, time: "11:00"))
        }
        let item = try XCTUnwrap(items(agenda([customer], asOf: "2024-04-14 09:00"), .stage).first)
        XCTAssertEqual(item.detail, "needs deepening at most 14 days for B, since 2024-03-09")
        XCTAssertEqual(item.due, Grading.moment("2024-03-23 23:59"))
        XCTAssertTrue(item.overdue)
        // Initial contact was left that day too, not on the last follow-up.
        XCTAssertEqual(TimePolicy(Configuration()).firstStage(customer)?.left, Grading.date("2024-03-09"))
        // Exactly at the deadline, still within; a minute past, over (a log known then).
        customer.followUps = Array(customer.followUps.prefix(3))
        XCTAssertFalse(try XCTUnwrap(items(agenda([customer], asOf: "2024-03-23 23:59"), .stage).first).overdue)
        XCTAssertTrue(try XCTUnwrap(items(agenda([customer], asOf: "2024-03-24 00:00"), .stage).first).overdue)
        // The status entry the last of the log: counted from that entry.
        customer.followUps = [Grading.followUp("2024-03-01", time: "11:00", status: .contacted)]
        XCTAssertEqual(items(agenda([customer], asOf: "2024-03-05 09:00", days: 30), .stage).first?.detail, "needs deepening at most 14 days for B, since 2024-03-01")
        // No `status:` in the log at all: from assignment, not from the last follow-up.
        customer.followUps = ["2024-03-20", "2024-04-13"].map { Grading.followUp($0, time: "11:00") }
        let fromAssignment = try XCTUnwrap(items(agenda([customer], asOf: "2024-04-14 09:00"), .stage).first)
        XCTAssertEqual(fromAssignment.detail, "needs deepening at most 14 days for B, since 2024-03-01")
        XCTAssertTrue(fromAssignment.overdue)
        customer.assigned = nil
        customer.created = nil
        XCTAssertEqual(items(agenda([customer], asOf: "2024-04-14 09:00"), .stage).first?.detail, "needs deepening at most 14 days for B, since 2024-03-20")
    }

    func testLaterStagesByGradeFromLeadbookYml() throws {
        let (configuration, diagnostics) = RuleFixture.configuration("""
            first_stage_days: {S: 2}
            stage_days:
              initial-contact: {S: 4}
              solution-comparison: {B: 30}
              nurture: {C: 3}
            """)
        XCTAssertEqual(diagnostics.map(\.rule.id), ["unknown-field"], RuleFixture.describe(diagnostics))
        XCTAssertEqual(diagnostics.first?.hint, "the keys of `stage_days` are the stages: initial-contact, needs-deepening, solution-comparison, negotiation (nurture has no limit and no count)")
        XCTAssertEqual(diagnostics.first?.hintPhrase.zh, "`stage_days` 的键是各个阶段：initial-contact、needs-deepening、solution-comparison、negotiation（培育阶段没有时限，也不计跟进次数）")
        XCTAssertEqual(configuration.firstStageDays[.S], 4)
        XCTAssertEqual(configuration.stageDays(.solutionComparison, .B), 30)
        XCTAssertEqual(configuration.stageDays(.solutionComparison, .A), 10)
        XCTAssertNil(configuration.stageDays(.nurture, .C))
        var customer = sLead()
        customer.grade = .B
        customer.status = .proposal
        customer.followUps.append(Grading.followUp("2024-03-05", time: "10:00", status: .proposal))
        let item = try XCTUnwrap(items(agenda([customer], asOf: "2024-04-04 09:00", configuration: configuration), .stage).first)
        XCTAssertEqual(item.due, Grading.moment("2024-04-04 23:59"))
        XCTAssertEqual(item.detail, "solution comparison at most 30 days for B, since 2024-03-05")
    }

    func testAnUnknownStageOfStageFollowUpsListsTheStages() {
        let (_, diagnostics) = RuleFixture.configuration("stage_follow_ups: {nurture: 2, negotiaton: 3}\n")
        XCTAssertEqual(diagnostics.map(\.rule.id), ["unknown-field", "unknown-field"], RuleFixture.describe(diagnostics))
        XCTAssertEqual(diagnostics[0].message, "unknown key `nurture` in `stage_follow_ups`")
        XCTAssertFalse(diagnostics[0].hint.contains("extra_fields"), diagnostics[0].hint)
        XCTAssertTrue(diagnostics[0].hint.hasPrefix("the keys of `stage_follow_ups` are the stages: initial-contact"), diagnostics[0].hint)
        XCTAssertEqual(diagnostics[1].hint, "did you mean `negotiation`?")
    }

    func testInitialContactStaysAsBefore() throws {
        var customer = Grading.customer("LX2024001", intent: .A, created: "2024-03-01 09:00", status: .contacted)
        customer.grade = .A
        customer.owner = "王五"
        customer.assigned = Grading.moment("2024-03-01 09:30")
        customer.followUps = [Grading.followUp("2024-03-01", time: "10:00")]
        let item = try XCTUnwrap(items(agenda([customer], asOf: "2024-03-06 09:00"), .stage).first)
        XCTAssertEqual(item.detail, "initial contact at most 5 days for A, since 2024-03-01")
        XCTAssertEqual(item.due, Grading.moment("2024-03-06 23:59"))
    }

    /// Four follow-ups in initial contact (the fourth moves it on), then nine in needs deepening.
    func testExplainSaysACountIsOverAndListsTheStagesLeft() {
        var customer = sLead(channels: [])
        customer.grade = .B
        customer.followUps = (1...4).map { Grading.followUp("2024-03-0\($0)", time: "10:00", status: $0 == 4 ? .qualified : nil) }
        customer.followUps += (10...18).map { Grading.followUp("2024-03-\($0)", time: "10:00") }
        func explain(_ language: Language, color: Bool = false) -> String {
            Explanation.text(customer, path: "customers/LX2024001.md", configuration: Configuration(), asOf: Grading.moment("2024-03-19 09:00"),
                             style: ViewStyle(language: language, color: color))
        }
        let en = explain(.en)
        XCTAssertTrue(en.contains("  initial contact: 4 follow-ups before it was left, at most 3: over the maximum\n"), en)
        XCTAssertTrue(en.contains("  9 follow-ups in this stage, at most 4: over the maximum\n"), en)
        let zh = explain(.zhCN)
        XCTAssertTrue(zh.contains("  初步接洽：离开前跟进 4 次，最多 3 次：超过上限\n"), zh)
        XCTAssertTrue(zh.contains("  本阶段已跟进 9 次，最多 4 次：超过上限\n"), zh)
        let painted = explain(.en, color: true)
        XCTAssertTrue(painted.contains(ViewStyle(language: .en, color: true).paint("over the maximum", ViewStyle.lateColor)), painted)
        // Within the most: no word of it; a stage left within its most says so plainly.
        customer.followUps = Array(customer.followUps.prefix(6))
        let within = explain(.en)
        XCTAssertTrue(within.contains("  2 follow-ups in this stage, at most 4\n"), within)
        customer.followUps = [customer.followUps[0], customer.followUps[3]]
        let left = explain(.en)
        XCTAssertTrue(left.contains("  initial contact: 2 follow-ups before it was left, at most 3\n"), left)
        XCTAssertFalse(left.contains("maximum"), left)
        XCTAssertTrue(left.contains("  0 follow-ups in this stage, at most 4\n"), left)
    }

    func testKindsInJSON() {
        var customer = sLead()
        customer.plan = [step("2024-03-05")]
        let json = agenda([customer], asOf: "2024-03-20 09:00").json(team: []).rendered()
        for kind in ["\"rhythm\"", "\"plan\"", "\"stage\""] { XCTAssertTrue(json.contains("\"kind\": " + kind), json) }
        XCTAssertTrue(json.contains("\"due\": \"2024-03-05\""), json)
    }
}
