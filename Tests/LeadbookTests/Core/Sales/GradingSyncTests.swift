import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `CustomerSync.sync` on byte strings: only derived values change, in the file's own style.
final class GradingSyncTests: XCTestCase {
    static let scoreS = "score: {size: 25, budget: 25, urgency: 20, decision: 20}"

    func log(_ lines: String...) -> String {
        "\n## Follow-ups\n\n" + lines.joined(separator: "\n") + "\n"
    }

    func assertIdempotent(_ text: String, configuration: Configuration = Configuration(),
                          file: StaticString = #filePath, line: UInt = #line) {
        let again = Grading.sync(text, configuration: configuration)
        XCTAssertTrue(Grading.isUnchanged(again), "syncing the output again should leave it unchanged: \(again)", file: file, line: line)
        XCTAssertEqual(Grading.read(text, configuration: configuration).findings.diagnostics, [],
                       Grading.describe(Grading.read(text, configuration: configuration).findings.diagnostics), file: file, line: line)
    }

    func testCleanFileIsUnchanged() {
        XCTAssertTrue(Grading.isUnchanged(Grading.sync(Grading.file(adding: [Self.scoreS, "grade: S"]))))
        XCTAssertTrue(Grading.isUnchanged(Grading.sync(Grading.file())))
    }

    func testWritesGrade() throws {
        let before = Grading.file(adding: [Self.scoreS, "grade: A", "owner: 王五"])
        let after = try XCTUnwrap(Grading.synced(before))
        XCTAssertEqual(after, Grading.file(adding: [Self.scoreS, "grade: S", "owner: 王五"]))
        assertIdempotent(after)
        guard case .changed(let change) = Grading.sync(before) else { return XCTFail() }
        XCTAssertEqual(change.path, Grading.path)
        XCTAssertEqual(change.before, Array(before.utf8))
        XCTAssertEqual(change.notes, ["grade A -> S"])
    }

    func testKeepsChineseGradeStyle() throws {
        let after = try XCTUnwrap(Grading.synced(Grading.file(adding: [Self.scoreS, "grade: A级"])))
        XCTAssertEqual(after, Grading.file(adding: [Self.scoreS, "grade: S级"]))
        assertIdempotent(after)
    }

    func testInsertsMissingGradeAfterScore() throws {
        let before = Grading.file(adding: ["budget: 200000", Self.scoreS, "tags: [价格敏感]", "owner: 王五"])
        let after = try XCTUnwrap(Grading.synced(before))
        XCTAssertEqual(after, Grading.file(adding: ["budget: 200000", Self.scoreS, "grade: S", "tags: [价格敏感]", "owner: 王五"]))
        assertIdempotent(after)
    }

    func testInsertsGradeAfterBlockScore() throws {
        let before = Grading.file(adding: ["score:", "  size: 20", "  budget: 25", "  urgency: 15", "  decision: 15", "owner: 王五"])
        let after = try XCTUnwrap(Grading.synced(before))
        XCTAssertEqual(after, Grading.file(adding: ["score:", "  size: 20", "  budget: 25", "  urgency: 15", "  decision: 15",
                                                    "grade: A", "owner: 王五"]))
        assertIdempotent(after)
    }

    func testWritesStatusFromLastLogEntry() throws {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: qualified", "",
                       "### 2024-03-02 10:30 meeting 张伟", "- status: proposal")
        let after = try XCTUnwrap(Grading.synced(Grading.file(body: body)))
        XCTAssertEqual(after, Grading.file(replacing: ["status: proposal"], body: body))
        assertIdempotent(after)
    }

    func testKeepsChineseStatusLabel() throws {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: proposal")
        let after = try XCTUnwrap(Grading.synced(Grading.file(replacing: ["status: 需求明确"], body: body)))
        XCTAssertEqual(after, Grading.file(replacing: ["status: 方案提交"], body: body))
        assertIdempotent(after)
        // An English file stays English even when the log is in Chinese.
        let chineseLog = log("### 2024-03-01 10:30 电话 张伟", "- 状态: 商务谈判")
        let english = try XCTUnwrap(Grading.synced(Grading.file(body: chineseLog)))
        XCTAssertEqual(english, Grading.file(replacing: ["status: negotiation"], body: chineseLog))
    }

    func testChineseLabelEqualToLogIsUnchanged() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: qualified")
        XCTAssertTrue(Grading.isUnchanged(Grading.sync(Grading.file(replacing: ["status: 需求明确"], body: body))))
    }

    func testWritesAndInsertsNext() throws {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- next: 2024-03-03", "",
                       "### 2024-03-03 10:30 phone 张伟", "- next: 2024-03-08")
        let replaced = try XCTUnwrap(Grading.synced(Grading.file(adding: ["next: 2024-03-03"], body: body)))
        XCTAssertEqual(replaced, Grading.file(adding: ["next: 2024-03-08"], body: body))
        assertIdempotent(replaced)
        // Missing: inserted after `status`.
        let inserted = try XCTUnwrap(Grading.synced(Grading.file(adding: ["owner: 王五"], body: body)))
        XCTAssertEqual(inserted, Grading.file(adding: ["next: 2024-03-08", "owner: 王五"], body: body))
        assertIdempotent(inserted)
    }

    func testWritesAllThreeAndKeepsComments() throws {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: proposal", "- next: 2024-03-05")
        let before = Grading.file(adding: [Self.scoreS + "  # reviewed", "grade: B  # old", "next: '2024-03-02'"], body: body)
        let after = try XCTUnwrap(Grading.synced(before))
        XCTAssertEqual(after, Grading.file(replacing: ["status: proposal"],
                                           adding: [Self.scoreS + "  # reviewed", "grade: S  # old", "next: '2024-03-05'"], body: body))
        assertIdempotent(after)
        guard case .changed(let change) = Grading.sync(before) else { return XCTFail() }
        XCTAssertEqual(Set(change.notes), ["grade B -> S", "status qualified -> proposal", "next 2024-03-02 -> 2024-03-05"])
    }

    func testKeepsCRLF() throws {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: proposal", "- next: 2024-03-05")
        let lf = Grading.file(adding: [Self.scoreS], body: body)
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let after = try XCTUnwrap(Grading.synced(crlf))
        // `next` goes right after `status`, `grade` right after `score`.
        let expected = Grading.file(replacing: ["status: proposal"], adding: ["next: 2024-03-05", Self.scoreS, "grade: S"], body: body)
        XCTAssertEqual(after, expected.replacingOccurrences(of: "\n", with: "\r\n"))
        let bytes = Array(after.utf8)
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            XCTAssertTrue(index > 0 && bytes[index - 1] == 0x0D, "a bare LF at byte \(index)")
        }
        assertIdempotent(after)
    }

    func testSkipsFilesWithOtherErrors() {
        // A stale grade, but also an unknown intent: sync leaves the file alone.
        let text = Grading.file(replacing: ["intent: Z"], adding: [Self.scoreS, "grade: A"])
        guard case .skipped(let path, let errors) = Grading.sync(text) else { return XCTFail("expected .skipped") }
        XCTAssertEqual(path, Grading.path)
        XCTAssertGreaterThanOrEqual(errors, 1)
        // A missing required field.
        XCTAssertTrue(Grading.isSkipped(Grading.sync(Grading.file(adding: [Self.scoreS], removing: ["name"]))))
        // Not a customer file at all.
        XCTAssertTrue(Grading.isSkipped(Grading.sync("no front matter\n")))
        XCTAssertTrue(Grading.isSkipped(Grading.sync("---\nid: [LX\n---\n")))
    }

    func testWarningsDoNotBlockSync() throws {
        // An unknown key is a warning: the grade is still written.
        let after = try XCTUnwrap(Grading.synced(Grading.file(adding: ["bugdet: 5", Self.scoreS])))
        XCTAssertEqual(after, Grading.file(adding: ["bugdet: 5", Self.scoreS, "grade: S"]))
    }

    func testTombstoneIsUnchanged() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: proposal")
        let text = Grading.file(adding: [Self.scoreS, "grade: C", "merged_into: LX2024009"], body: body)
        XCTAssertTrue(Grading.isUnchanged(Grading.sync(text)))
    }

    // MARK: Score proposals

    /// size by employees, budget by amount, urgency by days from created to decision_by,
    /// decision by a known decision-maker.
    static func proposalConfiguration() -> Configuration {
        var rules = ScoringPolicy()
        rules.size = [.init(threshold: 1000, atMost: false, points: 30), .init(threshold: 200, atMost: false, points: 25),
                      .init(threshold: 50, atMost: false, points: 15), .init(threshold: nil, atMost: false, points: 5)]
        rules.budget = [.init(threshold: 500_000, atMost: false, points: 30), .init(threshold: 100_000, atMost: false, points: 25),
                        .init(threshold: nil, atMost: false, points: 10)]
        rules.urgency = [.init(threshold: 30, atMost: true, points: 20), .init(threshold: 90, atMost: true, points: 10),
                         .init(threshold: nil, atMost: false, points: 5)]
        rules.decisionMaker = 20
        rules.noDecisionMaker = 5
        var configuration = Configuration()
        configuration.scoring.rules = rules
        return configuration
    }

    static let contacts = ["contacts:", "  - name: 张伟", "    phone: \"13800000001\"", "    role: decision-maker"]

    func testProposalWritesFlowMapWithoutReviewer() throws {
        let configuration = Self.proposalConfiguration()
        // 500 employees: 25; budget 200000: 25; 2024-03-01 -> 2024-03-31 is 30 days: 20; decision-maker: 20. 90 = S.
        let before = Grading.file(replacing: ["intent: A"], adding: ["employees: 500"] + Self.contacts
                                    + ["budget: 200000", "decision_by: 2024-03-31", "owner: 王五"])
        let after = try XCTUnwrap(Grading.synced(before, configuration: configuration))
        XCTAssertTrue(after.contains("intent: A\nscore: {size: 25, budget: 25, urgency: 20, decision: 20}\ngrade: S\ncreated:"), after)
        XCTAssertFalse(after.contains("reviewed"), after)
        let customer = try XCTUnwrap(Grading.read(after, configuration: configuration).customer)
        XCTAssertEqual(customer.score?.total, 90)
        XCTAssertNil(customer.score?.reviewedBy)
        XCTAssertNil(customer.score?.reviewed)
        XCTAssertEqual(customer.grade, .S)
        XCTAssertEqual(customer.owner, "王五")
        XCTAssertEqual(customer.decisionBy, Grading.date("2024-03-31"))
        assertIdempotent(after, configuration: configuration)
        guard case .changed(let change) = Grading.sync(before, configuration: configuration) else { return XCTFail() }
        XCTAssertTrue(change.notes.contains("score proposed 25/25/20/20 (not reviewed)"), "\(change.notes)")
    }

    func testProposalScoreIsPlacedAfterIntent() throws {
        let configuration = Self.proposalConfiguration()
        // Front matter order: required lines (intent on line 5) then budget and decision_by.
        let before = Grading.file(adding: ["budget: 200000", "decision_by: 2024-03-31", "owner: 王五"])
        let after = try XCTUnwrap(Grading.synced(before, configuration: configuration))
        let lines = after.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let scoreLine = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("score:") })
        // `intent` is the first anchor that exists: the score goes right after it, the grade after the score.
        XCTAssertEqual(lines[scoreLine - 1], "intent: A", after)
        XCTAssertEqual(lines[scoreLine + 1], "grade: B", after)
        XCTAssertEqual(after, Grading.file([
            "id: LX2024001", "name: 华东云科技有限公司", "source: website", "intent: A",
            "score: {size: 5, budget: 25, urgency: 20, decision: 5}", "grade: B",
            "created: 2024-03-01 09:10", "status: qualified", "budget: 200000", "decision_by: 2024-03-31", "owner: 王五",
        ]))
        assertIdempotent(after, configuration: configuration)
    }

    func testProposalKeepsCRLFAndFillsEmptyKeys() throws {
        let configuration = Self.proposalConfiguration()
        // `score:` and `grade:` written but empty: filled in place. 1200: 30, no budget: 10, no date: 5, nobody: 5.
        let before = Grading.file(adding: ["employees: 1200", "score:", "grade:", "owner: 王五"]).replacingOccurrences(of: "\n", with: "\r\n")
        let after = try XCTUnwrap(Grading.synced(before, configuration: configuration))
        XCTAssertEqual(after, Grading.file(adding: ["employees: 1200", "score: {size: 30, budget: 10, urgency: 5, decision: 5}", "grade: B",
                                                    "owner: 王五"]).replacingOccurrences(of: "\n", with: "\r\n"))
        assertIdempotent(after, configuration: configuration)
    }

    func testFillsEmptyGrade() throws {
        let after = try XCTUnwrap(Grading.synced(Grading.file(adding: [Self.scoreS, "grade:", "owner: 王五"])))
        XCTAssertEqual(after, Grading.file(adding: [Self.scoreS, "grade: S", "owner: 王五"]))
        assertIdempotent(after)
    }

    func testProposalBands() throws {
        let configuration = Self.proposalConfiguration()
        // 1200 employees: 30; budget 50000: 10; 120 days: 5; no decision-maker: 5. 50 = B.
        var customer = Grading.customer()
        customer.employees = 1200
        customer.budget = 50_000
        customer.created = Grading.moment("2024-03-01 09:10")
        customer.decisionBy = Grading.date("2024-06-29")
        var contact = Contact()
        contact.name = "李四"
        contact.role = .influencer
        customer.contacts = [contact]
        let proposal = try XCTUnwrap(ScoreProposal.propose(customer, configuration))
        XCTAssertEqual(proposal.summary, "30/10/5/5")
        XCTAssertEqual(proposal.score.total, 50)
        XCTAssertNil(proposal.score.reviewedBy)
        XCTAssertEqual(proposal.fields.map(\.0), ["size", "budget", "urgency", "decision"])

        // Exact band edges: 200 employees >= 200; budget 100000 >= 100000; 31 days > 30 -> 10.
        customer.employees = 200
        customer.budget = 100_000
        customer.decisionBy = Grading.date("2024-04-01")
        contact.role = .decisionMaker
        customer.contacts = [contact]
        XCTAssertEqual(ScoreProposal.propose(customer, configuration)?.summary, "25/25/10/20")
        customer.employees = 199
        customer.budget = 99_999
        customer.decisionBy = Grading.date("2024-03-31")
        XCTAssertEqual(ScoreProposal.propose(customer, configuration)?.summary, "15/10/20/20")

        // Unknown facts take the band without a threshold.
        customer.employees = nil
        customer.budget = nil
        customer.decisionBy = nil
        customer.contacts = []
        XCTAssertEqual(ScoreProposal.propose(customer, configuration)?.summary, "5/10/5/5")
    }

    func testProposalIsClampedToMaximumsAndNeedsRules() {
        var configuration = Self.proposalConfiguration()
        configuration.scoring.maxSize = 20
        var customer = Grading.customer()
        customer.employees = 5000
        XCTAssertEqual(ScoreProposal.propose(customer, configuration)?.score.size, 20)
        // A customer with a score (even a partial one) gets no proposal; nor does one without rules.
        customer.score = Grading.score(10, nil, nil, nil)
        XCTAssertNil(ScoreProposal.propose(customer, configuration))
        customer.score = nil
        XCTAssertNil(ScoreProposal.propose(customer, Configuration()))
    }

    func testProposalFromLeadbookYml() throws {
        let (configuration, diagnostics) = ConfigurationReader.read(SourceText(path: "leadbook.yml", bytes: Array("""
            scoring:
              rules:
                size: [{min: 1000, points: 30}, {min: 200, points: 25}, {min: 50, points: 15}, {points: 5}]
                budget: [{min: 500000, points: 30}, {min: 100000, points: 25}, {points: 10}]
                urgency: [{max: 30, points: 20}, {max: 90, points: 10}, {points: 5}]
                decision: {decision_maker: 20, otherwise: 5}

            """.utf8)))
        XCTAssertEqual(diagnostics, [], Grading.describe(diagnostics))
        let before = Grading.file(adding: ["employees: 60"] + Self.contacts + ["budget: 150000", "decision_by: 2024-05-01"])
        let after = try XCTUnwrap(Grading.synced(before, configuration: configuration))
        // 60: 15; 150000: 25; 61 days: 10; decision-maker: 20. 70 = A.
        XCTAssertTrue(after.contains("score: {size: 15, budget: 25, urgency: 10, decision: 20}\n"), after)
        XCTAssertEqual(Grading.read(after, configuration: configuration).customer?.grade, .A)
        assertIdempotent(after, configuration: configuration)
    }

    func testNoProposalWithoutRules() {
        let text = Grading.file(adding: ["employees: 500", "budget: 200000", "decision_by: 2024-03-31"])
        XCTAssertTrue(Grading.isUnchanged(Grading.sync(text)))
    }
}
