import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// invalid-date: dates are YYYY-MM-DD and exist; datetimes are YYYY-MM-DD HH:MM with a real
/// time. The same problem has the same words in the front matter and in the log.
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

    // MARK: A date that does not exist

    func testFebruaryThirtiethDoesNotExist() {
        let text = RuleFixture.customer(adding: ["decision_by: 2024-02-30"])
        RuleAssert.one(RuleFixture.diagnostics(text), "invalid-date", at: (8, 14),
                       says: "`decision_by`: `2024-02-30` is not a date that exists", hint: "check the month and day (2024-02 has 29 days)")
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

    /// A heading's date, a log item's date and a to-do's date that do not exist read as the
    /// front matter's: the item names its key, the heading and the to-do have none.
    func testADateThatDoesNotExistInTheLogHasTheWordsOfTheFrontMatter() {
        let text = RuleFixture.customer(body: """

            ## Follow-ups

            ### 2024-02-30 10:30 phone 张伟
            - next: 2023-02-29
            - [ ] 2024-04-31 提交方案

            """)
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.rules(diagnostics, [("invalid-date", 12, 5), ("invalid-date", 13, 9), ("invalid-date", 14, 7)])
        XCTAssertEqual(diagnostics.map(\.message), [
            "`2024-02-30` is not a date that exists",
            "`next`: `2023-02-29` is not a date that exists",
            "`2024-04-31` is not a date that exists",
        ])
        XCTAssertEqual(diagnostics.map(\.hint), [
            "check the month and day (2024-02 has 29 days)",
            "check the month and day (2023-02 has 28 days)",
            "check the month and day (2024-04 has 30 days)",
        ])
    }

    func testFeedbackDatesThatDoNotExist() {
        let text = RuleFixture.customer(body: "\n## Feedback\n\n### 2024-03-03 meeting 价格偏高\n- resolved: 2024-13-01\n")
        RuleAssert.one(RuleFixture.diagnostics(text), "invalid-date", at: (13, 13),
                       says: "`resolved`: `2024-13-01` is not a date that exists", hint: "check the month and day (months run 01 to 12)")
    }

    // MARK: A date of the wrong form

    func testSlashDateIsTheWrongFormat() {
        let text = RuleFixture.customer(adding: ["decision_by: 2024/04/01"])
        RuleAssert.one(RuleFixture.diagnostics(text), "invalid-date", at: (8, 14),
                       says: "`decision_by` must be a date YYYY-MM-DD, not `2024/04/01`", hint: "write it like `decision_by: 2024-03-01`")
    }

    func testChineseDateIsTheWrongFormat() {
        let text = RuleFixture.customer(adding: ["next: 2024年3月3日"])
        RuleAssert.only(RuleFixture.diagnostics(text), "invalid-date", at: (8, 7), message: ["YYYY-MM-DD"])
    }

    func testALogDateOfTheWrongFormHasTheWordsOfTheFrontMatter() {
        let text = RuleFixture.customer(body: "\n## Feedback\n\n### 2024-03-03 meeting 方案缺少数据备份功能\n- due: 下周\n")
        RuleAssert.one(RuleFixture.diagnostics(text), "invalid-date", at: (13, 8),
                       says: "`due` must be a date YYYY-MM-DD, not `下周`", hint: "write it like `due: 2024-03-01`")
    }

    func testConfirmedStartsWithADate() {
        let text = RuleFixture.customer(body: "\n## Feedback\n\n### 2024-03-03 meeting 方案缺少数据备份功能\n- confirmed: 客户认可\n")
        RuleAssert.one(RuleFixture.diagnostics(text), "invalid-date", at: (13, 14),
                       says: "`confirmed` starts with the date the customer confirmed", hint: "write `- confirmed: 2024-03-06 客户认可`")
    }

    // MARK: Datetimes and times

    func testHourTwentyFiveDoesNotExist() {
        let text = RuleFixture.customer(set: ["created: 2024-03-01 25:00"])
        RuleAssert.one(RuleFixture.diagnostics(text), "invalid-date", at: (6, 10),
                       says: "`created`: `2024-03-01 25:00` is not a date and time that exist",
                       hint: "check the month, day and time (2024-03 has 31 days; times run 00:00 to 23:59)")
    }

    func testDatetimeWithoutLeadingZeroIsTheWrongFormat() {
        let text = RuleFixture.customer(set: ["created: 2024-03-01 9:10"])
        RuleAssert.one(RuleFixture.diagnostics(text), "invalid-date", at: (6, 10),
                       says: "`created` must be a date and time YYYY-MM-DD HH:MM, not `2024-03-01 9:10`",
                       hint: "write it like `created: 2024-03-01 09:30` (or a date alone)")
    }

    /// A heading's time past 23:59 and one without two digits are the same problem.
    func testAHeadingTimeThatIsNotATime() {
        let text = RuleFixture.customer(body: "\n## Follow-ups\n\n### 2024-03-01 24:00 phone 张伟\n### 2024-03-02 9:30 phone 张伟\n")
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.rules(diagnostics, [("invalid-date", 12, 16), ("invalid-date", 13, 16)])
        XCTAssertEqual(diagnostics.map(\.message), ["`24:00` is not a time of day HH:MM", "`9:30` is not a time of day HH:MM"])
        XCTAssertEqual(Set(diagnostics.map(\.hint)), ["write the time as HH:MM between 00:00 and 23:59, for example 09:30"])
    }
}
