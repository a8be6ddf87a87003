import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// stale-status: `status` is the last status of the follow-up log; `leadbook sync` writes it.
final class StaleStatusTests: XCTestCase {
    func log(_ lines: String...) -> String {
        "\n## Follow-ups\n\n" + lines.joined(separator: "\n") + "\n"
    }

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

    func testTheMessageNamesTheLastFollowUp() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: proposal")
        RuleAssert.one(Grading.read(Grading.file(body: body)).findings.diagnostics, "stale-status", at: (7, 9),
                       says: "status is qualified but the last follow-up (2024-03-01) says proposal (方案提交)",
                       hint: "run `leadbook sync`; to change the status, log a follow-up with `- status:`")
    }

    func testTombstonesAreExempt() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: proposal")
        XCTAssertEqual(Grading.rules(Grading.file(adding: ["merged_into: LX2024009"], body: body)).filter { $0.hasPrefix("stale-status") }, [])
    }
}
