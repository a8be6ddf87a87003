import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The toolkit's rules with time in them, and the calendar they are computed on.
final class GradingTimePolicyTests: XCTestCase {
    let rules = TimePolicy(Configuration())

    // MARK: SLA

    func testSLAHoursByIntent() throws {
        for (intent, hours, deadline) in [(Intent.A, 2, "2024-03-01 11:10"), (.B, 4, "2024-03-01 13:10"), (.C, 24, "2024-03-02 09:10")] {
            let sla = try XCTUnwrap(rules.sla(Grading.customer(intent: intent)))
            XCTAssertEqual(sla.hours, hours)
            XCTAssertEqual(sla.deadline, Grading.moment(deadline), "intent \(intent)")
        }
        XCTAssertNil(rules.sla(Grading.customer(intent: nil)))
        XCTAssertNil(rules.sla(Grading.customer(created: nil)))
    }

    func testFirstContactExactlyAtDeadlineIsMet() throws {
        var customer = Grading.customer(intent: .A, created: "2024-03-01 09:10")
        customer.assigned = Grading.moment("2024-03-01 09:40")
        customer.followUps = [Grading.followUp("2024-03-01", time: "11:10")]
        let sla = try XCTUnwrap(rules.sla(customer))
        XCTAssertEqual(sla.firstContact, Grading.moment("2024-03-01 11:10"))
        XCTAssertEqual(sla.met(asOf: Grading.moment("2024-03-05 00:00")), true)
        XCTAssertEqual(sla.met(asOf: Grading.moment("2024-03-01 10:00")), true)
    }

    func testFirstContactOneMinuteLateIsMissed() throws {
        var customer = Grading.customer(intent: .A, created: "2024-03-01 09:10")
        customer.assigned = Grading.moment("2024-03-01 09:40")
        customer.followUps = [Grading.followUp("2024-03-01", time: "11:11")]
        XCTAssertEqual(try XCTUnwrap(rules.sla(customer)).met(asOf: Grading.moment("2024-03-05 00:00")), false)
    }

    func testAssignedLateIsMissed() throws {
        var customer = Grading.customer(intent: .B, created: "2024-03-01 09:10")
        customer.assigned = Grading.moment("2024-03-01 13:11")
        customer.followUps = [Grading.followUp("2024-03-01", time: "13:00")]
        XCTAssertEqual(try XCTUnwrap(rules.sla(customer)).met(asOf: Grading.moment("2024-03-05 00:00")), false)
        customer.assigned = Grading.moment("2024-03-01 13:10")
        XCTAssertEqual(try XCTUnwrap(rules.sla(customer)).met(asOf: Grading.moment("2024-03-05 00:00")), true)
    }

    func testFirstContactIsTheEarliestEntry() throws {
        var customer = Grading.customer(intent: .A, created: "2024-03-01 09:10")
        customer.assigned = Grading.moment("2024-03-01 09:20")
        customer.followUps = [Grading.followUp("2024-03-01", time: "10:00"), Grading.followUp("2024-03-02", time: "09:00")]
        let sla = try XCTUnwrap(rules.sla(customer))
        XCTAssertEqual(sla.firstContact, Grading.moment("2024-03-01 10:00"))
        XCTAssertEqual(sla.met(asOf: Grading.moment("2024-03-09 00:00")), true)
    }

    func testMissingAssignmentBeforeAndAfterDeadline() throws {
        var customer = Grading.customer(intent: .A, created: "2024-03-01 09:10")
        customer.followUps = [Grading.followUp("2024-03-01", time: "10:00")]
        let sla = try XCTUnwrap(rules.sla(customer))
        XCTAssertNil(sla.assigned)
        XCTAssertNil(sla.met(asOf: Grading.moment("2024-03-01 10:30")))
        XCTAssertNil(sla.met(asOf: Grading.moment("2024-03-01 11:10")), "at the deadline it is still open")
        XCTAssertEqual(sla.met(asOf: Grading.moment("2024-03-01 11:11")), false)
        // Nothing at all.
        let empty = try XCTUnwrap(rules.sla(Grading.customer(intent: .C, created: "2024-03-01 09:10")))
        XCTAssertNil(empty.firstContact)
        XCTAssertNil(empty.met(asOf: Grading.moment("2024-03-02 09:10")))
        XCTAssertEqual(empty.met(asOf: Grading.moment("2024-03-02 09:11")), false)
    }

    func testDeadlineAcrossMidnightAndMonthEnd() throws {
        let leap = try XCTUnwrap(rules.sla(Grading.customer(intent: .A, created: "2024-02-29 23:30")))
        XCTAssertEqual(leap.deadline, Grading.moment("2024-03-01 01:30"))
        XCTAssertEqual(leap.deadline.description, "2024-03-01 01:30")
        let newYear = try XCTUnwrap(rules.sla(Grading.customer(intent: .C, created: "2023-12-31 23:00")))
        XCTAssertEqual(newYear.deadline.description, "2024-01-01 23:00")
        let nonLeap = try XCTUnwrap(rules.sla(Grading.customer(intent: .B, created: "2023-02-28 22:00")))
        XCTAssertEqual(nonLeap.deadline.description, "2023-03-01 02:00")
    }

    func testCustomSLAHours() throws {
        var configuration = Configuration()
        configuration.slaHours[.A] = 1
        let sla = try XCTUnwrap(TimePolicy(configuration).sla(Grading.customer(intent: .A, created: "2024-03-01 09:10")))
        XCTAssertEqual(sla.deadline.description, "2024-03-01 10:10")
    }

    // MARK: Cadence

    func testCadenceDaysByGrade() throws {
        for (grade, days) in [(Grade.S, 1), (.A, 2), (.B, 7), (.C, 7)] {
            var customer = Grading.customer()
            customer.grade = grade
            customer.followUps = [Grading.followUp("2024-02-27"), Grading.followUp("2024-03-01", time: "10:00")]
            let cadence = try XCTUnwrap(rules.cadence(customer))
            XCTAssertEqual(cadence.days, days)
            XCTAssertEqual(cadence.lastContact, Grading.date("2024-03-01"))
            XCTAssertEqual(cadence.due, Grading.date("2024-03-01").adding(days: days), "grade \(grade)")
        }
    }

    func testCadenceUsesScoreGradeOverIntent() throws {
        var customer = Grading.customer(intent: .C)
        customer.score = Grading.score(25, 25, 20, 20)
        customer.followUps = [Grading.followUp("2024-03-01")]
        XCTAssertEqual(try XCTUnwrap(rules.cadence(customer)).due, Grading.date("2024-03-02"))
    }

    func testPlannedNextEarlierThanCadenceWins() throws {
        var customer = Grading.customer()
        customer.grade = .B
        customer.followUps = [Grading.followUp("2024-03-01")]
        customer.next = Grading.date("2024-03-03")
        let cadence = try XCTUnwrap(rules.cadence(customer))
        XCTAssertEqual(cadence.due, Grading.date("2024-03-03"))
        XCTAssertEqual(cadence.plannedNext, Grading.date("2024-03-03"))
        customer.next = Grading.date("2024-03-20")
        XCTAssertEqual(try XCTUnwrap(rules.cadence(customer)).due, Grading.date("2024-03-08"))
    }

    func testCadenceWithoutEntries() throws {
        var customer = Grading.customer()
        XCTAssertNil(try XCTUnwrap(rules.cadence(customer)).due)
        customer.next = Grading.date("2024-03-04")
        XCTAssertEqual(try XCTUnwrap(rules.cadence(customer)).due, Grading.date("2024-03-04"))
        XCTAssertNil(rules.cadence(Grading.customer(intent: nil)))
    }

    // MARK: First stage

    func testFirstStageLimitFromAssigned() throws {
        for (grade, days) in [(Grade.S, 3), (.A, 5), (.B, 7), (.C, 7)] {
            var customer = Grading.customer(created: "2024-02-28 09:00")
            customer.grade = grade
            customer.assigned = Grading.moment("2024-02-28 23:50")
            let stage = try XCTUnwrap(rules.firstStage(customer))
            XCTAssertEqual(stage.limitDays, days)
            XCTAssertEqual(stage.start, Grading.date("2024-02-28"))
            XCTAssertEqual(stage.deadline, Grading.date("2024-02-28").adding(days: days), "grade \(grade)")
            XCTAssertNil(stage.left)
        }
        var s = Grading.customer(created: "2024-02-28 09:00")
        s.grade = .S
        s.assigned = Grading.moment("2024-02-28 10:00")
        XCTAssertEqual(try XCTUnwrap(rules.firstStage(s)).deadline.description, "2024-03-02")
    }

    func testFirstStageFallsBackToCreated() throws {
        var customer = Grading.customer(created: "2024-03-01 09:10")
        customer.grade = .A
        XCTAssertEqual(try XCTUnwrap(rules.firstStage(customer)).deadline, Grading.date("2024-03-06"))
    }

    func testFirstStageLeftWhenLogReachesQualified() throws {
        var customer = Grading.customer(created: "2024-03-01 09:10", status: .qualified)
        customer.grade = .S
        customer.followUps = [Grading.followUp("2024-03-01", status: .contacted), Grading.followUp("2024-03-02", status: .qualified),
                              Grading.followUp("2024-03-05", status: .proposal)]
        XCTAssertEqual(try XCTUnwrap(rules.firstStage(customer)).left, Grading.date("2024-03-02"))
        // The front matter alone says qualified, the log no status: left on the day the next
        // stage counts from (capture here), not at the last entry.
        customer.followUps = [Grading.followUp("2024-03-01"), Grading.followUp("2024-03-03")]
        XCTAssertEqual(try XCTUnwrap(rules.firstStage(customer)).left, Grading.date("2024-03-01"))
        customer.status = .contacted
        XCTAssertNil(try XCTUnwrap(rules.firstStage(customer)).left)
    }

    // MARK: Stage

    func testStageFromStatus() {
        let expected: [(Status, Stage?)] = [
            (.untouched, .initialContact), (.contacted, .initialContact), (.qualified, .needsDeepening),
            (.proposal, .solutionComparison), (.negotiation, .negotiation), (.won, nil), (.lost, nil),
        ]
        for (status, stage) in expected {
            XCTAssertEqual(rules.stage(Grading.customer(status: status)), stage, "status \(status)")
        }
        XCTAssertNil(rules.stage(Grading.customer(status: nil)))
    }

    func testNurtureForCLeadsWithNurturePlan() {
        var customer = Grading.customer(intent: .C, status: .contacted)
        var step = PlanStep()
        step.stage = .nurture
        customer.plan = [step]
        XCTAssertEqual(rules.stage(customer), .nurture)
        customer.intent = .B
        XCTAssertEqual(rules.stage(customer), .initialContact)
        customer.intent = .C
        customer.status = .qualified
        XCTAssertEqual(rules.stage(customer), .needsDeepening)
    }

    // MARK: Re-grading

    func testRegradeDays() throws {
        for (grade, days) in [(Grade.S, 7), (.A, 7), (.B, 7), (.C, 30)] {
            var customer = Grading.customer(created: "2024-03-01 09:10")
            customer.grade = grade
            let due = try XCTUnwrap(rules.regradeDue(customer))
            XCTAssertEqual(due.days, days)
            XCTAssertEqual(due.since, Grading.date("2024-03-01"))
            XCTAssertEqual(due.due, Grading.date("2024-03-01").adding(days: days), "grade \(grade)")
        }
    }

    func testRegradeFromReviewedDate() throws {
        var customer = Grading.customer(created: "2024-01-15 09:10")
        customer.score = Grading.score(10, 10, 10, 5)
        customer.score?.reviewed = Grading.date("2024-02-10")
        let due = try XCTUnwrap(rules.regradeDue(customer))
        XCTAssertEqual(due.since, Grading.date("2024-02-10"))
        XCTAssertEqual(due.due, Grading.date("2024-03-11"))  // C: 30 days, across a leap February
    }

    // MARK: Feedback

    func testFixDeadlineFromTime() {
        let entry = Grading.feedback("2024-03-03", time: "10:15")
        XCTAssertEqual(rules.fixDeadline(entry), Grading.moment("2024-03-04 10:15"))
    }

    func testFixDeadlineFromDateOnlyCountsFromEndOfDay() {
        let entry = Grading.feedback("2024-02-29")
        XCTAssertEqual(rules.fixDeadline(entry), Grading.moment("2024-03-01 23:59"))
        XCTAssertEqual(TimePolicy.moment(Grading.date("2024-02-29"), nil), Grading.moment("2024-02-29 23:59"))
    }

    func testFixDeadlineOnlyForFix() {
        XCTAssertNil(rules.fixDeadline(Grading.feedback("2024-03-03", handling: .negotiate)))
        XCTAssertNil(rules.fixDeadline(Grading.feedback("2024-03-03", handling: .decline)))
        XCTAssertNil(rules.fixDeadline(Grading.feedback("2024-03-03", handling: nil)))
    }

    func testConfirmWithinThreeDaysOfResolved() {
        XCTAssertEqual(rules.confirmDeadline(Grading.feedback("2024-03-03", resolved: "2024-03-05")), Grading.date("2024-03-08"))
        XCTAssertEqual(rules.confirmDeadline(Grading.feedback("2024-12-28", resolved: "2024-12-30")), Grading.date("2025-01-02"))
        XCTAssertNil(rules.confirmDeadline(Grading.feedback("2024-03-03")))
    }

    func testFeedbackNumbersFromConfiguration() {
        var configuration = Configuration()
        configuration.feedbackFixHours = 48
        configuration.feedbackConfirmDays = 7
        let custom = TimePolicy(configuration)
        XCTAssertEqual(custom.fixDeadline(Grading.feedback("2024-03-03", time: "10:15")), Grading.moment("2024-03-05 10:15"))
        XCTAssertEqual(custom.confirmDeadline(Grading.feedback("2024-03-03", resolved: "2024-03-05")), Grading.date("2024-03-12"))
    }

    // MARK: UTCOffset

    func testUTCOffsetParsing() {
        let expected: [(String, Int)] = [
            ("+08:00", 480), ("-05:30", -330), ("+8", 480), ("-8", -480), ("+05:45", 345), ("+00:00", 0),
            ("UTC", 0), ("Z", 0), ("GMT", 0), ("Asia/Shanghai", 480), ("Asia/Tokyo", 540), ("Asia/Kolkata", 330),
            (" +08:00 ", 480), ("+14", 840),
        ]
        for (text, minutes) in expected {
            XCTAssertEqual(UTCOffset(text)?.minutes, minutes, "`\(text)`")
        }
        for bad in ["", "8", "08:00", "+", "+8:", "+08:60", "+15", "abc", "Europe/Nowhere", "+08:00:00", "+eight"] {
            XCTAssertNil(UTCOffset(bad), "`\(bad)` should not be an offset")
        }
    }

    func testUTCOffsetDescription() {
        XCTAssertEqual(UTCOffset(minutes: 480).description, "+08:00")
        XCTAssertEqual(UTCOffset(minutes: -330).description, "-05:30")
        XCTAssertEqual(UTCOffset(minutes: 0).description, "+00:00")
        XCTAssertEqual(Configuration().timezone, UTCOffset.chinaStandard)
    }

    func testLocalTimeOfKnownInstants() {
        let china = UTCOffset.chinaStandard
        XCTAssertEqual(china.localTime(secondsSince1970: 0).description, "1970-01-01 08:00")
        XCTAssertEqual(UTCOffset(minutes: 0).localTime(secondsSince1970: 0).description, "1970-01-01 00:00")
        XCTAssertEqual(UTCOffset(minutes: -330).localTime(secondsSince1970: 0).description, "1969-12-31 18:30")
        // 2024-03-01 01:10 UTC = 09:10 in China.
        XCTAssertEqual(china.localTime(secondsSince1970: 1_709_255_400).description, "2024-03-01 09:10")
        // Seconds within a minute are dropped.
        XCTAssertEqual(china.localTime(secondsSince1970: 1_709_255_459).description, "2024-03-01 09:10")
        // 2024-02-29 16:00 UTC is midnight of 2024-03-01 in China.
        XCTAssertEqual(china.localTime(secondsSince1970: 1_709_222_400).description, "2024-03-01 00:00")
    }

    func testLocalTimeOfNegativeInstants() {
        let utc = UTCOffset(minutes: 0)
        XCTAssertEqual(utc.localTime(secondsSince1970: -1).description, "1969-12-31 23:59")
        XCTAssertEqual(utc.localTime(secondsSince1970: -60).description, "1969-12-31 23:59")
        XCTAssertEqual(utc.localTime(secondsSince1970: -61).description, "1969-12-31 23:58")
        XCTAssertEqual(utc.localTime(secondsSince1970: -86_400).description, "1969-12-31 00:00")
        XCTAssertEqual(UTCOffset.chinaStandard.localTime(secondsSince1970: -1).description, "1970-01-01 07:59")
        XCTAssertEqual(UTCOffset.chinaStandard.localTime(secondsSince1970: -28_800).description, "1970-01-01 00:00")
        XCTAssertEqual(UTCOffset.chinaStandard.localTime(secondsSince1970: -28_801).description, "1969-12-31 23:59")
        // 1900-01-01 00:00 UTC.
        XCTAssertEqual(utc.localTime(secondsSince1970: -2_208_988_800).description, "1900-01-01 00:00")
    }

    // MARK: LocalDate

    func testDayNumberKnownValues() {
        XCTAssertEqual(Grading.date("1970-01-01").dayNumber, 0)
        XCTAssertEqual(Grading.date("1969-12-31").dayNumber, -1)
        XCTAssertEqual(Grading.date("2000-03-01").dayNumber, 11_017)
        XCTAssertEqual(Grading.date("2024-03-01").dayNumber, 19_783)
        XCTAssertEqual(Grading.date("2024-03-01").dayNumber - Grading.date("2024-02-28").dayNumber, 2)
        XCTAssertEqual(Grading.date("2023-03-01").dayNumber - Grading.date("2023-02-28").dayNumber, 1)
        XCTAssertEqual(Grading.date("2100-03-01").dayNumber - Grading.date("2100-02-28").dayNumber, 1)
        XCTAssertEqual(Grading.date("2000-03-01").dayNumber - Grading.date("2000-02-28").dayNumber, 2)
    }

    func testDayNumberRoundTripsAcrossLeapYears() {
        var previous: LocalDate?
        for dayNumber in stride(from: Grading.date("1896-01-01").dayNumber, through: Grading.date("2104-12-31").dayNumber, by: 1) {
            let date = LocalDate(dayNumber: dayNumber)
            XCTAssertEqual(date.dayNumber, dayNumber)
            XCTAssertEqual(LocalDate(year: date.year, month: date.month, day: date.day), date)
            if let previous {
                XCTAssertLessThan(previous, date)
                if previous.month == date.month {
                    XCTAssertEqual(date.day, previous.day + 1)
                } else {
                    XCTAssertEqual(date.day, 1)
                    XCTAssertEqual(previous.day, LocalDate.daysIn(month: previous.month, year: previous.year))
                }
            }
            previous = date
        }
    }

    func testLeapYears() {
        XCTAssertTrue(LocalDate.isLeap(2024))
        XCTAssertTrue(LocalDate.isLeap(2000))
        XCTAssertFalse(LocalDate.isLeap(1900))
        XCTAssertFalse(LocalDate.isLeap(2023))
        XCTAssertNotNil(LocalDate("2024-02-29"))
        XCTAssertNil(LocalDate("2023-02-29"))
        XCTAssertNil(LocalDate("1900-02-29"))
        XCTAssertNotNil(LocalDate("2000-02-29"))
        XCTAssertNil(LocalDate("2024-04-31"))
        XCTAssertNil(LocalDate("2024-13-01"))
        XCTAssertNil(LocalDate("2024-3-01"))
        XCTAssertEqual(Grading.date("2024-02-28").adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(Grading.date("2024-02-29").adding(days: 1).description, "2024-03-01")
        XCTAssertEqual(Grading.date("2024-02-29").adding(days: 365).description, "2025-02-28")
        XCTAssertEqual(Grading.date("2024-03-01").adding(days: -1).description, "2024-02-29")
    }

    func testWeekday() {
        XCTAssertEqual(Grading.date("1970-01-01").weekday, 3)  // Thursday
        XCTAssertEqual(Grading.date("1969-12-29").weekday, 0)  // Monday
        XCTAssertEqual(Grading.date("1969-12-28").weekday, 6)  // Sunday
        XCTAssertEqual(Grading.date("2024-03-01").weekday, 4)  // Friday
        XCTAssertEqual(Grading.date("2024-02-29").weekday, 3)  // Thursday
        XCTAssertEqual(Grading.date("2000-01-01").weekday, 5)  // Saturday
        XCTAssertEqual(Grading.date("1900-01-01").weekday, 0)  // Monday
    }

    func testLocalDateTimeParsing() {
        XCTAssertEqual(Grading.moment("2024-03-01 09:10").minutes, 550)
        XCTAssertEqual(LocalDateTime("2024-03-01T09:10"), Grading.moment("2024-03-01 09:10"))
        let dateOnly = Grading.moment("2024-03-01")
        XCTAssertFalse(dateOnly.hasTime)
        XCTAssertEqual(dateOnly.minutes, 0)
        XCTAssertNil(LocalDateTime("2024-03-01 24:00"))
        XCTAssertNil(LocalDateTime("2024-03-01 09:60"))
        XCTAssertNil(LocalDateTime("2024-02-30 09:00"))
        XCTAssertEqual(LocalDateTime(minuteNumber: -1).description, "1969-12-31 23:59")
        XCTAssertEqual(LocalDateTime(minuteNumber: -1440).description, "1969-12-31 00:00")
        XCTAssertEqual(LocalDateTime(minuteNumber: -1441).description, "1969-12-30 23:59")
    }
}
