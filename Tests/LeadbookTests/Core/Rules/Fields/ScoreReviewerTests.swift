import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// score-reviewer: `score.reviewed_by` is a member of the team whose role reviews scores.
final class ScoreReviewerTests: XCTestCase {
    var team: Configuration {
        var configuration = Configuration()
        configuration.team = [Grading.member("王五", .manager), Grading.member("李四", .manager), Grading.member("赵六", .senior),
                              Grading.member("孙八", .junior, mentor: "赵六")]
        return configuration
    }

    /// The score on line 8, block style: `reviewed_by` on line 13.
    func file(reviewer: String) -> String {
        RuleFixture.customer(adding: ["score:", "  size: 20", "  budget: 25", "  urgency: 15", "  decision: 15",
                                      "  reviewed_by: \(reviewer)", "  reviewed: 2024-03-04", "grade: A"])
    }

    /// Both readings: with the front matter tree, and the flat one `check` uses.
    func diagnostics(_ text: String, _ configuration: Configuration) -> [[Diagnostic]] {
        [RuleFixture.diagnostics(text, configuration: configuration),
         CustomerReader.read(path: RuleFixture.path, bytes: Array(text.utf8), configuration: configuration, tree: false).findings.diagnostics]
    }

    func testAManagerIsClean() {
        for found in diagnostics(file(reviewer: "王五"), team) { RuleAssert.clean(found) }
    }

    func testAJuniorIsWarnedAtTheReviewer() {
        for found in diagnostics(file(reviewer: "孙八"), team) {
            let diagnostic = RuleAssert.one(found, "score-reviewer", .warning, at: (13, 16),
                                            says: "the score is reviewed by `孙八`, a junior; scores are reviewed by a manager",
                                            hint: "have one of 王五, 李四 review it and write their name")
            XCTAssertEqual(diagnostic?.phrase.zh, "评分复核人 `孙八` 是新人销售，评分要由销售经理复核")
            XCTAssertEqual(diagnostic?.hintPhrase.zh, "请 王五、李四 中的一位复核，再写上他的名字")
        }
    }

    func testANonMemberGetsTheNearestReviewer() {
        for found in diagnostics(file(reviewer: "王伍"), team) {
            let diagnostic = RuleAssert.one(found, "score-reviewer", .warning, at: (13, 16),
                                            says: "the score is reviewed by `王伍`, who is not in the team", hint: "did you mean `王五`?")
            XCTAssertNotNil(diagnostic?.suggestion)
        }
        for found in diagnostics(file(reviewer: "Someone Else"), team) {
            RuleAssert.one(found, "score-reviewer", .warning, at: (13, 16), says: "the score is reviewed by `Someone Else`, who is not in the team",
                           hint: "have one of 王五, 李四 review it and write their name")
        }
    }

    /// In a flow map the finding points at the value all the same.
    func testTheFlowMapPointsAtTheValue() {
        let text = RuleFixture.customer(adding: ["score: {size: 20, budget: 25, urgency: 15, decision: 15, reviewed_by: 赵六}", "grade: A"])
        for found in diagnostics(text, team) {
            RuleAssert.only(found, "score-reviewer", .warning, at: (8, 71), message: ["the score is reviewed by `赵六`, a senior; scores are reviewed by a manager"])
        }
    }

    func testNoTeamNoReviewerOrClosedTombstone() {
        RuleAssert.clean(RuleFixture.diagnostics(file(reviewer: "孙八")))
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(adding: ["score: {size: 20, budget: 25, urgency: 15, decision: 15}", "grade: A"]),
                                                 configuration: team))
    }

    /// `score_review.roles` from leadbook.yml: seniors review too; `[]` asks only for a member.
    func testRolesFromLeadbookYml() {
        let teamText = """
            team:
              - {name: 王五, role: manager}
              - {name: 赵六, role: senior}
              - {name: 孙八, role: junior, mentor: 赵六}

            """
        let (both, problems) = RuleFixture.configuration("score_review: {roles: [manager, senior], days: 3}\n" + teamText)
        RuleAssert.clean(problems)
        XCTAssertEqual(both.scoreReviewRoles, [.manager, .senior])
        XCTAssertEqual(both.scoreReviewDays, 3)
        RuleAssert.clean(RuleFixture.diagnostics(file(reviewer: "赵六"), configuration: both))
        RuleAssert.only(RuleFixture.diagnostics(file(reviewer: "孙八"), configuration: both), "score-reviewer", .warning, at: (13, 16),
                        message: ["the score is reviewed by `孙八`, a junior; scores are reviewed by a manager or senior"])
        let (none, _) = RuleFixture.configuration("score_review: {roles: []}\n" + teamText)
        XCTAssertEqual(none.scoreReviewRoles, [])
        RuleAssert.clean(RuleFixture.diagnostics(file(reviewer: "孙八"), configuration: none))
        XCTAssertEqual(RuleFixture.diagnostics(file(reviewer: "钱七"), configuration: none).map(\.rule.id), ["score-reviewer"])
    }

    func testScoreReviewMistakesAreDiagnosed() {
        let (configuration, problems) = RuleFixture.configuration("score_review: {roles: [manger], days: 4000, weeks: 1}\n")
        XCTAssertEqual(problems.map(\.rule.id), ["unknown-team-role", "out-of-range", "unknown-field"], RuleFixture.describe(problems))
        XCTAssertEqual(configuration.scoreReviewRoles, [.manager], "the default stays")
        XCTAssertEqual(configuration.scoreReviewDays, 7)
        XCTAssertEqual(RuleFixture.configuration("score_review: {roles: senior}\n").0.scoreReviewRoles, [.senior])
        XCTAssertEqual(RuleFixture.configuration("score_review: [manager]\n").1.map(\.rule.id), ["wrong-type"])
    }

    /// `roles:` with nothing after it is neither the default nor `[]`: it is said, and the default stays.
    func testEmptyRolesAreDiagnosed() throws {
        for text in ["score_review: {roles: }\n", "score_review:\n  roles:\n  days: 5\n"] {
            let (configuration, problems) = RuleFixture.configuration(text)
            XCTAssertEqual(problems.map(\.rule.id), ["wrong-type"], RuleFixture.describe(problems))
            let problem = try XCTUnwrap(problems.first)
            XCTAssertTrue(problem.message.hasSuffix("`score_review.roles` must be a list, not an empty value"), problem.message)
            XCTAssertTrue((problem.message + problem.hint).contains("roles: [] asks for no review"), problem.message + problem.hint)
            XCTAssertFalse(problem.phrase.zh.isEmpty)
            XCTAssertEqual(configuration.scoreReviewRoles, [.manager], "the default stays")
        }
        XCTAssertEqual(RuleFixture.configuration("score_review: {roles: []}\n").1.count, 0)
    }

    /// A `reviewed` date with nobody named: who reviewed? At the date, in both readings and languages.
    func testADateWithoutAReviewerIsWarned() {
        let text = RuleFixture.customer(adding: ["score:", "  size: 20", "  budget: 25", "  urgency: 15", "  decision: 15",
                                                 "  reviewed: 2024-03-04", "grade: A"])
        for found in diagnostics(text, team) {
            let diagnostic = RuleAssert.one(found, "score-reviewer", .warning, at: (13, 13),
                                            says: "the score has a `reviewed` date (2024-03-04) but no `reviewed_by`: who reviewed it? A score counts as reviewed when a manager is named",
                                            hint: "add `reviewed_by: <a manager>` to the score: 王五, 李四")
            XCTAssertEqual(diagnostic?.phrase.zh, "评分写了复核日期 `reviewed`（2024-03-04），却没有复核人 `reviewed_by`：是谁复核的？写明销售经理的名字才算复核")
            XCTAssertEqual(diagnostic?.hintPhrase.zh, "在评分里加上 `reviewed_by: <销售经理>`：王五、李四")
        }
        let flow = RuleFixture.customer(adding: ["score: {size: 20, budget: 25, urgency: 15, decision: 15, reviewed: 2024-03-04}", "grade: A"])
        for found in diagnostics(flow, team) {
            RuleAssert.one(found, "score-reviewer", .warning, at: (8, 68),
                           says: "the score has a `reviewed` date (2024-03-04) but no `reviewed_by`: who reviewed it? A score counts as reviewed when a manager is named",
                           hint: "add `reviewed_by: <a manager>` to the score: 王五, 李四")
        }
        var noReview = team
        noReview.scoreReviewRoles = []
        for found in diagnostics(text, noReview) { RuleAssert.clean(found) }
        for found in diagnostics(text, Configuration()) { RuleAssert.clean(found) }
    }
}
