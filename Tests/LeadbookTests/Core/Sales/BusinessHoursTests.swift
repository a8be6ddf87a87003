import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// SLA and fix hours counted in working time (leadbook.yml `business_hours`, `holidays`,
/// `workdays`), and the date-only capture with and without them.
final class BusinessHoursTests: XCTestCase {
    /// Monday to Friday, 09:00 to 18:00; 2024-10-01 to 10-07 off (国庆节), 2024-09-29 (a
    /// Sunday) and 2024-10-12 (a Saturday) worked (调休).
    static func office() -> Configuration {
        var configuration = Configuration()
        var hours = BusinessHours()
        hours.holidays = Set((1...7).map { LocalDate(year: 2024, month: 10, day: $0)! })
        hours.workdays = [LocalDate(year: 2024, month: 9, day: 29)!, LocalDate(year: 2024, month: 10, day: 12)!]
        configuration.businessHours = hours
        return configuration
    }

    let office = TimePolicy(BusinessHoursTests.office())
    let calendar = TimePolicy(Configuration())

    func due(_ policy: TimePolicy, _ start: String, hours: Int) -> String {
        policy.deadline(from: Grading.moment(start), hours: hours).description
    }

    func testWithoutBusinessHoursHoursAreCalendarHours() {
        XCTAssertEqual(due(calendar, "2024-03-01 17:30", hours: 2), "2024-03-01 19:30")
        XCTAssertEqual(due(calendar, "2024-03-02 10:00", hours: 24), "2024-03-03 10:00")
    }

    func testAFridayEveningALeadIsDueMondayMorning() {
        // 2024-03-01 is a Friday: 30 minutes that day, 90 on Monday.
        XCTAssertEqual(due(office, "2024-03-01 17:30", hours: 2), "2024-03-04 10:30")
    }

    func testADeadlineAtTheEndOfTheDayStaysThatDay() {
        XCTAssertEqual(due(office, "2024-03-01 16:00", hours: 2), "2024-03-01 18:00")
        XCTAssertEqual(due(office, "2024-03-01 16:01", hours: 2), "2024-03-04 09:01")
    }

    func testTimeOutsideWorkingHoursStartsAtTheNextWorkingMoment() {
        XCTAssertEqual(due(office, "2024-03-05 07:00", hours: 2), "2024-03-05 11:00", "before 09:00")
        XCTAssertEqual(due(office, "2024-03-05 18:00", hours: 2), "2024-03-06 11:00", "at 18:00")
        XCTAssertEqual(due(office, "2024-03-02 10:00", hours: 4), "2024-03-04 13:00", "a Saturday")
        XCTAssertEqual(due(office, "2024-03-05 10:00", hours: 24), "2024-03-07 16:00", "24 working hours: 8 + 9 + 7")
    }

    func testHolidaysAreSkippedAndSwappedWorkdaysCount() {
        // Monday 2024-09-30 17:00: one hour, then the week of National Day, then Tuesday 10-08.
        XCTAssertEqual(due(office, "2024-09-30 17:00", hours: 4), "2024-10-08 12:00")
        // Saturday 2024-09-28 is off, Sunday 09-29 is worked.
        XCTAssertEqual(due(office, "2024-09-28 15:00", hours: 2), "2024-09-29 11:00")
        // Friday 10-11 17:00: Saturday 10-12 is worked.
        XCTAssertEqual(due(office, "2024-10-11 17:00", hours: 2), "2024-10-12 10:00")
    }

    func testADateOnlyCaptureCountsFromTheStartOfItsWorkingDay() throws {
        XCTAssertEqual(due(office, "2024-03-05", hours: 2), "2024-03-05 11:00")
        XCTAssertEqual(due(office, "2024-03-02", hours: 4), "2024-03-04 13:00", "a Saturday: Monday's start")
        XCTAssertEqual(due(office, "2024-10-01", hours: 2), "2024-10-08 11:00", "a holiday")
        // Without business hours the whole day is given: the hours run from its end.
        XCTAssertEqual(due(calendar, "2024-03-05", hours: 2), "2024-03-06 01:59")
        let sla = try XCTUnwrap(calendar.sla(Grading.customer(intent: .A, created: "2024-03-05")))
        XCTAssertEqual(sla.met(asOf: Grading.moment("2024-03-05 02:01")), nil, "not overdue at 02:00 of the capture day")
        XCTAssertEqual(sla.met(asOf: Grading.moment("2024-03-05 23:59")), nil)
    }

    func testTheSLAIsMetExactlyAtAWorkingDeadlineAndMissedAMinuteLater() throws {
        var customer = Grading.customer(intent: .A, created: "2024-03-01 17:30")
        customer.assigned = Grading.moment("2024-03-01 17:40")
        customer.followUps = [Grading.followUp("2024-03-04", time: "10:30")]
        XCTAssertEqual(try XCTUnwrap(office.sla(customer)).deadline.description, "2024-03-04 10:30")
        XCTAssertEqual(try XCTUnwrap(office.sla(customer)).met(asOf: Grading.moment("2024-03-09 00:00")), true)
        customer.followUps = [Grading.followUp("2024-03-04", time: "10:31")]
        XCTAssertEqual(try XCTUnwrap(office.sla(customer)).met(asOf: Grading.moment("2024-03-09 00:00")), false)
        // Calendar hours: the same contact is two days late.
        XCTAssertEqual(try XCTUnwrap(calendar.sla(customer)).met(asOf: Grading.moment("2024-03-09 00:00")), false)
        XCTAssertEqual(try XCTUnwrap(calendar.sla(customer)).deadline.description, "2024-03-01 19:30")
    }

    func testFixHoursCountWorkingTime() throws {
        var entry = FeedbackEntry(start: 0, line: 1)
        entry.date = Grading.date("2024-03-01")
        entry.time = 17 * 60
        entry.handling = .fix
        XCTAssertEqual(office.fixDeadline(entry)?.description, "2024-03-06 14:00", "1 + 9 + 9 + 5 working hours")
        XCTAssertEqual(calendar.fixDeadline(entry)?.description, "2024-03-02 17:00")
        entry.time = nil
        XCTAssertEqual(office.fixDeadline(entry)?.description, "2024-03-05 15:00", "a date only: from 09:00 of that day")
        XCTAssertEqual(calendar.fixDeadline(entry)?.description, "2024-03-02 23:59", "as before: from the end of the day")
    }

    func testAnOtherTimeZoneKeepsWorkingHoursOnItsOwnClock() {
        // The same instant, 2024-03-01 09:30 UTC, in Berlin (+01:00) is 10:30: within the day.
        var configuration = BusinessHoursTests.office()
        configuration.timezone = UTCOffset("+01:00")!
        let policy = TimePolicy(configuration)
        let seconds = LocalDateTime(date: Grading.date("2024-03-01"), minutes: 9 * 60 + 30).minuteNumber * 60
        let captured = configuration.timezone.localTime(secondsSince1970: seconds)
        XCTAssertEqual(captured.description, "2024-03-01 10:30")
        XCTAssertEqual(policy.deadline(from: captured, hours: 8).description, "2024-03-04 09:30")
        // In +08:00 the same instant is 17:30 on a Friday.
        let shanghai = UTCOffset.chinaStandard.localTime(secondsSince1970: seconds)
        XCTAssertEqual(policy.deadline(from: shanghai, hours: 2).description, "2024-03-04 10:30")
    }

    func testAnAgendaItemShowsTheWorkingDeadlineAndSaysWorkingHours() {
        var customer = Grading.customer(intent: .A, created: "2024-03-01 17:30", status: .untouched)
        customer.owner = "王五"
        let agenda = Agenda([customer], configuration: BusinessHoursTests.office(), asOf: Grading.moment("2024-03-01 19:40"), days: 3)
        let sla = agenda.items.first { $0.kind == .sla }
        XCTAssertEqual(sla?.due.description, "2024-03-04 10:30")
        XCTAssertEqual(sla?.overdue, false)
        XCTAssertEqual(sla?.detail, "assign and first contact within 2 working hours (intent A)")
        XCTAssertEqual(sla?.detailPhrase.zh, "意向 A：2 个工作小时内分配并首次联系")
        let late = Agenda([customer], configuration: BusinessHoursTests.office(), asOf: Grading.moment("2024-03-04 10:31"), days: 0)
        XCTAssertEqual(late.items.first { $0.kind == .sla }?.overdue, true)
        let calendar = Agenda([customer], configuration: Configuration(), asOf: Grading.moment("2024-03-01 19:40"), days: 0)
        XCTAssertEqual(calendar.items.first { $0.kind == .sla }?.overdue, true)
        XCTAssertEqual(calendar.items.first { $0.kind == .sla }?.detail, "assign and first contact within 2 h (intent A)")
    }

    func testTheEditorsHoverSaysWorkingHours() {
        XCTAssertTrue(ValueMeaning.intent(.A, BusinessHoursTests.office()).zh.hasSuffix("获取后 2 个工作小时内分配并首次跟进"))
        XCTAssertTrue(ValueMeaning.intent(.A, BusinessHoursTests.office()).en.hasSuffix("within 2 working hours of capture"))
        XCTAssertTrue(ValueMeaning.intent(.A, Configuration()).en.hasSuffix("within 2 h of capture"))
    }

    func testWeekdaysAreNamedInBothLanguages() {
        XCTAssertEqual(BusinessHours.weekdayNames["mon"], 0)
        XCTAssertEqual(BusinessHours.weekdayNames["周一"], 0)
        XCTAssertEqual(BusinessHours.weekdayNames["星期日"], 6)
        XCTAssertEqual(BusinessHours.weekdayNames["周天"], 6)
        XCTAssertEqual(BusinessHours.weekdayNames["friday"], 4)
        XCTAssertEqual(Grading.date("2024-03-01").weekday, 4, "2024-03-01 is a Friday")
    }
}
