import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// ambiguous-scalar: a plain value of a text field that other YAML tools read as something
/// else is a warning at the value; numbers and dates of fields that hold them are not.
final class AmbiguousScalarTests: XCTestCase {
    func testAPhoneWithALeadingZero() {
        let text = RuleFixture.customer(adding: ["contacts:", "  - name: 张伟", "    phone: 02155550101   # office"])
        RuleAssert.one(RuleFixture.diagnostics(text), "ambiguous-scalar", .warning, at: (10, 12),
                       says: "`contacts.phone` is text, but other YAML tools read `02155550101` as a number",
                       hint: "write it in quotes, `\"02155550101\"`; `leadbook fix` quotes every such value")
    }

    func testEachKindOfReadingInTextFields() {
        let text = RuleFixture.customer(set: ["name: yes"], adding: [
            "region: NO",
            "industry: ~",
            "needs: 12:30",
            "owner: 2024-03-01",
            "tags: [on, 决策链复杂, 0x1F]",
            "source_detail:",
            "  page: 1_000",
            "contacts:",
            "  - name: 张伟",
            "    wechat: 007",
            "plan:",
            "  - stage: nurture",
            "    goal: .inf",
            "    due: 每周一",
            "lost_reason: <<",
        ])
        RuleAssert.rules(RuleFixture.diagnostics(text).filter { $0.rule == AmbiguousScalar.rule }, [
            ("ambiguous-scalar", 3, 7), ("ambiguous-scalar", 8, 9), ("ambiguous-scalar", 9, 11), ("ambiguous-scalar", 10, 8),
            ("ambiguous-scalar", 11, 8), ("ambiguous-scalar", 12, 8), ("ambiguous-scalar", 12, 19), ("ambiguous-scalar", 14, 9),
            ("ambiguous-scalar", 17, 13), ("ambiguous-scalar", 20, 11), ("ambiguous-scalar", 22, 14),
        ])
    }

    func testNumbersAndDatesOfTheirFieldsAndQuotedTextAreClean() {
        let text = RuleFixture.customer(set: ["name: \"yes\"", "source: exhibition"], adding: [
            "employees: 500",
            "revenue: 120000000",
            "budget: 200000",
            "decision_by: 2024-04-01",
            "score: {size: 25, budget: 25, urgency: 20, decision: 20, reviewed: 2024-03-02}",
            "grade: S",
            "next: 2024-03-03",
            "assigned: 2024-03-01 09:40",
            "source_detail: {minutes: 30}",
            "contacts:",
            "  - name: 张伟",
            "    phone: \"02155550101\"",
            "    wechat: '007'",
            "    email: zhang.wei@example.com",
            "plan:",
            "  - stage: nurture",
            "    due: 2024-03-05",
            "tags: [\"on\", 决策链复杂]",
            "needs: 数据安全、服务器升级 12:30",
        ])
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }

    func testUnknownAndExtraFieldsAreTheTeamsOwn() {
        let (configuration, _) = RuleFixture.configuration("extra_fields: [fiscal_year]\n")
        let text = RuleFixture.customer(adding: ["fiscal_year: 2024"])
        RuleAssert.clean(RuleFixture.diagnostics(text, configuration: configuration))
    }

    func testATabOutsideQuotes() {
        let text = RuleFixture.customer(adding: ["needs: 数据安全\t服务器升级"])
        RuleAssert.one(RuleFixture.diagnostics(text), "ambiguous-scalar", .warning, at: (8, 8),
                       says: "`needs` has a tab outside quotes, which PyYAML and ruamel.yaml cannot read",
                       hint: "write it in quotes, `\"数据安全\\t服务器升级\"`; `leadbook fix` quotes every such value")
    }

    /// What fix quotes is what the rule reports, value by value.
    func testTheReaderKeepsTheValuesItReports() {
        let text = RuleFixture.customer(set: ["name: yes"], adding: ["region: 华东", "needs: 007"])
        let result = RuleFixture.read(text)
        XCTAssertEqual(result.ambiguousValues.compactMap(\.scalarText), ["yes", "007"])
        XCTAssertEqual(result.findings.diagnostics.filter { $0.rule == AmbiguousScalar.rule }.count, 2)
    }
}
