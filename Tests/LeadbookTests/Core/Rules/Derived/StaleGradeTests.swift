import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `check`'s stale-grade, stale-status and stale-next, read from small files.
final class StaleGradeTests: XCTestCase {
    static let scoreS = "score: {size: 25, budget: 25, urgency: 20, decision: 20}"

    func log(_ lines: String...) -> String {
        "\n## Follow-ups\n\n" + lines.joined(separator: "\n") + "\n"
    }

    // MARK: Grade

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

    // MARK: Status

    func testStatusMatchesLastLogStatus() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: contacted", "",
                       "### 2024-03-02 10:30 meeting 张伟", "- status: qualified")
        XCTAssertEqual(Grading.rules(Grading.file(body: body)), [])
    }

    func testStatusDiffersFromLastLogStatus() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: qualified", "",
                       "### 2024-03-02 10:30 meeting 张伟", "- status: proposal", "",
                       "### 2024-03-03 10:30 phone 张伟", "- mood: positive")
        let diagnostics = Grading.read(Grading.file(body: body)).findings.diagnostics
        XCTAssertEqual(diagnostics.map(\.rule.id), ["stale-status"], Grading.describe(diagnostics))
        XCTAssertEqual(diagnostics.first?.line, 7)  // the `status:` line
        XCTAssertTrue(diagnostics.first?.message.contains("proposal") ?? false, Grading.describe(diagnostics))
    }

    func testEarlierLogStatusDoesNotCount() {
        // The front matter equals an earlier status, not the last one.
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: qualified", "",
                       "### 2024-03-02 10:30 meeting 张伟", "- status: contacted")
        XCTAssertEqual(Grading.rules(Grading.file(body: body)), ["stale-status@7"])
    }

    func testChineseStatusLabelIsTheSameValue() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: qualified")
        XCTAssertEqual(Grading.rules(Grading.file(replacing: ["status: 需求明确"], body: body)), [])
        let chineseLog = log("### 2024-03-01 10:30 电话 张伟", "- 状态: 需求明确")
        XCTAssertEqual(Grading.rules(Grading.file(body: chineseLog)), [])
        XCTAssertEqual(Grading.rules(Grading.file(replacing: ["status: 方案提交"], body: body)), ["stale-status@7"])
    }

    func testNoLogStatusIsNotStale() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- mood: positive")
        XCTAssertEqual(Grading.rules(Grading.file(replacing: ["status: negotiation"], body: body)), [])
    }

    // MARK: Next

    func testNextMatchesLastLogNext() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- next: 2024-03-03", "",
                       "### 2024-03-03 10:30 phone 张伟", "- next: 2024-03-08")
        XCTAssertEqual(Grading.rules(Grading.file(adding: ["next: 2024-03-08"], body: body)), [])
    }

    func testNextDiffersFromLastLogNext() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- next: 2024-03-03", "",
                       "### 2024-03-03 10:30 phone 张伟", "- next: 2024-03-08")
        let diagnostics = Grading.read(Grading.file(adding: ["next: 2024-03-03"], body: body)).findings.diagnostics
        XCTAssertEqual(diagnostics.map(\.rule.id), ["stale-next"], Grading.describe(diagnostics))
        XCTAssertEqual(diagnostics.first?.line, 8)
        XCTAssertTrue(diagnostics.first?.message.contains("2024-03-08") ?? false, Grading.describe(diagnostics))
    }

    func testNextMissingWhileLogPlansOne() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- next: 2024-03-03")
        XCTAssertEqual(Grading.rules(Grading.file(body: body)), ["stale-next@7"])
        XCTAssertEqual(Grading.rules(Grading.file(adding: ["next:"], body: body)), ["stale-next@7"])
    }

    func testNextWithoutLogNextIsNotStale() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- mood: positive")
        XCTAssertEqual(Grading.rules(Grading.file(adding: ["next: 2024-03-20"], body: body)), [])
    }

    func testAllThreeStaleAtOnce() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: proposal", "- next: 2024-03-05")
        let text = Grading.file(adding: [Self.scoreS, "grade: B", "next: 2024-03-02"], body: body)
        XCTAssertEqual(Grading.rules(text), ["stale-status@7", "stale-grade@9", "stale-next@10"])
    }

    // MARK: Tombstones

    func testTombstonesAreExempt() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: proposal", "- next: 2024-03-05")
        let text = Grading.file(adding: [Self.scoreS, "grade: C", "next: 2024-03-02", "merged_into: LX2024009"], body: body)
        let rules = Grading.rules(text)
        XCTAssertFalse(rules.contains { $0.hasPrefix("stale-") }, rules.joined(separator: ", "))
        let missingGrade = Grading.file(adding: [Self.scoreS, "merged_into: LX2024009"])
        XCTAssertFalse(Grading.rules(missingGrade).contains { $0.hasPrefix("stale-") })
    }
}
