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
                       hint: "`leadbook sync` would change the status to proposal (方案提交); to keep qualified, log a follow-up with that status: "
                           + "`leadbook log LX2024001 --channel phone --status qualified --note \"...\"`")
    }

    /// The hint says what `sync` would write and how to keep the rep's value, in Chinese with
    /// the labels a rep types (the channel of the last follow-up, the status as a label).
    func testTheHintInChineseSaysWhatSyncWouldWriteAndHowToKeepTheStatus() {
        let body = log("### 2024-03-01 10:30 微信 张伟", "- 状态: 方案提交")
        let diagnostic = Grading.read(Grading.file(replacing: ["status: 商务谈判"], body: body)).findings.diagnostics.first
        XCTAssertEqual(diagnostic?.rule.id, "stale-status")
        XCTAssertEqual(diagnostic?.phrase.zh, "状态写的是 商务谈判，但最近一次跟进（2024-03-01）记的是 方案提交（proposal）")
        XCTAssertEqual(diagnostic?.hintPhrase.zh, "`leadbook sync` 会把状态改成 方案提交（proposal）；要保留 商务谈判，就记一条带这个状态的跟进："
                       + "`leadbook log LX2024001 --channel 微信 --status 商务谈判 --note \"...\"`")
        XCTAssertTrue(diagnostic?.hint.contains("--channel wechat --status negotiation") ?? false, diagnostic?.hint ?? "")
    }

    func testTombstonesAreExempt() {
        let body = log("### 2024-03-01 10:30 phone 张伟", "- status: proposal")
        XCTAssertEqual(Grading.rules(Grading.file(adding: ["merged_into: LX2024009"], body: body)).filter { $0.hasPrefix("stale-status") }, [])
    }
}

/// The command the stale-status hint gives, run as printed, keeps the rep's status: the file
/// then checks clean and `sync` changes nothing.
final class StaleStatusHintTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\n")
        try workspace.write("customers/LX2024001-huadong.md", """
            ---
            id: LX2024001
            name: 华东云科技有限公司
            source: website
            intent: A
            created: 2024-03-01 09:10
            status: 商务谈判
            ---

            ## 跟进记录

            ### 2024-03-01 10:30 电话 张伟
            - 状态: 方案提交

            """)
    }

    func testTheHintedLogCommandKeepsTheStatus() throws {
        let stale = workspace.check().filter { $0.rule == StaleStatus.rule }
        XCTAssertEqual(stale.count, 1)
        let hint = try XCTUnwrap(stale.first?.hintPhrase.zh)
        let start = try XCTUnwrap(hint.range(of: "`leadbook log ")).upperBound
        let command = String(hint[start...].prefix(while: { $0 != "`" }))
        var arguments = command.split(separator: " ").map(String.init)
        // `--note "..."` as a shell would pass it.
        arguments = arguments.map { $0 == "\"...\"" ? "客户确认进入商务谈判" : $0 }
        XCTAssertEqual(Array(arguments.prefix(5)), ["LX2024001", "--channel", "电话", "--status", "商务谈判"])
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(["log"] + arguments + ["--at", "2024-03-02T10:00", "-C", workspace.root], context)
        XCTAssertEqual(code, .ok, console.errors)
        XCTAssertEqual(workspace.check().filter { $0.severity == .error }.map(\.rule.id), [])
    }
}
