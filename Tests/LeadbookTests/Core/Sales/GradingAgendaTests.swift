import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook agenda`: what each rep has to do at a moment.
final class GradingAgendaTests: XCTestCase {
    let asOf = Grading.moment("2024-03-05 09:00")

    func configuration(team: [TeamMember] = []) -> Configuration {
        var configuration = Configuration()
        configuration.team = team
        return configuration
    }

    func agenda(_ customers: [Customer], days: Int = 0, team: [TeamMember] = [], asOf: LocalDateTime? = nil) -> Agenda {
        Agenda(customers, configuration: configuration(team: team), asOf: asOf ?? self.asOf, days: days)
    }

    func items(_ agenda: Agenda, _ kind: Agenda.Kind) -> [Agenda.Item] {
        agenda.items.filter { $0.kind == kind }
    }

    /// A customer that owes nothing at `asOf` (assigned, contacted, past its first stage,
    /// reviewed recently) unless the test changes it.
    func settled(_ id: String = "LX2024001", grade: Grade = .B, owner: String? = "王五") -> Customer {
        var customer = Grading.customer(id, intent: .B, created: "2024-03-04 09:00", status: .qualified)
        customer.grade = grade
        customer.owner = owner
        customer.assigned = Grading.moment("2024-03-04 09:30")
        customer.followUps = [Grading.followUp("2024-03-04", time: "10:00", status: .qualified)]
        return customer
    }

    func testSettledCustomerHasNothingDueToday() {
        XCTAssertEqual(agenda([settled()]).items.map(\.kind), [])
    }

    // MARK: SLA

    func testSLAForUnassignedCustomerHasNoOwner() throws {
        var customer = Grading.customer("LX2024001", intent: .A, created: "2024-03-05 08:00", status: .untouched)
        customer.grade = nil
        let sla = items(agenda([customer]), .sla)
        XCTAssertEqual(sla.count, 1)
        let item = try XCTUnwrap(sla.first)
        XCTAssertNil(item.owner)
        XCTAssertEqual(item.due, Grading.moment("2024-03-05 10:00"))
        XCTAssertFalse(item.overdue)
        XCTAssertTrue(item.detail.contains("assign and first contact"), item.detail)
        XCTAssertTrue(item.detail.contains("2 h"), item.detail)
        XCTAssertEqual(agenda([customer]).byOwner(team: []).map(\.0), [nil])
    }

    func testSLAAssignedWithoutContactGoesToOwner() throws {
        var customer = Grading.customer("LX2024001", intent: .B, created: "2024-03-05 06:00", status: .untouched)
        customer.owner = "王五"
        customer.assigned = Grading.moment("2024-03-05 06:30")
        let item = try XCTUnwrap(items(agenda([customer]), .sla).first)
        XCTAssertEqual(item.owner, "王五")
        XCTAssertEqual(item.due, Grading.moment("2024-03-05 10:00"))
        XCTAssertTrue(item.detail.hasPrefix("first contact within 4 h"), item.detail)
    }

    func testSLAOverdueAndDone() {
        var late = Grading.customer("LX2024001", intent: .A, created: "2024-03-05 06:00", status: .untouched)
        XCTAssertEqual(items(agenda([late]), .sla).map(\.overdue), [true])
        late.owner = "王五"
        late.assigned = Grading.moment("2024-03-05 06:30")
        late.followUps = [Grading.followUp("2024-03-05", time: "07:00")]
        XCTAssertEqual(items(agenda([late]), .sla).count, 0)
    }

    // MARK: Follow-up by cadence

    func testFollowUpByCadence() throws {
        var customer = settled(grade: .A)
        customer.followUps = [Grading.followUp("2024-03-02", time: "10:00", status: .qualified)]
        let item = try XCTUnwrap(items(agenda([customer]), .followUp).first)
        XCTAssertEqual(item.due, TimePolicy.endOfDay(Grading.date("2024-03-04")))
        XCTAssertTrue(item.overdue)
        XCTAssertEqual(item.owner, "王五")
        XCTAssertTrue(item.detail.contains("A every 2 days"), item.detail)
        // B: every 7 days, not due yet.
        customer.grade = .B
        XCTAssertEqual(items(agenda([customer]), .followUp).count, 0)
        XCTAssertEqual(items(agenda([customer], days: 4), .followUp).map(\.due.date), [Grading.date("2024-03-09")])
    }

    func testPlannedNextEarlierThanCadence() throws {
        var customer = settled(grade: .B)
        customer.next = Grading.date("2024-03-05")
        let item = try XCTUnwrap(items(agenda([customer]), .followUp).first)
        XCTAssertEqual(item.due.date, Grading.date("2024-03-05"))
        XCTAssertFalse(item.overdue)
        XCTAssertTrue(item.detail.contains("planned 2024-03-05"), item.detail)
    }

    // MARK: Stage limit

    func testStageLimit() throws {
        var customer = settled(grade: .S)
        customer.status = .contacted
        customer.assigned = Grading.moment("2024-03-01 09:30")
        customer.followUps = [Grading.followUp("2024-03-04", time: "10:00", status: .contacted)]
        let item = try XCTUnwrap(items(agenda([customer]), .stage).first)
        XCTAssertEqual(item.due.date, Grading.date("2024-03-04"))  // S: 3 days from 2024-03-01
        XCTAssertTrue(item.overdue)
        XCTAssertTrue(item.detail.contains("at most 3 days for S"), item.detail)
        // Past initial contact: nothing.
        customer.status = .qualified
        customer.followUps = [Grading.followUp("2024-03-02", time: "10:00", status: .qualified)]
        XCTAssertEqual(items(agenda([customer]), .stage).count, 0)
    }

    // MARK: To-dos

    static let todoFile = Grading.file(replacing: ["intent: B"], adding: ["grade: B", "owner: 李四", "assigned: 2024-03-04 09:30"], body: """

        ## Follow-ups

        ### 2024-03-04 10:00 phone 张伟
        - status: qualified
        - [ ] 2024-03-05 提交定制方案 @王五
        - [x] 2024-03-04 发送资料 @王五
        - todo: 2024-03-05 预约面谈
        - [ ] 2024-03-05 准备报价 @外部顾问
        - 待办: 2024-03-20 回访

        """)

    func testOpenTodosFromFile() throws {
        // 李四 owns a B lead: a junior, as the toolkit (and owner-role) asks.
        let result = Grading.read(Self.todoFile, configuration: configuration(team: [Grading.member("王五", .senior), Grading.member("李四", .junior)]))
        // @外部顾问 is not on the team: the one finding, a warning at the name.
        XCTAssertEqual(result.findings.diagnostics.map { "\($0.line):\($0.column) \($0.rule.id)" }, ["20:24 unknown-responder"],
                       Grading.describe(result.findings.diagnostics))
        let customer = try XCTUnwrap(result.customer)
        XCTAssertEqual(customer.followUps.first?.todos.map(\.done), [false, true, false, false, false])
        let team = [Grading.member("王五", .senior), Grading.member("李四", .junior)]
        let todos = items(agenda([customer], team: team), .todo)
        XCTAssertEqual(todos.map(\.detail), ["提交定制方案", "预约面谈", "准备报价 (for 外部顾问: not in the team or responders of leadbook.yml)"])
        // @王五 is on the team: it is theirs; @外部顾问 is not: the customer's owner gets it, told whom it names.
        XCTAssertEqual(todos.map(\.owner), ["王五", "李四", "李四"])
        XCTAssertTrue(todos.allSatisfy { $0.due == TimePolicy.endOfDay(Grading.date("2024-03-05")) })
        // Within the horizon the later one shows too.
        XCTAssertEqual(items(agenda([customer], days: 15, team: team), .todo).count, 4)
    }

    func testTodoOwnerWithoutTeamFallsBackToCustomerOwner() throws {
        let customer = try XCTUnwrap(Grading.read(Self.todoFile).customer)
        XCTAssertEqual(items(agenda([customer]), .todo).map(\.owner), ["李四", "李四", "李四"])
    }

    func testDoneTodoIsNotListed() {
        var customer = settled()
        customer.followUps[0].todos = [Todo(date: Grading.date("2024-03-01"), text: "已完成", owner: nil, done: true, line: 1)]
        XCTAssertEqual(items(agenda([customer]), .todo).count, 0)
        customer.followUps[0].todos[0].done = false
        XCTAssertEqual(items(agenda([customer]), .todo).map(\.overdue), [true])
    }

    // MARK: Feedback

    func testFeedbackFixAndConfirm() throws {
        var customer = settled()
        customer.feedback = [
            Grading.feedback("2024-03-04", time: "10:00", summary: "缺少备份功能"),
            Grading.feedback("2024-02-28", summary: "价格偏高", handling: .negotiate, resolved: "2024-03-01"),
            Grading.feedback("2024-02-20", summary: "已确认", resolved: "2024-02-21", confirmed: "2024-02-22"),
            Grading.feedback("2024-03-04", time: "08:00", summary: "已解决", resolved: "2024-03-04"),
        ]
        let result = agenda([customer])
        let fix = items(result, .feedback)
        XCTAssertEqual(fix.count, 1)
        XCTAssertEqual(fix.first?.due, Grading.moment("2024-03-05 10:00"))
        XCTAssertEqual(fix.first?.overdue, false)
        XCTAssertTrue(fix.first?.detail.hasPrefix("缺少备份功能") ?? false)
        let confirm = items(result, .confirmation)
        XCTAssertEqual(confirm.map(\.due.date), [Grading.date("2024-03-04")])
        XCTAssertEqual(confirm.first?.overdue, true)
        // The one resolved on 2024-03-04 is confirmed by 2024-03-07: in a 2-day horizon.
        XCTAssertEqual(items(agenda([customer], days: 2), .confirmation).map(\.due.date),
                       [Grading.date("2024-03-04"), Grading.date("2024-03-07")])
    }

    func testDateOnlyFeedbackCountsFromEndOfDay() throws {
        var customer = settled()
        customer.feedback = [Grading.feedback("2024-03-04", summary: "无时间")]
        let item = try XCTUnwrap(items(agenda([customer]), .feedback).first)
        XCTAssertEqual(item.due, Grading.moment("2024-03-05 23:59"))
        XCTAssertFalse(item.overdue)
    }

    func testClosedCustomersOnlyForOpenFeedback() {
        for close in ["won", "lost", "merged"] {
            var customer = Grading.customer("LX2024001", intent: .A, created: "2024-02-01 09:00", status: .contacted)
            customer.grade = .S
            customer.followUps = [Grading.followUp("2024-02-01", time: "09:30",
                                                   todos: [Todo(date: Grading.date("2024-02-02"), text: "x", owner: nil, done: false, line: 1)])]
            customer.next = Grading.date("2024-02-03")
            switch close {
            case "won": customer.status = .won
            case "lost": customer.status = .lost
            default: customer.mergedInto = "LX2024009"
            }
            XCTAssertEqual(agenda([customer]).items.count, 0, close)
            customer.feedback = [Grading.feedback("2024-03-04", time: "12:00")]
            XCTAssertEqual(agenda([customer]).items.map(\.kind), [.feedback], close)
        }
    }

    // MARK: Horizon, order, quadrants

    func testHorizon() {
        var customer = settled()
        customer.next = Grading.date("2024-03-08")
        XCTAssertEqual(items(agenda([customer], days: 0), .followUp).count, 0)
        XCTAssertEqual(items(agenda([customer], days: 2), .followUp).count, 0)
        XCTAssertEqual(items(agenda([customer], days: 3), .followUp).count, 1)
        // The horizon is the end of the last day, whatever the time of asOf.
        XCTAssertEqual(items(agenda([customer], days: 3, asOf: Grading.moment("2024-03-05 00:00")), .followUp).count, 1)
    }

    func testOrdering() {
        var overdueB = settled("LX2024001", grade: .B)
        overdueB.next = Grading.date("2024-03-04")
        var overdueA = settled("LX2024002", grade: .A)
        overdueA.next = Grading.date("2024-03-03")
        var todayC = settled("LX2024003", grade: .C)
        todayC.next = Grading.date("2024-03-05")
        var todayS = settled("LX2024004", grade: .S)
        todayS.followUps = [Grading.followUp("2024-03-05", time: "08:00", status: .qualified)]
        todayS.next = Grading.date("2024-03-05")
        var todayA = settled("LX2024005", grade: .A)
        todayA.next = Grading.date("2024-03-05")
        var tomorrowS = settled("LX2024006", grade: .S)
        tomorrowS.next = Grading.date("2024-03-06")
        tomorrowS.followUps = [Grading.followUp("2024-03-05", time: "08:00", status: .qualified)]
        let result = agenda([todayC, tomorrowS, overdueB, todayA, todayS, overdueA], days: 1)
        let followUps = items(result, .followUp)
        XCTAssertEqual(followUps.map(\.customerId), ["LX2024002", "LX2024001", "LX2024004", "LX2024005", "LX2024003", "LX2024006"])
        XCTAssertEqual(followUps.map(\.overdue), [true, true, false, false, false, false])
        // Across kinds: every overdue item comes before every item not overdue.
        let flags = result.items.map(\.overdue)
        XCTAssertEqual(flags, flags.sorted { $0 && !$1 })
    }

    func testQuadrants() {
        // Important = S or A; urgent = overdue or due within a day of asOf.
        var overdueS = settled("LX2024001", grade: .S)
        overdueS.next = Grading.date("2024-03-04")
        var todayC = settled("LX2024002", grade: .C)
        todayC.next = Grading.date("2024-03-05")
        var laterA = settled("LX2024003", grade: .A)
        laterA.followUps = [Grading.followUp("2024-03-05", time: "08:00", status: .qualified)]
        laterA.next = Grading.date("2024-03-07")
        var laterB = settled("LX2024004", grade: .B)
        laterB.next = Grading.date("2024-03-07")
        var tomorrowEarlyA = settled("LX2024005", grade: .A)
        tomorrowEarlyA.followUps = [Grading.followUp("2024-03-05", time: "08:00", status: .qualified)]
        tomorrowEarlyA.feedback = [Grading.feedback("2024-03-05", time: "09:00")]  // fix due 2024-03-06 09:00, exactly a day
        let result = agenda([overdueS, todayC, laterA, laterB, tomorrowEarlyA], days: 3)
        func quadrant(_ id: String, _ kind: Agenda.Kind = .followUp) -> Agenda.Quadrant? {
            result.items.first { $0.customerId == id && $0.kind == kind }?.quadrant
        }
        XCTAssertEqual(quadrant("LX2024001"), .urgentImportant)
        XCTAssertEqual(quadrant("LX2024002"), .urgent)
        XCTAssertEqual(quadrant("LX2024003"), .important)
        XCTAssertEqual(quadrant("LX2024004"), .neither)
        XCTAssertEqual(quadrant("LX2024005", .feedback), .urgentImportant)
        XCTAssertEqual(result.items.first { $0.customerId == "LX2024001" }?.grade, .S)
    }

    /// To-dos show their quadrant in text and Markdown; text from the files is shown as
    /// written, never as Markdown emphasis, links or HTML.
    func testTodosShowTheirQuadrantAndMarkdownShowsTextAsWritten() {
        var customer = settled("LX2024001", grade: .S)
        customer.name = "星辰*科技* [官网]"
        customer.followUps = [Grading.followUp("2024-03-05", time: "08:00", status: .qualified)]
        customer.followUps[0].todos = [Todo(date: Grading.date("2024-03-05"), text: "发送 _报价_ <b>|方案|</b>", owner: nil, done: false, line: 20)]
        let result = agenda([customer])
        XCTAssertEqual(result.text(team: []), """
            agenda at 2024-03-05 09:00

            王五 - 1 item
              due  2024-03-05  LX2024001  星辰*科技* [官网]  to-do (urgent+important): 发送 _报价_ <b>|方案|</b>

            """)
        XCTAssertEqual(result.markdown(team: []), """
            # Agenda at 2024-03-05 09:00

            ## 王五

            |  | due | customer | what | detail |
            |---|---|---|---|---|
            | due | 2024-03-05 | LX2024001 星辰\\*科技\\* \\[官网\\] | to-do (urgent+important) | 发送 \\_报价\\_ &lt;b&gt;\\|方案\\|&lt;/b&gt; |

            """)
    }

    func testByOwnerGroupsTeamOrderThenOthersThenUnassigned() {
        let team = [Grading.member("赵六", .junior), Grading.member("王五", .senior)]
        var a = settled("LX2024001", owner: "王五")
        a.next = Grading.date("2024-03-05")
        var b = settled("LX2024002", owner: "赵六")
        b.next = Grading.date("2024-03-05")
        var c = settled("LX2024003", owner: "外包")
        c.next = Grading.date("2024-03-05")
        let d = Grading.customer("LX2024004", intent: .A, created: "2024-03-05 08:00", status: .untouched)
        let groups = agenda([a, b, c, d], team: team).byOwner(team: team)
        XCTAssertEqual(groups.map(\.0), ["赵六", "王五", "外包", nil])
    }

    func testItemsFromTheSpecExample() throws {
        // The spec's example, as of 2024-03-04 09:00: the S customer's follow-up (daily cadence
        // from 2024-03-01, planned 2024-03-03) is overdue, and so is the to-do of 2024-03-03.
        let text = Grading.file([
            "id: LX2024001", "name: 华东云科技有限公司", "industry: 互联网", "region: 华东", "source: website", "intent: A",
            "score: {size: 25, budget: 25, urgency: 20, decision: 20}", "grade: S", "owner: 王五",
            "created: 2024-03-01 09:10", "assigned: 2024-03-01 09:40", "status: qualified", "next: 2024-03-03",
        ], body: """

            ## Follow-ups

            ### 2024-03-01 10:30 meeting 张伟(技术总监)
            - status: qualified
            - [ ] 2024-03-03 提交定制方案 @王五
            - next: 2024-03-03

            ## Feedback

            ### 2024-03-03 meeting 方案缺少"数据备份"功能
            - handling: fix
            - resolved: 2024-03-05

            """)
        let read = Grading.read(text)
        XCTAssertEqual(read.findings.diagnostics, [], Grading.describe(read.findings.diagnostics))
        let customer = try XCTUnwrap(read.customer)
        let result = agenda([customer], asOf: Grading.moment("2024-03-04 09:00"))
        // The feedback is resolved on 03-05: on 03-04 it was still to be answered (as known then).
        XCTAssertEqual(result.items.map(\.kind), [.followUp, .todo, .feedback])
        XCTAssertEqual(result.items.map(\.due.date), [Grading.date("2024-03-02"), Grading.date("2024-03-03"), Grading.date("2024-03-04")])
        XCTAssertEqual(result.items.map(\.overdue), [true, true, false])
        XCTAssertTrue(result.items.allSatisfy { $0.quadrant == .urgentImportant && $0.owner == "王五" })
        let resolved = agenda([customer], asOf: Grading.moment("2024-03-05 09:00"))
        XCTAssertFalse(resolved.items.contains { $0.kind == .feedback }, "answered on 03-05")
    }

    // MARK: In both languages

    /// Every kind and quadrant has its Chinese words, and an item's detail is said in both.
    func testEveryKindQuadrantAndDetailIsTranslated() {
        let quadrants: [Agenda.Quadrant] = [.urgentImportant, .important, .urgent, .neither]
        for label in Agenda.Kind.allCases.map(\.label) + quadrants.map(\.label) {
            XCTAssertNotEqual(label.en, label.zh)
            XCTAssertNil(label.zh.range(of: "[A-Za-z]", options: .regularExpression), label.zh)
        }
        XCTAssertEqual(Set(Agenda.Kind.allCases.map(\.label.zh)).count, Agenda.Kind.allCases.count, "one word per kind")
        var customer = settled(grade: .A)
        customer.followUps = [Grading.followUp("2024-03-02", time: "10:00", status: .qualified)]
        let item = try? XCTUnwrap(items(agenda([customer]), .followUp).first)
        XCTAssertEqual(item?.detailPhrase.zh, "上次联系 2024-03-02，A 级每 2 天一次")
        XCTAssertEqual(item?.detailPhrase.en, "last contact 2024-03-02, A every 2 days")
    }

    /// The text agenda in Chinese: the status word, the labels and the details, with the
    /// owner's role by its Chinese name.
    func testTheTextAgendaInChinese() {
        var customer = settled(grade: .A)
        customer.followUps = [Grading.followUp("2024-03-02", time: "10:00", status: .qualified)]
        let team = [Grading.member("王五", .senior)]
        XCTAssertEqual(agenda([customer], team: team).text(team: team, style: ViewStyle(language: .zhCN)), """
            待办日程（截至 2024-03-05 09:00）

            王五（资深销售）：1 项
              已逾期  2024-03-04  LX2024001  客户LX2024001  跟进：上次联系 2024-03-02，A 级每 2 天一次

            """)
        XCTAssertEqual(agenda([], team: team).text(team: team, style: ViewStyle(language: .zhCN)), "截至 2024-03-05 09:00 没有到期的事项\n")
    }
}
