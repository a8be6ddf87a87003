import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// owner-role: an open customer's owner has the role its grade asks for (`grade_roles`).
final class OwnerRoleTests: XCTestCase {
    var team: Configuration {
        var configuration = Configuration()
        configuration.team = [Grading.member("王五", .manager), Grading.member("赵六", .senior),
                              Grading.member("孙八", .junior, mentor: "赵六")]
        return configuration
    }

    /// An S score (25/25/20/20 = 90) and its grade, then `owner` on line 10.
    func file(score: String = "score: {size: 25, budget: 25, urgency: 20, decision: 20}", grade: String = "grade: S",
              owner: String, status: String = "status: qualified") -> String {
        RuleFixture.customer(set: [status], adding: [score, grade, "owner: \(owner)"])
    }

    func testAJuniorOwningAnSIsWarnedOnTheOwnerLine() {
        let diagnostics = RuleFixture.diagnostics(file(owner: "孙八"), configuration: team)
        let found = RuleAssert.one(diagnostics, "owner-role", .warning, at: (10, 8),
                                   says: "grade S asks for a manager, but owner `孙八` is a junior",
                                   hint: "run `leadbook assign --rebalance` to move it to a manager (`--dry-run` first to see the move)")
        XCTAssertEqual(found?.phrase.zh, "S 级客户应由销售经理跟进，但负责人 `孙八` 是新人销售")
        XCTAssertEqual(found?.hintPhrase.zh, "运行 `leadbook assign --rebalance` 改派给销售经理（先加 `--dry-run` 看看怎么调整）")
    }

    func testAManagerOwningACIsWarned() {
        let text = file(score: "score: {size: 10, budget: 10, urgency: 10, decision: 5}", grade: "grade: C", owner: "王五")
        RuleAssert.one(RuleFixture.diagnostics(text, configuration: team), "owner-role", .warning, at: (10, 8),
                       says: "grade C asks for a junior, but owner `王五` is a manager",
                       hint: "run `leadbook assign --rebalance` to move it to a junior (`--dry-run` first to see the move)")
    }

    func testTheRoleTheGradeAsksForIsClean() {
        RuleAssert.clean(RuleFixture.diagnostics(file(owner: "王五"), configuration: team))
        let a = file(score: "score: {size: 20, budget: 25, urgency: 15, decision: 15}", grade: "grade: A", owner: "赵六")
        RuleAssert.clean(RuleFixture.diagnostics(a, configuration: team))
    }

    /// The score decides, not a stale grade written beside it; without a score, the grade written.
    func testTheGradeIsTheScoresElseTheOneWritten() {
        let stale = file(grade: "grade: B", owner: "孙八")
        XCTAssertEqual(RuleFixture.diagnostics(stale, configuration: team).map(\.rule.id).sorted(), ["owner-role", "stale-grade"])
        let written = RuleFixture.customer(adding: ["grade: A", "owner: 孙八"])
        RuleAssert.one(RuleFixture.diagnostics(written, configuration: team), "owner-role", .warning, at: (9, 8),
                       says: "grade A asks for a senior, but owner `孙八` is a junior",
                       hint: "run `leadbook assign --rebalance` to move it to a senior (`--dry-run` first to see the move)")
        // Intent A alone is no grade yet.
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(adding: ["owner: 孙八"]), configuration: team))
    }

    func testClosedCustomersAreNotFlagged() {
        let won = file(owner: "孙八", status: "status: won") + ""
        let diagnostics = RuleFixture.diagnostics(won, configuration: team).filter { $0.rule.id == "owner-role" }
        RuleAssert.clean(diagnostics)
        let lost = RuleFixture.customer(set: ["status: lost"], adding: ["grade: S", "owner: 孙八", "lost_reason: 预算不足"])
        RuleAssert.clean(RuleFixture.diagnostics(lost, configuration: team).filter { $0.rule.id == "owner-role" })
    }

    func testNoTeamOrAnOwnerOutsideItIsNotThisRule() {
        RuleAssert.clean(RuleFixture.diagnostics(file(owner: "孙八")))
        XCTAssertEqual(RuleFixture.diagnostics(file(owner: "钱七"), configuration: team).map(\.rule.id), ["unknown-owner"])
    }

    /// leadbook.yml `grade_roles` changes what a grade asks for, for the rule and for `assign`.
    func testGradeRolesFromLeadbookYml() {
        let (configuration, problems) = RuleFixture.configuration("""
            grade_roles: {S: senior, C: manager}
            team:
              - {name: 王五, role: manager}
              - {name: 赵六, role: senior}
              - {name: 孙八, role: junior, mentor: 赵六}

            """)
        RuleAssert.clean(problems)
        XCTAssertEqual(configuration.gradeRoles, [.S: .senior, .A: .senior, .B: .junior, .C: .manager])
        RuleAssert.clean(RuleFixture.diagnostics(file(owner: "赵六"), configuration: configuration))
        RuleAssert.only(RuleFixture.diagnostics(file(owner: "王五"), configuration: configuration), "owner-role", .warning, at: (10, 8),
                        message: ["grade S asks for a senior, but owner `王五` is a manager"])
        XCTAssertEqual(Assignment.role(for: .C, configuration), .manager)
        XCTAssertEqual(Assignment.role(for: .C, Configuration()), .junior)
    }

    func testGradeRolesMistakesAreDiagnosed() {
        let (configuration, problems) = RuleFixture.configuration("""
            grade_roles: {S: director, D: junior, A: 资深销售}

            """)
        XCTAssertEqual(problems.map(\.rule.id), ["unknown-team-role", "unknown-field"], RuleFixture.describe(problems))
        XCTAssertEqual(problems.map(\.column), [18, 28])
        XCTAssertEqual(configuration.gradeRoles[.S], .manager, "the default stays")
        XCTAssertEqual(configuration.gradeRoles[.A], .senior, "a Chinese label reads as its role")
        XCTAssertEqual(RuleFixture.configuration("grade_roles: manager\n").1.map(\.rule.id), ["wrong-type"])
    }
}
