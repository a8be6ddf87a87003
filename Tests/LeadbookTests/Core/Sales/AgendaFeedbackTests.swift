import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The feedback loop and to-dos between people on the agenda (Sales/AgendaFeedback.swift):
/// a deadline for every handling, a handling to decide, the confirmation, responders and
/// requesters.
final class AgendaFeedbackTests: XCTestCase {
    func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.team = [Grading.member("王五", .manager), Grading.member("赵六", .senior)]
        configuration.responders = [Responder(name: "法务部", team: "法务", role: "合同审核"), Responder(name: "技术总监")]
        return configuration
    }

    /// A customer owned by 王五 that owes nothing but what the test adds.
    func customer(feedback: [FeedbackEntry] = [], todos: [Todo] = []) -> Customer {
        var customer = Grading.customer("LX2024016", intent: .B, created: "2024-03-01 09:00", status: .qualified)
        customer.grade = .B
        customer.owner = "王五"
        customer.assigned = Grading.moment("2024-03-01 09:30")
        customer.followUps = [Grading.followUp("2024-03-04", time: "10:00", status: .qualified, todos: todos)]
        customer.feedback = feedback
        return customer
    }

    func items(_ customer: Customer, at moment: String, days: Int = 0, configuration: Configuration? = nil) -> [Agenda.Item] {
        Agenda([customer], configuration: configuration ?? self.configuration(), asOf: Grading.moment(moment), days: days).items
            .filter { $0.kind == .feedback || $0.kind == .confirmation || $0.kind == .todo }
    }

    func feedback(_ date: String, time: String? = nil, handling: Handling?, due: String? = nil, owner: String? = nil,
                  resolved: String? = nil, confirmed: String? = nil) -> FeedbackEntry {
        var entry = Grading.feedback(date, time: time, summary: "价格偏高", handling: handling, resolved: resolved, confirmed: confirmed)
        entry.due = due.map { Grading.date($0) }
        entry.owner = owner
        return entry
    }

    // MARK: fix: the deadline in hours

    func testFixExactlyAtTheDeadlineIsDueAndOneMinuteLaterOverdue() throws {
        let customer = customer(feedback: [feedback("2024-03-04", time: "10:00", handling: .fix)])
        let atDeadline = try XCTUnwrap(items(customer, at: "2024-03-05 10:00").first)
        XCTAssertEqual(atDeadline.kind, .feedback)
        XCTAssertEqual(atDeadline.due, Grading.moment("2024-03-05 10:00"))
        XCTAssertFalse(atDeadline.overdue)
        XCTAssertEqual(Agenda.dueText(atDeadline), "2024-03-05 10:00", "a deadline with a time shows it")
        XCTAssertTrue(try XCTUnwrap(items(customer, at: "2024-03-05 10:01").first).overdue)
    }

    // MARK: negotiate and decline: a date

    func testNegotiateByItsDueDate() throws {
        let customer = customer(feedback: [feedback("2024-03-01", handling: .negotiate, due: "2024-03-07")])
        let item = try XCTUnwrap(items(customer, at: "2024-03-07 23:59").first)
        XCTAssertEqual(item.kind, .feedback)
        XCTAssertEqual(Agenda.dueText(item), "2024-03-07", "a date deadline is shown as a date")
        XCTAssertFalse(item.overdue)
        XCTAssertTrue(item.detail.contains("offer an alternative by 2024-03-07 (due)"), item.detail)
        XCTAssertTrue(item.detailPhrase.zh.hasSuffix("（协商替代方案，完成时限 2024-03-07）"), item.detailPhrase.zh)
        XCTAssertEqual(item.step, .answer)
        XCTAssertEqual(Agenda.what(item).zh, "答复反馈")
        // The case: due 03-07, still open on 03-10.
        XCTAssertTrue(try XCTUnwrap(items(customer, at: "2024-03-10 09:00").first).overdue)
        XCTAssertTrue(try XCTUnwrap(items(customer, at: "2024-03-08 00:00").first).overdue, "one minute past the day")
    }

    func testNegotiateWithoutDueTakesTheDefaultDays() throws {
        var configuration = configuration()
        configuration.feedbackNegotiateDays = 5
        let customer = customer(feedback: [feedback("2024-03-01", handling: .negotiate)])
        let item = try XCTUnwrap(items(customer, at: "2024-03-06 12:00", configuration: configuration).first)
        XCTAssertEqual(item.due, TimePolicy.endOfDay(Grading.date("2024-03-06")))
        XCTAssertFalse(item.overdue)
        XCTAssertTrue(item.detail.contains("within 5 days of 2024-03-01"), item.detail)
        XCTAssertTrue(try XCTUnwrap(items(customer, at: "2024-03-07 00:00", configuration: configuration).first).overdue)
        // The default of leadbook.yml: 7 days.
        XCTAssertEqual(items(customer, at: "2024-03-06 12:00").first.map(\.due), nil, "not yet within the horizon")
        XCTAssertEqual(items(customer, at: "2024-03-06 12:00", days: 2).first?.due, TimePolicy.endOfDay(Grading.date("2024-03-08")))
    }

    func testDeclineByDefaultAndByDue() throws {
        let byDefault = customer(feedback: [feedback("2024-03-01", handling: .decline)])
        XCTAssertEqual(items(byDefault, at: "2024-03-04 09:00").first?.due, TimePolicy.endOfDay(Grading.date("2024-03-04")))
        XCTAssertTrue(try XCTUnwrap(items(byDefault, at: "2024-03-04 09:00").first).detail.contains("tell the customer honestly"))
        let byDue = customer(feedback: [feedback("2024-03-01", handling: .decline, due: "2024-03-02")])
        XCTAssertTrue(try XCTUnwrap(items(byDue, at: "2024-03-04 09:00").first).overdue)
    }

    func testAnsweredFeedbackLeavesOnlyTheConfirmation() throws {
        let customer = customer(feedback: [feedback("2024-03-01", handling: .negotiate, resolved: "2024-03-02")])
        let item = try XCTUnwrap(items(customer, at: "2024-03-05 23:59").first)
        XCTAssertEqual(item.kind, .confirmation)
        XCTAssertEqual(item.due, TimePolicy.endOfDay(Grading.date("2024-03-05")))
        XCTAssertFalse(item.overdue)
        XCTAssertTrue(try XCTUnwrap(items(customer, at: "2024-03-06 00:00").first).overdue)
        let confirmed = self.customer(feedback: [feedback("2024-03-01", handling: .negotiate, resolved: "2024-03-02", confirmed: "2024-03-03")])
        XCTAssertTrue(items(confirmed, at: "2024-03-20 09:00").isEmpty)
    }

    // MARK: no handling yet

    func testNoHandlingIsAHandlingToDecideWithinTheConfiguredDays() throws {
        let customer = customer(feedback: [feedback("2024-03-04", handling: nil)])
        // Default: one day, the end of 03-05.
        let before = try XCTUnwrap(items(customer, at: "2024-03-05 23:59").first)
        XCTAssertEqual(before.kind, .feedback)
        XCTAssertFalse(before.overdue)
        XCTAssertTrue(before.detail.contains("decide the handling (fix, negotiate or decline) within 1 day of 2024-03-04"), before.detail)
        XCTAssertTrue(before.detailPhrase.zh.contains("2024-03-04 起 1 天内定下处理方式"), before.detailPhrase.zh)
        XCTAssertTrue(try XCTUnwrap(items(customer, at: "2024-03-06 00:00").first).overdue)
        var configuration = configuration()
        configuration.feedbackHandlingDays = 3
        XCTAssertEqual(items(customer, at: "2024-03-06 00:00", configuration: configuration).count, 0, "due 03-07: past the horizon")
        XCTAssertFalse(try XCTUnwrap(items(customer, at: "2024-03-07 23:59", configuration: configuration).first).overdue)
        XCTAssertTrue(try XCTUnwrap(items(customer, at: "2024-03-08 00:00", configuration: configuration).first).overdue)
    }

    // MARK: owners: members and responders

    func testFeedbackGoesToItsOwnerAResponderOrAMember() throws {
        let customer = customer(feedback: [feedback("2024-03-01", handling: .negotiate, due: "2024-03-04", owner: "法务部"),
                                           feedback("2024-03-01", handling: .decline, due: "2024-03-04", owner: "赵六")])
        XCTAssertEqual(items(customer, at: "2024-03-05 09:00").compactMap(\.owner).sorted(), ["法务部", "赵六"])
    }

    func testFeedbackOfAnUnknownOwnerStaysWithTheCustomersOwnerAndNamesThem() throws {
        let customer = customer(feedback: [feedback("2024-03-01", handling: .negotiate, due: "2024-03-04", owner: "法务")])
        let item = try XCTUnwrap(items(customer, at: "2024-03-05 09:00").first)
        XCTAssertEqual(item.owner, "王五")
        XCTAssertTrue(item.detail.hasSuffix(", with 法务"), item.detail)
        // Without a team or responders in leadbook.yml, nobody is known: the customer's owner, said nothing of.
        let unconfigured = try XCTUnwrap(items(customer, at: "2024-03-05 09:00", configuration: Configuration()).first)
        XCTAssertEqual(unconfigured.owner, "王五")
        XCTAssertFalse(unconfigured.detail.contains("法务"), unconfigured.detail)
    }

    func testTheConfirmationGoesToTheRepNotTheResponder() throws {
        let customer = customer(feedback: [feedback("2024-03-01", handling: .fix, owner: "技术总监", resolved: "2024-03-02"),
                                           feedback("2024-03-01", handling: .fix, owner: "赵六", resolved: "2024-03-02")])
        XCTAssertEqual(items(customer, at: "2024-03-05 09:00").compactMap(\.owner).sorted(), ["王五", "赵六"])
    }

    // MARK: to-dos: responder and requester

    func testAToDoOfAResponderIsOnTheirAgendaAndTheRequestersAsWaiting() throws {
        let todo = Todo(date: Grading.date("2024-03-08"), text: "审核合同条款", owner: "法务部", done: false, line: 1, requester: "赵六")
        let all = items(customer(todos: [todo]), at: "2024-03-08 09:00")
        XCTAssertEqual(all.count, 2, "\(all.map(\.detail))")
        let responder = try XCTUnwrap(all.first { $0.owner == "法务部" })
        XCTAssertEqual(responder.requester, "赵六")
        XCTAssertNil(responder.waitingFor)
        XCTAssertEqual(responder.detail, "审核合同条款 (asked by 赵六)")
        XCTAssertEqual(responder.detailPhrase.zh, "审核合同条款（赵六 提出）")
        let requester = try XCTUnwrap(all.first { $0.owner == "赵六" })
        XCTAssertEqual(requester.waitingFor, "法务部")
        XCTAssertEqual(requester.detail, "waiting for 法务部: 审核合同条款")
        XCTAssertEqual(requester.detailPhrase.zh, "等待 法务部：审核合同条款")
        XCTAssertEqual(requester.due, responder.due)
        XCTAssertEqual(Agenda.dueText(requester), "2024-03-08")
        // Before, the to-do landed on the customer owner's list.
        XCTAssertFalse(all.contains { $0.owner == "王五" })
    }

    func testAToDoForAnUnknownNameStaysWithTheCustomersOwnerAndSaysSo() throws {
        let todo = Todo(date: Grading.date("2024-03-08"), text: "审核合同条款", owner: "法务", done: false, line: 1, requester: "赵钱")
        let all = items(customer(todos: [todo]), at: "2024-03-08 09:00")
        XCTAssertEqual(all.map(\.owner), ["王五"], "an unknown requester gets no waiting item")
        XCTAssertTrue(all[0].detail.contains("for 法务: not in the team or responders"), all[0].detail)
        XCTAssertNil(all[0].requester)
    }

    func testTheJSONNamesRequesterAndWhomTheyWaitFor() throws {
        let todo = Todo(date: Grading.date("2024-03-08"), text: "审核合同条款", owner: "法务部", done: false, line: 1, requester: "赵六")
        let agenda = Agenda([customer(todos: [todo])], configuration: configuration(), asOf: Grading.moment("2024-03-08 09:00"), days: 0)
        let json = agenda.json(team: configuration().team).rendered()
        XCTAssertTrue(json.contains("\"requester\": \"赵六\""), json)
        XCTAssertTrue(json.contains("\"waiting_for\": \"法务部\""), json)
        XCTAssertTrue(json.contains("\"kind\": \"todo\""), json)
        // A to-do nobody asked for has neither key.
        let plain = Todo(date: Grading.date("2024-03-08"), text: "寄样品", owner: "赵六", done: false, line: 1)
        let other = Agenda([customer(todos: [plain])], configuration: configuration(), asOf: Grading.moment("2024-03-08 09:00"), days: 0)
        let otherJSON = other.json(team: configuration().team).rendered()
        XCTAssertFalse(otherJSON.contains("requester"), otherJSON)
        XCTAssertFalse(otherJSON.contains("waiting_for"), otherJSON)
    }

    func testTheKindsOfTheFeedbackLoopInJSON() {
        XCTAssertEqual(Agenda.Kind.feedback.rawValue, "feedback")
        XCTAssertEqual(Agenda.Kind.confirmation.rawValue, "confirmation")
        XCTAssertNil(Agenda.Kind(rawValue: "feedback-fix"))
        XCTAssertNil(Agenda.Kind(rawValue: "feedback-confirm"))
    }

    /// A feedback item without a handling says so in its label and its JSON `step`; one with
    /// a handling is an answer.
    func testTheStepTellsDecidingAHandlingFromAnswering() throws {
        let customer = customer(feedback: [feedback("2024-03-04", handling: nil), feedback("2024-03-04", time: "10:00", handling: .fix)])
        let agenda = Agenda([customer], configuration: configuration(), asOf: Grading.moment("2024-03-05 12:00"), days: 0)
        let decide = try XCTUnwrap(agenda.items.first { $0.kind == .feedback && $0.step == .handling })
        XCTAssertEqual(Agenda.what(decide).en, "decide handling")
        XCTAssertEqual(Agenda.what(decide).zh, "定处理方式")
        let answer = try XCTUnwrap(agenda.items.first { $0.kind == .feedback && $0.step == .answer })
        XCTAssertEqual(Agenda.what(answer).en, "answer feedback")
        let json = agenda.json(team: configuration().team).rendered()
        XCTAssertTrue(json.contains("\"step\": \"handling\""), json)
        XCTAssertTrue(json.contains("\"step\": \"answer\""), json)
        XCTAssertEqual(json.components(separatedBy: "\"step\"").count - 1, 2, "only feedback items have a step")
    }

    /// A fix counts from the feedback's time, and its detail says that time.
    func testTheFixDetailSaysTheTimeOfTheFeedback() throws {
        let timed = try XCTUnwrap(items(customer(feedback: [feedback("2024-03-04", time: "10:30", handling: .fix)]), at: "2024-03-05 09:00").first)
        XCTAssertTrue(timed.detail.hasSuffix("answer within 24 h of 2024-03-04 10:30"), timed.detail)
        XCTAssertTrue(timed.detailPhrase.zh.hasSuffix("（2024-03-04 10:30 起 24 小时内）"), timed.detailPhrase.zh)
        let dated = try XCTUnwrap(items(customer(feedback: [feedback("2024-03-04", handling: .fix)]), at: "2024-03-05 09:00").first)
        XCTAssertTrue(dated.detail.hasSuffix("answer within 24 h of 2024-03-04"), dated.detail)
    }
}
