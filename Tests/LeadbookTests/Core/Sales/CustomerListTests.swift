import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// `CustomerList`: the order of `--sort` (missing values last, ties by id then path), the
/// screening verdict by either word, and the reasons in both languages.
final class CustomerListTests: XCTestCase {
    func row(_ id: String, path: String? = nil, grade: Grade? = nil, next: String? = nil) -> CustomerList.Row {
        CustomerList.Row(id: id, path: path ?? "customers/\(id).md", name: "", grade: grade, status: nil, owner: nil,
                         next: next.flatMap(LocalDate.init), created: nil, lastContact: nil, intent: nil, source: nil,
                         region: nil, industry: nil, team: nil)
    }

    let asOf = LocalDateTime("2024-05-10 09:00")!

    func testSortPutsMissingValuesLastAndBreaksTiesByIdThenPath() {
        let rows = [row("LX3", grade: .B), row("LX2"), row("LX1", path: "customers/b.md", grade: .B),
                    row("LX1", path: "customers/a.md", grade: .B), row("LX4", grade: .S)]
        let byGrade = CustomerList(rows: rows, filter: .init(), asOf: asOf, sort: .grade)
        XCTAssertEqual(byGrade.rows.map { "\($0.id) \($0.path)" },
                       ["LX4 customers/LX4.md", "LX1 customers/a.md", "LX1 customers/b.md", "LX3 customers/LX3.md", "LX2 customers/LX2.md"])
        // The same rows in another order sort the same.
        XCTAssertEqual(CustomerList(rows: rows.reversed(), filter: .init(), asOf: asOf, sort: .grade).rows.map(\.path), byGrade.rows.map(\.path))
        let byNext = CustomerList(rows: [row("LX1"), row("LX2", next: "2024-05-20"), row("LX3", next: "2024-05-12")],
                                  filter: .init(), asOf: asOf, sort: .next)
        XCTAssertEqual(byNext.rows.map(\.id), ["LX3", "LX2", "LX1"])
    }

    func testTheScreeningVerdictByEitherWord() {
        XCTAssertEqual(CustomerList.outcome(named: "fail"), .fail)
        XCTAssertEqual(CustomerList.outcome(named: "未通过"), .fail)
        XCTAssertEqual(CustomerList.outcome(named: " 通过 "), .pass)
        XCTAssertEqual(CustomerList.outcome(named: "无筛选规则"), .noRule)
        XCTAssertNil(CustomerList.outcome(named: "failed"))
    }

    func testTheScreeningReason() {
        let pass = ScreeningResult(outcome: .pass, industry: "软件", reasonPhrases: [Phrase("employees 80 >= 50: met", "员工人数 80 >= 50：符合")])
        XCTAssertEqual(Wording<CustomerList>.screening(pass).phrase, Phrase("screening pass", "筛选通过"))
        let none = ScreeningResult(outcome: .noRule, industry: "零售", reasonPhrases: [Wording<ScreeningResult>.noRule("零售").phrase])
        XCTAssertEqual(Wording<CustomerList>.screening(none).phrase, Phrase("no screening rule for industry 零售", "行业 零售 没有筛选规则"))
        let employees = Wording<ScreeningResult>.atLeast(Wording<ScreeningResult>.employees.phrase, "10", "20", met: false).phrase
        let budget = Wording<ScreeningResult>.notRecorded(Wording<ScreeningResult>.budget.phrase, needs: "50,000").phrase
        let fail = ScreeningResult(outcome: .fail, industry: "教育", reasonPhrases: [
            employees, Wording<ScreeningResult>.needsMention(["在线课程"]).phrase, budget], unmetPhrases: [employees, budget])
        XCTAssertEqual(Wording<CustomerList>.screening(fail).phrase,
                       Phrase("screening fail: employees 10 < 20: not met, budget not recorded (needs >= 50,000)",
                              "筛选未通过：员工人数 10 < 20：不符合，预算未记录（要求 >= 50,000）"))
    }

    func testReasonsInBothLanguages() {
        var filter = CustomerList.Filter()
        filter.stalledDays = 30
        filter.teams = ["华北组"]
        var stalled = row("LX1")
        stalled.daysWithoutContact = 51
        stalled.lastContact = LocalDate("2024-03-20")
        stalled.team = "华北组"
        var never = row("LX2")
        never.daysWithoutContact = 1
        never.created = LocalDateTime("2024-05-09 20:00")
        never.team = "华北组"
        let list = CustomerList(rows: [stalled, never], filter: filter, asOf: asOf)
        XCTAssertEqual(list.reason(stalled), Phrase("no contact for 51 days (last 2024-03-20); team 华北组", "51 天未联系（上次 2024-03-20）；团队 华北组"))
        XCTAssertEqual(list.reason(never), Phrase("never contacted, 1 day since capture (2024-05-09); team 华北组", "获取 1 天仍未联系（2024-05-09 获取）；团队 华北组"))
        XCTAssertEqual(list.headers(.zhCN).last, "列出原因")
        XCTAssertEqual(CustomerList(rows: [], filter: .init(), asOf: asOf).headers(.en), ["id", "name", "grade", "status", "owner", "next"])
    }
}
