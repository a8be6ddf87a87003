import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// stale-grade: `grade` is the grade of the score (leadbook.yml `scoring.grades`); `leadbook
/// sync` writes it.
final class StaleGradeTests: XCTestCase {
    static let scoreS = "score: {size: 25, budget: 25, urgency: 20, decision: 20}"

    func log(_ lines: String...) -> String {
        "\n## Follow-ups\n\n" + lines.joined(separator: "\n") + "\n"
    }

    func testGradeMatchingScoreIsClean() {
        XCTAssertEqual(Grading.rules(Grading.file(adding: [Self.scoreS, "grade: S"])), [])
        XCTAssertEqual(Grading.rules(Grading.file(adding: ["score: {size: 10, budget: 10, urgency: 10, decision: 5}", "grade: C"])), [])
    }

    func testGradeDiffersFromScore() {
        // Lines: 1 ---, 2-7 required, 8 score, 9 grade.
        let result = Grading.read(Grading.file(adding: [Self.scoreS, "grade: A"]))
        let diagnostics = result.findings.diagnostics
        XCTAssertEqual(diagnostics.map(\.rule.id), ["stale-grade"], Grading.describe(diagnostics))
        XCTAssertEqual(diagnostics.first?.line, 9)
        XCTAssertEqual(diagnostics.first?.severity, .error)
        XCTAssertTrue(diagnostics.first?.message.contains("90") ?? false, Grading.describe(diagnostics))
    }

    func testGradeAtThresholdBoundary() {
        // 79 is A, not S.
        let text = Grading.file(adding: ["score: {size: 30, budget: 30, urgency: 19, decision: 0}", "grade: S"])
        XCTAssertEqual(Grading.rules(text), ["stale-grade@9"])
        let fixed = Grading.file(adding: ["score: {size: 30, budget: 30, urgency: 19, decision: 0}", "grade: A"])
        XCTAssertEqual(Grading.rules(fixed), [])
    }

    func testGradeMissing() {
        XCTAssertEqual(Grading.rules(Grading.file(adding: [Self.scoreS])), ["stale-grade@8"])
    }

    func testGradeEmpty() {
        // `grade:` with nothing: sync would write it, so check reports it (at the grade line).
        XCTAssertEqual(Grading.rules(Grading.file(adding: [Self.scoreS, "grade:"])), ["stale-grade@9"])
        XCTAssertEqual(Grading.rules(Grading.file(adding: [Self.scoreS, "grade: \"\""])), ["stale-grade@9"])
    }

    func testAGradeThatIsNotAGradeIsNotReportedAsStale() {
        for line in ["grade: X", "grade: []", "grade: {}", "\"grade\": Z"] {
            XCTAssertFalse(Grading.rules(Grading.file(adding: [Self.scoreS, line])).contains { $0.hasPrefix("stale-grade") }, line)
        }
        XCTAssertEqual(Grading.rules(Grading.file(adding: [Self.scoreS, "'grade': ''"])), ["stale-grade@9"])
    }

    func testGradeWithIncompleteScoreIsNotStale() {
        XCTAssertEqual(Grading.rules(Grading.file(adding: ["score: {size: 25, budget: 25, urgency: 20}", "grade: C"])), [])
        XCTAssertEqual(Grading.rules(Grading.file(adding: ["grade: C"])), [])
    }

    func testGradeUsesConfiguredThresholds() {
        var configuration = Configuration()
        configuration.scoring.gradeS = 95
        configuration.scoring.gradeA = 85
        configuration.scoring.gradeB = 50
        XCTAssertEqual(Grading.rules(Grading.file(adding: [Self.scoreS, "grade: A"]), configuration: configuration), [])
        XCTAssertEqual(Grading.rules(Grading.file(adding: [Self.scoreS, "grade: S"]), configuration: configuration), ["stale-grade@9"])
    }

    func testGradeChineseLabelCountsAsSame() {
        XCTAssertEqual(Grading.rules(Grading.file(adding: [Self.scoreS, "grade: S级"])), [])
    }

    func testTheMessageNamesTheScoreAndTheThresholds() {
        let diagnostics = Grading.read(Grading.file(adding: [Self.scoreS, "grade: A"])).findings.diagnostics
        RuleAssert.one(diagnostics, "stale-grade", at: (9, 8), says: "grade is A but the score 90 gives S (S >= 80, A >= 60, B >= 40)",
                       hint: "run `leadbook sync` to write grade S, or correct the score")
        let missing = Grading.read(Grading.file(adding: [Self.scoreS])).findings.diagnostics
        RuleAssert.one(missing, "stale-grade", at: (8, 8), says: "the score 90 gives grade S but there is no `grade`",
                       hint: "run `leadbook sync` to write it")
    }

    func testAllThreeStaleAtOnce() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: proposal", "- next: 2024-03-05")
        let text = Grading.file(adding: [Self.scoreS, "grade: B", "next: 2024-03-02"], body: body)
        XCTAssertEqual(Grading.rules(text), ["stale-status@7", "stale-grade@9", "stale-next@10"])
    }

    func testTombstonesAreExempt() {
        let missingGrade = Grading.file(adding: [Self.scoreS, "merged_into: LX2024009"])
        XCTAssertEqual(Grading.rules(missingGrade).filter { $0.hasPrefix("stale-grade") }, [])
        XCTAssertEqual(Grading.rules(Grading.file(adding: [Self.scoreS, "grade: C", "merged_into: LX2024009"])).filter { $0.hasPrefix("stale-grade") }, [])
    }
}
