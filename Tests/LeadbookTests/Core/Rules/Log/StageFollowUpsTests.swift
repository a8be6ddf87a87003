import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// stage-follow-ups: a stage has at most `stage_follow_ups` follow-ups (toolkit 3, 4, 3, 2),
/// reported at the heading of the first one over.
final class StageFollowUpsTests: XCTestCase {
    /// A customer whose log holds one follow-up per item of `statuses` (nil: no `status:` line),
    /// a day apart from 2024-03-01. Headings are on lines 12, 15, 18... (three lines an entry).
    func customer(status: String = "contacted", _ statuses: [String?]) -> String {
        var body = "\n## Follow-ups\n"
        for (index, entryStatus) in statuses.enumerated() {
            body += "\n### 2024-03-\(LocalDate.pad(index + 1, 2)) 10:00 phone 张伟\n- status: \(entryStatus ?? "")\n"
        }
        body = body.replacingOccurrences(of: "- status: \n", with: "- mood: positive\n")
        return RuleFixture.customer(set: ["status: \(status)"], body: body)
    }

    func stageFindings(_ text: String, configuration: Configuration = Configuration()) -> [Diagnostic] {
        RuleFixture.diagnostics(text, configuration: configuration).filter { $0.rule.id == "stage-follow-ups" }
    }

    func testExactlyTheMostOfInitialContactIsClean() {
        XCTAssertEqual(stageFindings(customer(["contacted", nil, nil])), [])
    }

    func testOneMoreIsAWarningAtItsHeading() {
        let diagnostics = stageFindings(customer(["contacted", nil, nil, nil, nil]))
        RuleAssert.one(diagnostics, "stage-follow-ups", .warning, at: (21, 1),
                       says: "follow-up 4 in initial contact: the toolkit plans at most 3",
                       hint: "when the milestone is met (trust built, the need's owner known) write `- status: qualified`; otherwise rethink the plan (the most is `stage_follow_ups.initial-contact` in leadbook.yml)")
        XCTAssertEqual(diagnostics.first?.phrase.zh, "初步接洽阶段的第 4 次跟进：工具包建议最多 3 次")
    }

    /// The entry that sets `qualified` is the last of initial contact; four more fit needs
    /// deepening, a fifth does not.
    func testTheEntryThatMovesTheStageCountsInTheStageItLeaves() {
        let clean = customer(status: "qualified", ["contacted", nil, "qualified", nil, nil, nil, nil])
        XCTAssertEqual(stageFindings(clean), [])
        let over = customer(status: "qualified", ["contacted", nil, "qualified", nil, nil, nil, nil, nil])
        RuleAssert.rules(stageFindings(over), [("stage-follow-ups", 33, 1)])
        XCTAssertTrue(stageFindings(over).first?.message.hasPrefix("follow-up 5 in needs deepening: the toolkit plans at most 4") ?? false)
    }

    /// The log is append-only: a stage already left is not reported.
    func testAStageLeftIsNotReported() {
        XCTAssertEqual(stageFindings(customer(status: "qualified", ["contacted", nil, nil, nil, "qualified"])), [])
        RuleAssert.rules(stageFindings(customer(status: "contacted", ["contacted", nil, nil, nil, "contacted"])), [("stage-follow-ups", 21, 1)])
    }

    func testNegotiationAllowsTwo() {
        XCTAssertEqual(stageFindings(customer(status: "negotiation", ["qualified", "proposal", "negotiation", nil, nil])), [])
        let text = customer(status: "negotiation", ["qualified", "proposal", "negotiation", nil, nil, nil])
        RuleAssert.rules(stageFindings(text), [("stage-follow-ups", 27, 1)])
        XCTAssertTrue(stageFindings(text).first?.message.contains("in negotiation") ?? false)
    }

    /// A log without any `status:` is in the stage of the front matter's status.
    func testALogWithoutStatusesCountsInTheCurrentStage() {
        XCTAssertEqual(stageFindings(customer(status: "qualified", [nil, nil, nil, nil])), [])
        RuleAssert.rules(stageFindings(customer(status: "contacted", [nil, nil, nil, nil])), [("stage-follow-ups", 21, 1)])
    }

    func testOnceWonNothingCounts() {
        let text = customer(status: "won", ["negotiation", nil, nil, nil, "won", nil]).replacingOccurrences(of: "status: won\n---", with: "status: won\ndeal: {amount: 1, closed: 2024-03-02}\n---")
        XCTAssertEqual(stageFindings(text), [])
        XCTAssertEqual(stageFindings(customer(status: "negotiation", ["negotiation", nil, nil, nil])).count, 1)
    }

    func testTheMostIsConfigurable() {
        var configuration = Configuration()
        configuration.stageFollowUps[.initialContact] = 1
        RuleAssert.rules(stageFindings(customer(["contacted", nil]), configuration: configuration), [("stage-follow-ups", 15, 1)])
        let (read, diagnostics) = RuleFixture.configuration("stage_follow_ups: {initial-contact: 1, nurture: 3, negotiation: 0}\n")
        XCTAssertEqual(read.stageFollowUps[.initialContact], 1)
        XCTAssertEqual(read.stageFollowUps[.negotiation], 2)
        XCTAssertEqual(diagnostics.map(\.rule.id), ["unknown-field", "out-of-range"], RuleFixture.describe(diagnostics))
    }
}
