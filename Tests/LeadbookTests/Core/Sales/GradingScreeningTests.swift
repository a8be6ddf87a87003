import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The toolkit's screening (section 1): B2B software needs >= 50 employees, "效率提升" or "成本控制" in
/// the needs, and a budget >= 100,000 CNY.
final class GradingScreeningTests: XCTestCase {
    func configuration() -> Configuration {
        var rule = ScreeningCriterion(industry: "B2B软件")
        rule.minEmployees = 50
        rule.minBudget = 100_000
        rule.keywords = ["效率提升", "成本控制"]
        var configuration = Configuration()
        configuration.screening = [rule]
        return configuration
    }

    func lead(employees: Int? = 120, budget: Double? = 150_000, needs: String? = "希望效率提升", industry: String? = "B2B软件") -> Customer {
        var customer = Grading.customer()
        customer.industry = industry
        customer.employees = employees
        customer.budget = budget
        customer.needs = needs
        return customer
    }

    func testPass() {
        let result = ScreeningResult.screen(lead(), configuration())
        XCTAssertEqual(result.outcome, .pass)
        XCTAssertEqual(result.industry, "B2B软件")
        XCTAssertEqual(result.reasons.count, 3)
        XCTAssertTrue(result.reasons.allSatisfy { $0.hasSuffix(": met") }, "\(result.reasons)")
    }

    /// Spaces around the industry are not part of it, in the customer file or in leadbook.yml:
    /// `explain` shows the rule's verdict for 制造业, not `no-rule ( 制造业)`.
    func testAnIndustryIsMatchedWithoutSurroundingSpaces() {
        let spaced = ScreeningResult.screen(lead(industry: " B2B软件\t"), configuration())
        XCTAssertEqual(spaced.outcome, .pass)
        XCTAssertEqual(spaced.industry, "B2B软件")
        XCTAssertEqual(ScreeningResult.outcome(lead(industry: "B2B软件 "), configuration()), .pass)
        var configured = configuration()
        configured.screening[0].industry = " B2B软件"
        XCTAssertEqual(ScreeningResult.screen(lead(), configured).outcome, .pass)
        let blank = ScreeningResult.screen(lead(industry: "  "), configuration())
        XCTAssertEqual(blank.outcome, .noRule)
        XCTAssertNil(blank.industry)
        XCTAssertEqual(ScreeningResult.screen(lead(industry: " 零售"), configuration()).reasons, ["no screening rule for industry 零售"])
    }

    func testReasonsSpellOutEachCriterion() {
        XCTAssertEqual(ScreeningResult.screen(lead(employees: 49, budget: 150_000.5), configuration()).reasons, [
            "employees 49 < 50: not met", "budget 150,000.50 >= 100,000: met", "needs mention 效率提升: met",
        ])
        XCTAssertEqual(ScreeningResult.screen(lead(employees: nil, budget: nil), configuration()).reasons, [
            "employees not recorded (needs >= 50)", "budget not recorded (needs >= 100,000)", "needs mention 效率提升: met",
        ])
    }

    /// The verdict alone (what the summary counts) is the verdict `explain` shows, for every
    /// combination of facts met, missed and not recorded.
    func testTheOutcomeAloneIsTheScreeningsVerdict() {
        var outcomes: Set<String> = []
        for employees in [nil, 49, 50] as [Int?] {
            for budget in [nil, 99_999, 100_000] as [Double?] {
                for needs in [nil, "", "希望成本控制", "别的"] as [String?] {
                    for industry in [nil, "B2B软件", "零售"] as [String?] {
                        let customer = lead(employees: employees, budget: budget, needs: needs, industry: industry)
                        let outcome = ScreeningResult.outcome(customer, configuration())
                        XCTAssertEqual(outcome, ScreeningResult.screen(customer, configuration()).outcome,
                                       "\(String(describing: employees)) \(String(describing: budget)) \(String(describing: needs)) \(String(describing: industry))")
                        outcomes.insert(outcome.rawValue)
                    }
                }
            }
        }
        XCTAssertEqual(outcomes, ["pass", "fail", "no-rule"])
    }

    func testExactMinimumsPass() {
        XCTAssertEqual(ScreeningResult.screen(lead(employees: 50, budget: 100_000), configuration()).outcome, .pass)
    }

    func testFailsWithReasons() {
        let result = ScreeningResult.screen(lead(employees: 49, budget: 99_999), configuration())
        XCTAssertEqual(result.outcome, .fail)
        XCTAssertEqual(result.reasons.count, 3)
        XCTAssertTrue(result.reasons[0].contains("49") && result.reasons[0].contains("not met"), "\(result.reasons)")
        XCTAssertTrue(result.reasons[1].contains("not met"), "\(result.reasons)")
        XCTAssertTrue(result.reasons[2].hasSuffix(": met"), "\(result.reasons)")
        XCTAssertEqual(result.unmetPhrases, Array(result.reasonPhrases[0...1]))
    }

    func testUnmetCriteriaAreTheOnesThatFailed() {
        XCTAssertEqual(ScreeningResult.screen(lead(), configuration()).unmetPhrases, [])
        let missing = ScreeningResult.screen(lead(employees: nil, needs: "数据安全"), configuration())
        XCTAssertEqual(missing.unmetPhrases.map(\.en), ["employees not recorded (needs >= 50)", "needs mention none of 效率提升, 成本控制: not met"])
    }

    func testOneCriterionMissedFails() {
        XCTAssertEqual(ScreeningResult.screen(lead(employees: 10), configuration()).outcome, .fail)
        XCTAssertEqual(ScreeningResult.screen(lead(budget: 50_000), configuration()).outcome, .fail)
        let noKeyword = ScreeningResult.screen(lead(needs: "数据安全、服务器升级"), configuration())
        XCTAssertEqual(noKeyword.outcome, .fail)
        XCTAssertTrue(noKeyword.reasons.last?.contains("none of 效率提升, 成本控制") ?? false, "\(noKeyword.reasons)")
    }

    func testUnknownFactsFail() {
        let result = ScreeningResult.screen(lead(employees: nil, budget: nil, needs: nil), configuration())
        XCTAssertEqual(result.outcome, .fail)
        XCTAssertEqual(result.reasons.count, 3)
        XCTAssertTrue(result.reasons[0].contains("not recorded"), "\(result.reasons)")
        XCTAssertTrue(result.reasons[1].contains("not recorded"), "\(result.reasons)")
        XCTAssertEqual(ScreeningResult.screen(lead(employees: nil), configuration()).outcome, .fail)
        XCTAssertEqual(ScreeningResult.screen(lead(budget: nil), configuration()).outcome, .fail)
        XCTAssertEqual(ScreeningResult.screen(lead(needs: nil), configuration()).outcome, .fail)
    }

    func testKeywordsMatchedAnywhereInNeeds() {
        for needs in ["成本控制", "降低采购成本控制风险", "需要: 数据安全; 效率提升。", "效率提升和成本控制都要"] {
            XCTAssertEqual(ScreeningResult.screen(lead(needs: needs), configuration()).outcome, .pass, needs)
        }
        let both = ScreeningResult.screen(lead(needs: "效率提升和成本控制都要"), configuration())
        XCTAssertTrue(both.reasons.last?.contains("效率提升, 成本控制") ?? false, "\(both.reasons)")
        // Only one of the words of a keyword is not enough.
        XCTAssertEqual(ScreeningResult.screen(lead(needs: "效率"), configuration()).outcome, .fail)
    }

    func testRuleWithoutKeywordsOrMinimums() {
        var configuration = configuration()
        configuration.screening[0].keywords = []
        configuration.screening[0].minBudget = nil
        let result = ScreeningResult.screen(lead(budget: nil, needs: nil), configuration)
        XCTAssertEqual(result.outcome, .pass)
        XCTAssertEqual(result.reasons.count, 1)
    }

    func testNoRuleForIndustry() {
        let other = ScreeningResult.screen(lead(industry: "B2C教育"), configuration())
        XCTAssertEqual(other.outcome, .noRule)
        XCTAssertEqual(other.industry, "B2C教育")
        XCTAssertTrue(other.reasons.first?.contains("B2C教育") ?? false)
        let none = ScreeningResult.screen(lead(industry: nil), configuration())
        XCTAssertEqual(none.outcome, .noRule)
        XCTAssertNil(none.industry)
        XCTAssertEqual(ScreeningResult.screen(lead(), Configuration()).outcome, .noRule)
    }

    func testFirstRuleForIndustryApplies() {
        var configuration = configuration()
        var education = ScreeningCriterion(industry: "B2C教育")
        education.keywords = ["试听"]
        configuration.screening.append(education)
        XCTAssertEqual(ScreeningResult.screen(lead(needs: "孩子想先试听", industry: "B2C教育"), configuration).outcome, .pass)
        XCTAssertEqual(ScreeningResult.screen(lead(needs: "了解课程", industry: "B2C教育"), configuration).outcome, .fail)
    }

    func testScreeningFromLeadbookYml() {
        let (configuration, diagnostics) = ConfigurationReader.read(SourceText(path: "leadbook.yml", bytes: Array("""
            screening:
              - {industry: B2B软件, min_employees: 50, min_budget: 100000, keywords: [效率提升, 成本控制]}

            """.utf8)))
        XCTAssertEqual(diagnostics, [], Grading.describe(diagnostics))
        XCTAssertEqual(ScreeningResult.screen(lead(), configuration).outcome, .pass)
        XCTAssertEqual(ScreeningResult.screen(lead(employees: 49), configuration).outcome, .fail)
    }
}
