import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `check` marks the findings `leadbook fix` removes, after the rule, and ends with how many
/// there are, in text and JSON, in both languages.
final class FixableFindingsTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: en\n")
        // A phone other tools read as a number (fixable), a stale grade (fixable: nothing else
        // stands in sync's way) and a channel nobody can guess (not fixable).
        try workspace.write("customers/LX2024001-huadongyun.md", RuleFixture.customer(
            adding: ["score: {size: 25, budget: 25, urgency: 20, decision: 20}", "grade: B", "contacts:", "  - name: 张伟", "    phone: 02155550101"],
            body: "\n## Follow-ups\n\n### 2024-03-01 10:30 飞鸽 张伟\n- 情绪: 积极\n"))
    }

    func report() -> CheckReport { WorkspaceCheck.run(Workspace.open(root: workspace.root)) }

    func testTheTextMarksTheFixableFindingsAndCountsThem() {
        let report = report()
        XCTAssertEqual(report.diagnostics.map(\.rule.id), ["stale-grade", "ambiguous-scalar", "unknown-channel"])
        let text = DiagnosticReport.text(report, style: .init(color: false, language: .en))
        let heads = text.split(separator: "\n").filter { $0.hasPrefix("customers/") }
        XCTAssertEqual(heads.count, 3)
        XCTAssertFalse(heads[0].contains("(fixable)"), "a stale grade is not fixable while the file has an error fix cannot correct")
        XCTAssertTrue(heads[1].contains(" warning[ambiguous-scalar] (fixable): `contacts.phone` is text"), String(heads[1]))
        XCTAssertFalse(heads[2].contains("(fixable)"))
        XCTAssertTrue(text.hasSuffix("2 errors, 1 warning in 2 files\n1 of them can be fixed with `leadbook fix`\n"), text)
        let chinese = DiagnosticReport.text(report, style: .init(color: false, language: .zhCN))
        XCTAssertTrue(chinese.contains(" 警告[ambiguous-scalar]（可自动修复）: "), chinese)
        XCTAssertTrue(chinese.hasSuffix("其中 1 个可以用 `leadbook fix` 自动修复\n"), chinese)
    }

    func testAStaleGradeIsFixableOnceNothingElseStandsInSyncsWay() throws {
        try workspace.write("customers/LX2024001-huadongyun.md", RuleFixture.customer(
            adding: ["score: {size: 25, budget: 25, urgency: 20, decision: 20}", "grade: B", "contacts:", "  - name: 张伟", "    phone: 02155550101"]))
        let text = DiagnosticReport.text(report(), style: .init(color: false, language: .en))
        XCTAssertTrue(text.contains(" error[stale-grade] (fixable): "), text)
        XCTAssertTrue(text.hasSuffix("2 of them can be fixed with `leadbook fix`\n"), text)
    }

    func testATypedStatusIsNotMarkedNorCountedAMissingNextIs() throws {
        // The log says proposal and plans 2024-03-07; the rep typed negotiation and no next.
        try workspace.write("customers/LX2024001-huadongyun.md", RuleFixture.customer(
            set: ["status: negotiation"], adding: ["score: {size: 25, budget: 25, urgency: 20, decision: 20}", "grade: B"],
            body: "\n## Follow-ups\n\n### 2024-03-05 电话 张伟\n- 状态: 方案提交\n- 下次跟进: 2024-03-07\n"))
        let report = report()
        XCTAssertEqual(report.diagnostics.map(\.rule.id), ["stale-next", "stale-status", "stale-grade"])
        let text = DiagnosticReport.text(report, style: .init(color: false, language: .en))
        let heads = text.split(separator: "\n").filter { $0.hasPrefix("customers/") }
        XCTAssertTrue(heads[0].contains(" error[stale-next] (fixable): the last follow-up plans 2024-03-07 but there is no `next`"), String(heads[0]))
        XCTAssertTrue(heads[1].contains(" error[stale-status]: status is negotiation"), String(heads[1]))
        XCTAssertTrue(heads[2].contains(" error[stale-grade] (fixable): "), String(heads[2]))
        XCTAssertTrue(text.hasSuffix("3 errors, 0 warnings in 2 files\n2 of them can be fixed with `leadbook fix`\n"), text)
        let chinese = DiagnosticReport.text(report, style: .init(color: false, language: .zhCN))
        XCTAssertTrue(chinese.contains(" 错误[stale-status]: 状态写的是 商务谈判"), chinese)
        XCTAssertTrue(chinese.hasSuffix("其中 2 个可以用 `leadbook fix` 自动修复\n"), chinese)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(DiagnosticReport.json(report, language: .en).utf8)) as? [String: Any])
        XCTAssertEqual(json["fixable"] as? Int, 2)
        XCTAssertEqual((json["diagnostics"] as? [[String: Any]])?.map { $0["fixable"] as? Bool }, [true, false, true])
    }

    func testACleanReportSaysNothingOfFix() throws {
        try workspace.write("customers/LX2024001-huadongyun.md", RuleFixture.customer())
        let text = DiagnosticReport.text(report(), style: .init(color: false, language: .en))
        XCTAssertEqual(text, "0 errors, 0 warnings in 2 files\n")
    }

    func testJSONSaysWhichFindingsAreFixableKeepingItsKeys() throws {
        let json = DiagnosticReport.json(report(), language: .en)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["fixable"] as? Int, 1)
        XCTAssertEqual(object["errors"] as? Int, 2)
        let items = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["fixable"] as? Bool }, [false, true, false])
        XCTAssertEqual(Set(items[0].keys), ["file", "line", "column", "severity", "rule", "message", "hint", "fixable"])
    }

    func testCheckEndsWithTheCount() {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "zh-CN"], currentDirectory: workspace.root)
        XCTAssertEqual(LeadbookCommandLine.run(["check"], context), .findings)
        XCTAssertTrue(console.output.hasSuffix("2 个错误，1 个警告，共 2 个文件\n其中 1 个可以用 `leadbook fix` 自动修复\n"), console.output)
    }
}
