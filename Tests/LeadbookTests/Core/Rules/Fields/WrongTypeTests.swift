import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// wrong-type: a value's type comes from its field, never from how it looks.
final class WrongTypeTests: XCTestCase {
    func testTypesComeFromTheFieldNotTheLooks() {
        let text = RuleFixture.customer(adding: [
            "employees: \"500\"",
            "revenue: '120000000.5'",
            "region: NO",
            "industry: 2024",
            "tags: []",
            "contacts:",
            "  - name: 张伟",
            "    phone: 013800000001",
            "    wechat: true",
        ])
        let result = RuleFixture.read(text)
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.employees, 500)
        XCTAssertEqual(result.customer?.revenue, 120000000.5)
        XCTAssertEqual(result.customer?.region, "NO")
        XCTAssertEqual(result.customer?.industry, "2024")
        XCTAssertEqual(result.customer?.tags, [])
        XCTAssertEqual(result.customer?.contacts.first?.phone, "013800000001")
        XCTAssertEqual(result.customer?.contacts.first?.wechat, "true")
    }

    func testChineseNumeralIsNotAWholeNumber() {
        let text = RuleFixture.customer(adding: ["employees: 五百"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (8, 12),
                        message: ["`employees` must be a whole number", "`五百`"], hint: ["employees: 500"])
    }

    func testTextWhereAListIsExpected() {
        let text = RuleFixture.customer(adding: ["tags: 不是列表"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (8, 7),
                        message: ["`tags` must be a list", "`不是列表`"], hint: ["[first, second]"])
    }

    func testThousandsSeparatorsAreNamed() {
        let text = RuleFixture.customer(adding: ["budget: 200,000", "employees: 1_200"])
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.rules(diagnostics, [("wrong-type", 8, 9), ("wrong-type", 9, 12)])
        RuleAssert.matches(diagnostics[0], "wrong-type", at: (8, 9), message: ["without separators"], hint: ["budget: 200000"])
        RuleAssert.matches(diagnostics[1], "wrong-type", at: (9, 12), message: ["without separators"], hint: ["employees: 1200"])
    }

    func testDecimalWhereAWholeNumberIsExpected() {
        let text = RuleFixture.customer(adding: ["employees: 500.5"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (8, 12), message: ["whole number"])
    }

    func testListWhereTextIsExpected() {
        let text = RuleFixture.customer(set: ["name: [华东云, 华东云科技]"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (3, 7), message: ["`name` must be text, not a list"])
    }

    func testMapWhereAListOfContactsIsExpected() {
        let text = RuleFixture.customer(adding: ["contacts:", "  name: 张伟"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (9, 3), message: ["`contacts` must be a list", "a map"])
    }

    func testTextWhereAScoreMapIsExpected() {
        let text = RuleFixture.customer(adding: ["score: 90"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (8, 8), message: ["`score` must be a map", "`90`"])
    }

    func testNumberInWordsForBudget() {
        let text = RuleFixture.customer(adding: ["budget: 20万"])
        RuleAssert.only(RuleFixture.diagnostics(text), "wrong-type", at: (8, 9), message: ["`budget` must be a number", "`20万`"])
    }
}
