import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// `--as-of` is "as known at that moment" in `explain` and `agenda`, as in `summary`: what the
/// file says of later moments is left out.
final class CustomerAsOfTests: XCTestCase {
    /// Captured 03-01, proposal on 03-04, won on 03-10 (deal closed 03-10); feedback of 03-03
    /// resolved 03-06; assigned 03-01 09:30.
    static func won() -> Customer {
        var customer = Grading.customer(intent: .A, created: "2024-03-01 09:10", status: .won)
        customer.owner = "王五"
        customer.score = Grading.score(25, 25, 20, 20)
        customer.assigned = Grading.moment("2024-03-01 09:30")
        customer.followUps = [
            Grading.followUp("2024-03-01", time: "10:00", status: .contacted, next: "2024-03-04"),
            Grading.followUp("2024-03-04", time: "14:00", status: .proposal, next: "2024-03-06"),
            Grading.followUp("2024-03-10", status: .won),
        ]
        var deal = Deal()
        deal.amount = 200000
        deal.closed = Grading.date("2024-03-10")
        customer.deal = deal
        customer.next = nil
        var feedback = FeedbackEntry(start: 0, line: 1)
        feedback.date = Grading.date("2024-03-03")
        feedback.summary = "缺少数据备份"
        feedback.handling = .fix
        feedback.resolved = Grading.date("2024-03-06")
        customer.feedback = [feedback]
        return customer
    }

    func testLaterEntriesAreLeftOutAndTheLogTellsTheStatus() {
        let known = Self.won().known(at: Grading.moment("2024-03-05 12:00"))
        XCTAssertEqual(known.followUps.count, 2)
        XCTAssertEqual(known.status, .proposal, "not won before 03-10")
        XCTAssertTrue(known.isOpen)
        XCTAssertNil(known.deal)
        XCTAssertEqual(known.next, Grading.date("2024-03-06"), "the next follow-up the log had planned")
        XCTAssertNil(known.feedback.first?.resolved, "resolved on 03-06, after the moment")
        XCTAssertEqual(known.assigned, Grading.moment("2024-03-01 09:30"))
    }

    func testNothingLaterLeavesTheCustomerAsWritten() {
        let customer = Self.won()
        let known = customer.known(at: Grading.moment("2024-03-11 00:00"))
        XCTAssertEqual(known.status, .won)
        XCTAssertEqual(known.followUps.count, 3)
        XCTAssertEqual(known.deal, customer.deal)
        XCTAssertEqual(known.feedback.first?.resolved, Grading.date("2024-03-06"))
    }

    func testAnEntryAtTheMomentIsKnownAndOneMinuteLaterIsNot() {
        let customer = Self.won()
        XCTAssertEqual(customer.known(at: Grading.moment("2024-03-04 14:00")).status, .proposal)
        XCTAssertEqual(customer.known(at: Grading.moment("2024-03-04 13:59")).status, .contacted)
        XCTAssertNil(customer.known(at: Grading.moment("2024-03-01 09:29")).assigned)
        XCTAssertEqual(customer.known(at: Grading.moment("2024-03-01 09:09")).status, .untouched)
    }

    func testTheAgendaAtAnEarlierMomentHasTheOpenItemsOfThen() {
        let customer = Self.won()
        let then = Agenda([customer], configuration: Configuration(), asOf: Grading.moment("2024-03-05 12:00"), days: 0)
        XCTAssertTrue(then.items.contains { $0.kind == .feedback }, "the fix was still open on 03-05")
        XCTAssertTrue(then.items.contains { $0.kind == .followUp }, "a won customer has no follow-ups; on 03-05 it was in proposal")
        let now = Agenda([customer], configuration: Configuration(), asOf: Grading.moment("2024-03-12 12:00"), days: 0)
        XCTAssertFalse(now.items.contains { $0.kind == .followUp || $0.kind == .feedback })
        let before = Agenda([customer], configuration: Configuration(), asOf: Grading.moment("2024-02-28 12:00"), days: 30)
        XCTAssertTrue(before.items.isEmpty, "not captured yet")
    }

    func testExplainAtAnEarlierMomentIsNotClosed() {
        let customer = Self.won()
        let text = Explanation.text(customer, path: "customers/LX2024001.md", configuration: Configuration(),
                                    asOf: Grading.moment("2024-03-05 12:00"), style: ViewStyle(language: .en))
        XCTAssertFalse(text.contains("closed (won)"), text)
        XCTAssertTrue(text.contains("answer by"), text)
        let later = Explanation.text(customer, path: "customers/LX2024001.md", configuration: Configuration(),
                                     asOf: Grading.moment("2024-03-12 12:00"), style: ViewStyle(language: .en))
        XCTAssertTrue(later.contains("closed (won)"), later)
        let early = Explanation.text(customer, path: "customers/LX2024001.md", configuration: Configuration(),
                                     asOf: Grading.moment("2024-02-28 12:00"), style: ViewStyle(language: .zhCN))
        XCTAssertTrue(early.contains("2024-03-01 09:10 才获取，晚于评估时刻"), early)
    }

    /// Assigned after the moment: as known then, the lead had no owner yet, and the agenda
    /// lists it unassigned, as explain says "assigned not yet".
    func testALaterAssignmentLeavesTheOwnerOut() {
        var customer = Grading.customer(intent: .C, created: "2024-03-08 10:00", status: .untouched)
        customer.owner = "王五"
        customer.assigned = Grading.moment("2024-03-10 10:00")
        let then = Grading.moment("2024-03-09 11:00")
        XCTAssertNil(customer.known(at: then).owner)
        XCTAssertNil(customer.known(at: then).assigned)
        XCTAssertEqual(customer.known(at: Grading.moment("2024-03-10 10:00")).owner, "王五", "assigned at that very minute")
        let agenda = Agenda([customer], configuration: Configuration(), asOf: then, days: 0)
        XCTAssertTrue(agenda.items.contains { $0.kind == .sla }, "\(agenda.items)")
        XCTAssertEqual(agenda.items.compactMap(\.owner), [])
        XCTAssertEqual(agenda.byOwner(team: []).map(\.0), [nil])
        let later = Agenda([customer], configuration: Configuration(), asOf: Grading.moment("2024-03-11 11:00"), days: 0)
        XCTAssertFalse(later.items.isEmpty)
        XCTAssertEqual(Set(later.items.map(\.owner)), ["王五"])
    }

    /// Captured after the moment: explain says so and stops; nothing of the grade, the SLA,
    /// the cadence or the stage existed yet.
    func testExplainOfACustomerCapturedLaterStopsAtThatLine() {
        let customer = Self.won()
        for (language, line) in [(Language.en, "captured 2024-03-01 09:10, after this moment: nothing was due yet"),
                                 (.zhCN, "2024-03-01 09:10 才获取，晚于评估时刻：那时还没有任何到期事项")] {
            let text = Explanation.text(customer, path: "customers/LX2024001.md", configuration: Configuration(),
                                        asOf: Grading.moment("2024-02-28 12:00"), style: ViewStyle(language: language))
            let lines = text.components(separatedBy: "\n")
            XCTAssertEqual(lines.count, 4, text)
            XCTAssertEqual(lines[2], line)
            XCTAssertEqual(lines[3], "")
        }
    }

    func testSummaryAndTheSharedRuleAgree() {
        XCTAssertEqual(Customer.knownStatus(written: .won, later: false, lastLogged: .proposal, entries: 2), .won)
        XCTAssertEqual(Customer.knownStatus(written: .won, later: true, lastLogged: .proposal, entries: 2), .proposal)
        XCTAssertEqual(Customer.knownStatus(written: .won, later: true, lastLogged: nil, entries: 1), .contacted)
        XCTAssertEqual(Customer.knownStatus(written: .won, later: true, lastLogged: nil, entries: 0), .untouched)
        guard case .record(let record) = SummaryRecord.extract(Self.won(), configuration: Configuration(), asOf: Grading.moment("2024-03-05 12:00")) else {
            return XCTFail("no record")
        }
        XCTAssertEqual(record.status, Self.won().known(at: Grading.moment("2024-03-05 12:00")).status)
    }
}
