import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// invalid-date: dates are YYYY-MM-DD and exist; datetimes are YYYY-MM-DD HH:MM with a real time.
final class InvalidDateTests: XCTestCase {
    func testRealDatesAndDatetimesAreClean() {
        let text = RuleFixture.customer(set: ["created: 2024-02-29 23:59"], adding: [
            "decision_by: 2024-02-29",
            "assigned: 2024-03-01",
            "next: 2000-02-29",
        ], body: """

            ## Follow-ups

            ### 2024-02-29 00:00 phone 张伟
            - [ ] 2024-12-31 年底回访

            """)
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.decisionBy, LocalDate(year: 2024, month: 2, day: 29))
        XCTAssertEqual(result.customer?.assigned?.hasTime, false)
        XCTAssertEqual(result.customer?.created?.minutes, 23 * 60 + 59)
    }

    func testFebruaryThirtiethDoesNotExist() {
        let text = RuleFixture.customer(adding: ["decision_by: 2024-02-30"])
        RuleAssert.only(RuleFixture.diagnostics(text), "invalid-date", at: (8, 14),
                        message: ["`decision_by`", "2024-02-30", "not a date that exists"], hint: ["2024-02 has 29 days"])
    }

    func testFebruaryTwentyNinthOfACommonYearDoesNotExist() {
        let text = RuleFixture.customer(adding: ["decision_by: 2023-02-29"])
        RuleAssert.only(RuleFixture.diagnostics(text), "invalid-date", at: (8, 14),
                        message: ["2023-02-29"], hint: ["2023-02 has 28 days"])
    }

    func testCenturyThatIsNotALeapYear() {
        let text = RuleFixture.customer(adding: ["next: 2100-02-29"])
        RuleAssert.only(RuleFixture.diagnostics(text), "invalid-date", at: (8, 7), hint: ["2100-02 has 28 days"])
    }

    func testSlashDateIsTheWrongFormat() {
        let text = RuleFixture.customer(adding: ["decision_by: 2024/04/01"])
        RuleAssert.only(RuleFixture.diagnostics(text), "invalid-date", at: (8, 14),
                        message: ["must be a date YYYY-MM-DD", "`2024/04/01`"], hint: ["decision_by: 2024-03-01"])
    }

    func testChineseDateIsTheWrongFormat() {
        let text = RuleFixture.customer(adding: ["next: 2024年3月3日"])
        RuleAssert.only(RuleFixture.diagnostics(text), "invalid-date", at: (8, 7), message: ["YYYY-MM-DD"])
    }

    func testHourTwentyFiveDoesNotExist() {
        let text = RuleFixture.customer(set: ["created: 2024-03-01 25:00"])
        RuleAssert.only(RuleFixture.diagnostics(text), "invalid-date", at: (6, 10),
                        message: ["`created`", "2024-03-01 25:00", "not a date and time that exist"], hint: ["00:00 to 23:59"])
    }

    func testDatetimeWithoutLeadingZeroIsTheWrongFormat() {
        let text = RuleFixture.customer(set: ["created: 2024-03-01 9:10"])
        RuleAssert.only(RuleFixture.diagnostics(text), "invalid-date", at: (6, 10),
                        message: ["YYYY-MM-DD HH:MM", "`2024-03-01 9:10`"])
    }

    func testDateInAPlanStepAndADeal() {
        let text = RuleFixture.customer(set: ["status: won"], adding: [
            "deal: {amount: 180000, closed: 2024-04-31}",   // 8
            "plan:",                                         // 9
            "  - stage: initial-contact",                    // 10
            "    due: 2024-13-01",                           // 11
        ])
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.rules(diagnostics, [("invalid-date", 8, 32), ("invalid-date", 11, 10)])
        RuleAssert.matches(diagnostics[0], "invalid-date", at: (8, 32), message: ["`deal.closed`"], hint: ["2024-04 has 30 days"])
        RuleAssert.matches(diagnostics[1], "invalid-date", at: (11, 10), message: ["`plan.due`"], hint: ["months run 01 to 12"])
    }

    func testImpossibleDateInALogHeadingAndItems() {
        let text = RuleFixture.customer(body: """

            ## Follow-ups

            ### 2024-02-30 10:30 phone 张伟
            - next: 2023-02-29

            ### 2024-03-01 24:00 phone 张伟

            """)
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.rules(diagnostics, [("invalid-date", 12, 5), ("invalid-date", 13, 9), ("invalid-date", 15, 16)])
        RuleAssert.matches(diagnostics[0], "invalid-date", at: (12, 5), message: ["2024-02-30", "not a date that exists"])
        RuleAssert.matches(diagnostics[2], "invalid-date", at: (15, 16), message: ["`24:00` is not a time of day"])
    }

    func testFeedbackDatesInTheLog() {
        let text = RuleFixture.customer(body: """

            ## Feedback

            ### 2024-03-03 meeting 方案缺少数据备份功能
            - due: 下周
            - resolved: 2024-03-32
            - confirmed: 客户认可

            """)
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.rules(diagnostics, [("invalid-date", 13, 8), ("invalid-date", 14, 13), ("invalid-date", 15, 14)])
        RuleAssert.matches(diagnostics[0], "invalid-date", at: (13, 8), message: ["`due` must be a date", "下周"])
        RuleAssert.matches(diagnostics[2], "invalid-date", at: (15, 14), message: ["`confirmed` starts with the date"])
    }
}
