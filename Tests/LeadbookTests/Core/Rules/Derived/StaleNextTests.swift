import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// stale-next: `next` is the last `next:` date of the follow-up log; `leadbook sync` writes it.
final class StaleNextTests: XCTestCase {
    func log(_ lines: String...) -> String {
        "\n## Follow-ups\n\n" + lines.joined(separator: "\n") + "\n"
    }

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

    func testTheMessageNamesTheLastFollowUp() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- next: 2024-03-05")
        RuleAssert.one(Grading.read(Grading.file(adding: ["next: 2024-03-02"], body: body)).findings.diagnostics, "stale-next", at: (8, 7),
                       says: "next is 2024-03-02 but the last follow-up (2024-03-01) plans 2024-03-05",
                       hint: "run `leadbook sync`; to plan another date, log a follow-up with `- next:`")
        RuleAssert.one(Grading.read(Grading.file(body: body)).findings.diagnostics, "stale-next", at: (7, 9),
                       says: "the last follow-up plans 2024-03-05 but there is no `next`", hint: "run `leadbook sync` to write it")
    }

    func testTombstonesAreExempt() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- next: 2024-03-05")
        XCTAssertEqual(Grading.rules(Grading.file(adding: ["next: 2024-03-02", "merged_into: LX2024009"], body: body)).filter { $0.hasPrefix("stale-next") }, [])
    }
}
