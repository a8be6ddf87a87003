import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook report --week`: what falls in the week and what does not (Sunday 23:59 against
/// Monday 00:00), per rep and team, the filters, masking, risk and help lines, every format,
/// and status changes from git history against the logs.
///
/// The week is 2024-W11 (Monday 2024-03-11 to Sunday 2024-03-17), seen from 2024-03-20 12:00:
/// - 001 (赵六, 华东组): qualified by an entry of Sunday 23:59 with a risk naming its contact and
///   her phone, then proposal on Monday 00:00 with another risk (next week's); a to-do of 03-16
///   open (overdue when the week ends), one of 03-20 (next week's plan).
/// - 002 (钱七, 华北组): a private person captured on Wednesday; help needed on Thursday.
/// - 003 (王五, 华东组): won on Friday, 120,000.
/// - 004 (赵六): lost on Tuesday, its reason naming a phone number.
/// - 005 (钱七): captured on Monday 03-18 00:00: next week's.
/// - 006 (赵六): captured on Sunday 03-10 23:59, last week; intent A and never contacted, so
///   its SLA is overdue when the week ends.
final class ReportCommandTests: RuleWorkspaceTestCase {
    static let configuration = """
        language: zh-CN
        team:
          - {name: 王五, role: manager, group: 华东组}
          - {name: 赵六, role: senior, group: 华东组}
          - {name: 钱七, role: senior, group: 华北组}

        """

    override func prepare() throws {
        try workspace.write("leadbook.yml", Self.configuration)
        try workspace.write("customers/LX2024001-hengli.md", """
            ---
            id: LX2024001
            name: 苏州恒力精密制造有限公司
            source: exhibition
            contacts:
              - name: 王丽娟
                phone: "13800000001"
            intent: B
            owner: 赵六
            created: 2024-03-01 09:00
            assigned: 2024-03-01 09:30
            status: proposal
            next: 2024-03-18
            ---

            ## 跟进记录

            ### 2024-03-01 10:00 电话 王丽娟
            - 状态: 初步接洽
            - [ ] 2024-03-16 发资料
            - [ ] 2024-03-20 电话回访

            ### 2024-03-17 23:59 微信 王丽娟
            - 状态: 需求明确
            - 风险: 王丽娟说预算要等老板批，手机 13800000001 随时联系
            - 下次跟进: 2024-03-18

            ### 2024-03-18 00:00 电话 王丽娟
            - 状态: 方案提交
            - 风险: 下周才写的风险

            """)
        try workspace.write("customers/LX2024002-person.md", """
            ---
            id: LX2024002
            name: 陈小明
            kind: person
            source: website
            intent: B
            owner: 钱七
            created: 2024-03-13 10:00
            assigned: 2024-03-13 10:05
            status: contacted
            next: 2024-03-21
            ---

            ## 跟进记录

            ### 2024-03-14 09:00 电话 陈小明
            - 需要支持: 请技术同事陪同演示
            - 下次跟进: 2024-03-21

            """)
        try workspace.write("customers/LX2024003-huadong.md", """
            ---
            id: LX2024003
            name: 华东云科技有限公司
            source: referral
            intent: A
            owner: 王五
            created: 2024-02-01 09:00
            assigned: 2024-02-01 09:10
            status: won
            deal: {amount: 120000, closed: 2024-03-15}
            ---

            ## 跟进记录

            ### 2024-02-01 10:00 电话 李总
            - 状态: 商务谈判

            ### 2024-03-15 15:00 拜访 李总
            - 状态: 成交

            """)
        try workspace.write("customers/LX2024004-haida.md", """
            ---
            id: LX2024004
            name: 天津海达物流有限公司
            source: cold-call
            intent: B
            owner: 赵六
            created: 2024-02-20 09:00
            assigned: 2024-02-20 09:10
            status: lost
            lost_reason: 选了竞品，对方经理 13912345678 不再接电话
            ---

            ## 跟进记录

            ### 2024-02-20 10:00 电话 吴强
            - 状态: 需求明确

            ### 2024-03-12 11:00 电话 吴强
            - 状态: 流失

            """)
        try workspace.write("customers/LX2024005-later.md", """
            ---
            id: LX2024005
            name: 下周公司
            source: website
            intent: C
            owner: 钱七
            created: 2024-03-18 00:00
            status: untouched
            ---

            """)
        try workspace.write("customers/LX2024006-earlier.md", """
            ---
            id: LX2024006
            name: 上周公司
            source: website
            intent: A
            owner: 赵六
            created: 2024-03-10 23:59
            assigned: 2024-03-10 23:59
            status: untouched
            ---

            """)
    }

    func run(_ arguments: [String], language: String = "en", environment extra: [String: String] = [:]) -> (code: ExitCode, out: String, errors: String) {
        let console = RecordingConsole()
        var environment = ["LEADBOOK_LANG": language]
        for (key, value) in extra { environment[key] = value }
        let context = CommandContext(console: console, environment: environment, currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(["report"] + arguments + ["-C", workspace.root], context)
        return (code, console.output, console.errors)
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--format", "json", "--no-git"] + arguments)
        XCTAssertEqual(result.code, .ok, result.errors)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    }

    func owner(_ report: [String: Any], _ name: String) throws -> [String: Any] {
        let owners = try XCTUnwrap(report["owners"] as? [[String: Any]])
        return try XCTUnwrap(owners.first { $0["owner"] as? String == name }, "no \(name)")
    }

    func ids(_ section: [String: Any], _ key: String, id: String = "id") -> [String] {
        (section[key] as? [[String: Any]] ?? []).compactMap { $0[id] as? String }
    }

    /// A week under way (2024-W12 seen on Wednesday 03-20 12:00): overdue is what was due before
    /// that moment; a to-do due on Wednesday evening is still due this week, not overdue.
    func testAWeekUnderWayIsOverdueOnlyUpToTheMoment() throws {
        let result = run(["--week", "2024-W12", "--as-of", "2024-03-20T12:00", "--format", "json", "--no-git"])
        XCTAssertEqual(result.code, .ok, result.errors)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        XCTAssertEqual(report["as_of"] as? String, "2024-03-20 12:00")
        let zhao = try owner(report, "赵六")
        let overdue = try XCTUnwrap(zhao["overdue"] as? [[String: Any]])
        XCTAssertTrue(overdue.contains { $0["due"] as? String == "2024-03-16" && $0["kind"] as? String == "todo" }, "\(overdue)")
        XCTAssertTrue(overdue.allSatisfy { ($0["due"] as? String ?? "") < "2024-03-20 12:00" }, "\(overdue)")
        let later = try XCTUnwrap(zhao["due_this_week"] as? [[String: Any]])
        XCTAssertTrue(later.contains { $0["due"] as? String == "2024-03-20" && $0["kind"] as? String == "todo" && $0["customer"] as? String == "LX2024001" },
                      "\(later)")
        XCTAssertTrue(later.allSatisfy { ($0["due"] as? String ?? "") <= "2024-03-24 23:59" }, "\(later)")
        let total = try XCTUnwrap(report["total"] as? [String: Any])
        XCTAssertEqual(total["due_this_week"] as? Int, (report["owners"] as? [[String: Any]] ?? []).reduce(0) { $0 + (($1["due_this_week"] as? [Any])?.count ?? 0) })

        // Markdown says which moment overdue is counted at and lists the rest of the week apart.
        let markdown = run(["--week", "2024-W12", "--as-of", "2024-03-20T12:00", "--no-git", "--lang", "en"])
        XCTAssertTrue(markdown.out.contains("### Overdue so far"), markdown.out)
        XCTAssertTrue(markdown.out.contains("### Still due this week"), markdown.out)
        XCTAssertFalse(markdown.out.contains("Overdue at the week's end"), markdown.out)
        // A week that is over has no such column.
        let over = run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--no-git", "--lang", "en"])
        XCTAssertFalse(over.out.contains("still due this week"), over.out)
        XCTAssertEqual((try json([]))["total"].flatMap { ($0 as? [String: Any])?["due_this_week"] as? Int }, 0)
    }

    func testTheWeekHoldsWhatHappenedFromMondayToSundayAndNothingElse() throws {
        let report = try json([])
        XCTAssertEqual(report["schema"] as? String, "leadbook-weekly-report")
        XCTAssertEqual(report["week"] as? String, "2024-W11")
        XCTAssertEqual(report["from"] as? String, "2024-03-11")
        XCTAssertEqual(report["to"] as? String, "2024-03-17")
        XCTAssertEqual(report["as_of"] as? String, "2024-03-17 23:59")
        XCTAssertEqual((report["status_changes"] as? [String: Any])?["from"] as? String, "log")

        let zhao = try owner(report, "赵六")
        XCTAssertEqual(zhao["team"] as? String, "华东组")
        // 001 moved on Sunday 23:59 (counted), not on Monday 00:00 (next week's).
        let changes = try XCTUnwrap(zhao["status_changes"] as? [[String: Any]])
        XCTAssertEqual(changes.map { $0["id"] as? String }, ["LX2024001", "LX2024004"])
        XCTAssertEqual(changes[0]["from"] as? String, "contacted")
        XCTAssertEqual(changes[0]["to"] as? String, "qualified")
        XCTAssertEqual(changes[0]["date"] as? String, "2024-03-17")
        XCTAssertEqual(changes[1]["to"] as? String, "lost")
        let risks = try XCTUnwrap(zhao["risks"] as? [[String: Any]])
        XCTAssertEqual(risks.count, 1, "the risk written on Monday 00:00 is next week's")
        XCTAssertEqual(risks[0]["date"] as? String, "2024-03-17")
        // 006 was captured on Sunday 23:59 of the week before: not new in this one.
        XCTAssertEqual(ids(zhao, "new_leads"), [])
        let lost = try XCTUnwrap(zhao["lost"] as? [[String: Any]])
        XCTAssertEqual(lost.map { $0["id"] as? String }, ["LX2024004"])
        XCTAssertEqual(lost[0]["closed"] as? String, "2024-03-12")

        // 006's SLA and 001's to-do of Saturday are overdue as the week ends; Wednesday's is next week's.
        let overdue = try XCTUnwrap(zhao["overdue"] as? [[String: Any]])
        XCTAssertTrue(overdue.contains { $0["kind"] as? String == "sla" && $0["customer"] as? String == "LX2024006" }, "\(overdue)")
        XCTAssertTrue(overdue.contains { $0["due"] as? String == "2024-03-16" && $0["kind"] as? String == "todo" })
        let planned = try XCTUnwrap(zhao["next_week"] as? [[String: Any]])
        XCTAssertTrue(planned.contains { $0["due"] as? String == "2024-03-20" && $0["customer"] as? String == "LX2024001" }, "\(planned)")
        XCTAssertTrue(planned.allSatisfy { ($0["due"] as? String ?? "") >= "2024-03-18" && ($0["due"] as? String ?? "") <= "2024-03-24 23:59" })

        let qian = try owner(report, "钱七")
        // 002 was captured on Wednesday; 005 on Monday 00:00 of the next week.
        XCTAssertEqual(ids(qian, "new_leads"), ["LX2024002"])
        XCTAssertEqual(ids(qian, "help"), ["LX2024002"])
        XCTAssertEqual(((qian["help"] as? [[String: Any]])?.first?["text"]) as? String, "请技术同事陪同演示")

        let wang = try owner(report, "王五")
        let won = try XCTUnwrap(wang["won"] as? [[String: Any]])
        XCTAssertEqual(won.first?["id"] as? String, "LX2024003")
        XCTAssertEqual(won.first?["amount"] as? Int, 120000)
        XCTAssertEqual(won.first?["closed"] as? String, "2024-03-15")

        let total = try XCTUnwrap(report["total"] as? [String: Any])
        XCTAssertEqual(total["new_leads"] as? Int, 1)
        XCTAssertEqual(total["won"] as? Int, 1)
        XCTAssertEqual(total["won_amount"] as? Int, 120000)
        XCTAssertEqual(total["lost"] as? Int, 1)
        XCTAssertEqual(total["risks"] as? Int, 1)
        XCTAssertEqual(total["help"] as? Int, 1)
        let teams = try XCTUnwrap(report["teams"] as? [[String: Any]])
        XCTAssertEqual(teams.map { $0["team"] as? String }, ["华东组", "华北组"])
        XCTAssertEqual(teams[0]["status_changes"] as? Int, 3, "001, 003 and 004 in 华东组")
        XCTAssertEqual(teams[1]["new_leads"] as? Int, 1)
    }

    func testTheNextWeekSeesMondaysChangesAndNotSundays() throws {
        let result = run(["--week", "2024-03-18", "--as-of", "2024-03-30T12:00", "--format", "json", "--no-git"])
        XCTAssertEqual(result.code, .ok, result.errors)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        XCTAssertEqual(report["week"] as? String, "2024-W12")
        let zhao = try owner(report, "赵六")
        let changes = try XCTUnwrap(zhao["status_changes"] as? [[String: Any]])
        XCTAssertEqual(changes.first?["from"] as? String, "qualified")
        XCTAssertEqual(changes.first?["to"] as? String, "proposal")
        XCTAssertEqual(((zhao["risks"] as? [[String: Any]])?.map { $0["text"] as? String }), ["下周才写的风险"])
        XCTAssertEqual(ids(try owner(report, "钱七"), "new_leads"), ["LX2024005"])
    }

    func testTheDefaultWeekIsTheLastCompleteOne() throws {
        let sunday = run(["--week", "--as-of", "2024-03-17T23:59", "--format", "json", "--no-git"])
        XCTAssertTrue(sunday.out.contains("\"week\": \"2024-W10\""), sunday.out)
        let monday = run(["--week", "--as-of", "2024-03-18T00:00", "--format", "json", "--no-git"])
        XCTAssertTrue(monday.out.contains("\"week\": \"2024-W11\""), monday.out)
        // The week under way is shown as far as it went.
        let now = run(["--week", "2024-W12", "--as-of", "2024-03-19T08:00", "--format", "json", "--no-git"])
        XCTAssertTrue(now.out.contains("\"as_of\": \"2024-03-19 08:00\""), now.out)
    }

    func testNothingPrivateIsShown() throws {
        for format in ["md", "html", "json"] {
            let result = run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--format", format, "--no-git"], language: "zh-CN")
            XCTAssertEqual(result.code, .ok, result.errors)
            for secret in ["13800000001", "13912345678", "王丽娟", "陈小明"] {
                XCTAssertFalse(result.out.contains(secret), "\(format) shows \(secret)")
            }
            XCTAssertTrue(result.out.contains("＊＊＊说预算要等老板批"), format)
            XCTAssertTrue(result.out.contains("选了竞品，对方经理 ＊＊＊ 不再接电话"), format)
            XCTAssertTrue(result.out.contains("LX2024002"), "the person is shown by id: \(format)")
        }
    }

    func testEveryFormatInBothLanguages() throws {
        let chinese = run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--no-git"], language: "zh-CN")
        for heading in ["# 销售周报 2024-W11（2024-03-11 至 2024-03-17）", "## 概览", "## 赵六（华东组）", "### 状态变化", "### 成交与丢单",
                        "### 转化风险", "### 需要支持", "### 周末仍逾期", "### 下周计划", "### 本周新增线索", "| 团队小计 | 华东组 |"] {
            XCTAssertTrue(chinese.out.contains(heading), heading + "\n" + chinese.out)
        }
        XCTAssertTrue(chinese.out.contains("| LX2024003 | 华东云科技有限公司 | 成交 | 2024-03-15 | 120,000 | - |"), chinese.out)
        let english = run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--no-git", "--lang", "en"])
        for heading in ["# Weekly report 2024-W11 (2024-03-11 to 2024-03-17)", "## Overview", "## 赵六 (华东组)", "### Status changes",
                        "### Won and lost", "### Conversion risks", "### Help needed", "### Overdue at the week's end", "### Next week's plan"] {
            XCTAssertTrue(english.out.contains(heading), heading + "\n" + english.out)
        }
        XCTAssertTrue(english.out.contains("| LX2024001 | 苏州恒力精密制造有限公司 | contacted | qualified | advanced | 2024-03-17 |"), english.out)
        let html = run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--format", "html", "--no-git"], language: "zh-CN")
        XCTAssertTrue(html.out.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.out.contains("<html lang=\"zh-CN\">"))
        XCTAssertTrue(html.out.contains("<h2>概览</h2>"))
        let parser = XMLParser(data: Data(html.out.utf8))
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
    }

    func testAFileIsWrittenInTheWorkspacesLanguage() throws {
        let result = run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--no-git", "--out", workspace.root + "/WEEKLY.md"])
        XCTAssertEqual(result.code, .ok, result.errors)
        XCTAssertEqual(result.out, "")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: workspace.root + "/WEEKLY.md")), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("# 销售周报 2024-W11"), text)
    }

    func testOneRepOrOneTeam() throws {
        let zhao = try json(["--owner", "赵六"])
        XCTAssertEqual((zhao["owners"] as? [[String: Any]])?.map { $0["owner"] as? String }, ["赵六"])
        XCTAssertEqual((zhao["filter"] as? [String: Any])?["owner"] as? String, "赵六")
        XCTAssertEqual((zhao["total"] as? [String: Any])?["lost"] as? Int, 1)
        XCTAssertEqual((zhao["total"] as? [String: Any])?["won"] as? Int, 0)
        let north = try json(["--team", "华北组"])
        XCTAssertEqual((north["owners"] as? [[String: Any]])?.map { $0["owner"] as? String }, ["钱七"])
        XCTAssertEqual((north["teams"] as? [[String: Any]])?.map { $0["team"] as? String }, ["华北组"])
        XCTAssertEqual((north["total"] as? [String: Any])?["new_leads"] as? Int, 1)
        let east = try json(["--team", "华东组"])
        XCTAssertEqual((east["owners"] as? [[String: Any]])?.map { $0["owner"] as? String }, ["王五", "赵六"])
        let teamTable = run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--no-git", "--team", "华东组", "--lang", "en"]).out
        XCTAssertTrue(teamTable.contains("| team total | 华东组 | 0 | 3 | 1 | 120,000 | 1 |"), teamTable)
        XCTAssertFalse(teamTable.contains("| everyone |"), "one team's total is its row")
        XCTAssertTrue(run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--no-git", "--lang", "en"]).out.contains("| everyone | - | 1 | 3 | 1 | 120,000 | 1 |"))
    }

    func testUnknownNamesAreRefusedWithTheNearestOne() {
        let owner = run(["--week", "--owner", "赵七", "--as-of", "2024-03-20T12:00"])
        XCTAssertEqual(owner.code, .failure)
        XCTAssertTrue(owner.errors.contains("did you mean 赵六?"), owner.errors)
        let team = run(["--week", "--team", "华北", "--as-of", "2024-03-20T12:00"])
        XCTAssertEqual(team.code, .failure)
        XCTAssertTrue(team.errors.contains("did you mean 华北组?"), team.errors)
        let zhTeam = run(["--week", "--team", "华北", "--as-of", "2024-03-20T12:00"], language: "zh-CN")
        XCTAssertTrue(zhTeam.errors.contains("是不是要写 华北组？"), zhTeam.errors)
        let both = run(["--week", "--team", "华北组", "--owner", "钱七"])
        XCTAssertEqual(both.code, .failure)
        XCTAssertTrue(both.errors.contains("--owner and --team cannot be combined"), both.errors)
    }

    func testWeeksThatCannotBeReadOrHaveNotBegun() {
        let week = run(["--week", "2024W11"])
        XCTAssertEqual(week.code, .failure)
        XCTAssertTrue(week.errors.contains("did you mean 2024-W11?"), week.errors)
        let future = run(["--week", "2024-W13", "--as-of", "2024-03-20T12:00"])
        XCTAssertEqual(future.code, .failure)
        XCTAssertTrue(future.errors.contains("has not begun"), future.errors)
        let none = run(["--as-of", "2024-03-20T12:00"])
        XCTAssertEqual(none.code, .failure)
        XCTAssertTrue(none.errors.contains("--week"), none.errors)
        let chinese = run(["--week", "2024-W54"], language: "zh-CN")
        XCTAssertTrue(chinese.errors.contains("没有 `2024-W54` 这一周"), chinese.errors)
    }

    func testALongSectionIsCutInMarkdownAndWholeInJSON() throws {
        let todos = (1...60).map { "- [ ] 2024-03-\(LocalDate.pad(1 + $0 % 9, 2)) 资料第 \($0) 份" }.joined(separator: "\n")
        try workspace.write("customers/LX2024007-many.md", "---\nid: LX2024007\nname: 待办很多公司\nsource: website\nintent: C\nowner: 王五\n"
            + "created: 2024-02-01 09:00\nassigned: 2024-02-01 09:10\nstatus: contacted\n---\n\n## 跟进记录\n\n### 2024-02-01 10:00 电话 张三\n"
            + todos + "\n")
        let markdown = run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--no-git", "--owner", "王五", "--lang", "en"])
        XCTAssertEqual(markdown.code, .ok, markdown.errors)
        let overdue = try XCTUnwrap(try owner(try json(["--owner", "王五"]), "王五")["overdue"] as? [[String: Any]])
        XCTAssertEqual(overdue.filter { $0["kind"] as? String == "todo" }.count, 60, "JSON has them all")
        let section = try XCTUnwrap(markdown.out.components(separatedBy: "### Overdue at the week's end\n").dropFirst().first?
            .components(separatedBy: "\n#").first)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| 2024-") }
        XCTAssertEqual(rows.count, 50, section)
        XCTAssertTrue(section.hasSuffix("\nand \(overdue.count - 50) more (all of them in --format json)\n"), section)
    }

    func testAFileWithErrorsIsNamedAndTheReportStillWritten() throws {
        try workspace.write("customers/LX2024008-broken.md", "---\nid: LX2024008\nname: 坏文件\nstatus: wonn\ncreated: 2024-03-12 09:00\nowner: 王五\n---\n")
        let result = run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--no-git", "--lang", "en"])
        XCTAssertEqual(result.code, .findings)
        XCTAssertTrue(result.out.hasPrefix("# Weekly report 2024-W11"), result.out)
        XCTAssertTrue(result.errors.contains("customers/LX2024008-broken.md"), result.errors)
    }

    // MARK: - risk and help

    func testRiskAndHelpAreWrittenWithLogSetAndRead() throws {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(["log", "LX2024002", "--channel", "phone", "--at", "2024-03-15T10:00", "--set", "risk=下月预算冻结",
                                            "--set", "需要支持=请经理出面", "-C", workspace.root], context)
        XCTAssertEqual(code, .ok, console.errors)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: workspace.root + "/customers/LX2024002-person.md")), as: UTF8.self)
        XCTAssertTrue(text.contains("- 风险: 下月预算冻结\n- 需要支持: 请经理出面\n"), text)
        let qian = try owner(try json([]), "钱七")
        XCTAssertEqual((qian["risks"] as? [[String: Any]])?.map { $0["text"] as? String }, ["下月预算冻结"])
        XCTAssertEqual((qian["help"] as? [[String: Any]])?.map { $0["text"] as? String }, ["请技术同事陪同演示", "请经理出面"])
    }

    func testTheKeysAreKnownToTheReaderAndSynonymsPointToThem() throws {
        let bytes = Array("- risk: a\n".utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { EntryKey.matching($0, 2..<6) }, .risk)
        XCTAssertEqual(EntryKey(text: "需要支持"), .help)
        XCTAssertEqual(EntryKey(text: "风险"), .risk)
        XCTAssertEqual(EntryKey.nearest(to: "转化风险", among: EntryKey.followUpKeys), .risk)
        XCTAssertEqual(EntryKey.nearest(to: "求助", among: EntryKey.followUpKeys), .help)
        XCTAssertTrue(EntryKey.followUpKeys.contains(.risk) && EntryKey.followUpKeys.contains(.help))
        XCTAssertFalse(EntryKey.feedbackKeys.contains(.risk))
    }

    func testAnUnknownKeyNearRiskIsAskedAbout() {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(["log", "LX2024002", "--channel", "phone", "--at", "2024-03-15T10:00", "--set", "riks=x",
                                            "-C", workspace.root], context)
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(console.errors.contains("did you mean risk (风险)?"), console.errors)
        XCTAssertTrue(console.errors.contains("help (需要支持)"), console.errors)
    }

    // MARK: - git history

    func git(_ arguments: [String], date: String) throws {
        guard let executable = GitSandbox.gitExecutable else { throw XCTSkip("git is not installed") }
        let run = try GitSandbox.run(executable, arguments, in: URL(fileURLWithPath: workspace.root), environment: gitEnvironment(date))
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func gitEnvironment(_ date: String) -> [String: String] {
        ["GIT_CONFIG_GLOBAL": workspace.root + "/.gitconfig-none", "GIT_CONFIG_NOSYSTEM": "1",
         "GIT_AUTHOR_NAME": "王五", "GIT_AUTHOR_EMAIL": "wangwu@example.com", "GIT_COMMITTER_NAME": "王五",
         "GIT_COMMITTER_EMAIL": "wangwu@example.com", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]
    }

    func testGitHistoryShowsAStatusChangedWithoutALogEntry() throws {
        // 004's log has no status lines: its status was `qualified` in the commit before the
        // week, and set to lost during the week in the front matter alone.
        let path = workspace.root + "/customers/LX2024004-haida.md"
        let now = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        let withoutEntry = now.replacingOccurrences(of: "\n### 2024-03-12 11:00 电话 吴强\n- 状态: 流失\n", with: "")
            .replacingOccurrences(of: "- 状态: 需求明确", with: "- 需求: 车辆调度")
        try workspace.write("customers/LX2024004-haida.md", withoutEntry.replacingOccurrences(of: "status: lost", with: "status: qualified"))
        try git(["init", "-q"], date: "2024-03-08T09:00:00+08:00")
        try git(["add", "-A"], date: "2024-03-08T09:00:00+08:00")
        try git(["commit", "-q", "-m", "before the week"], date: "2024-03-08T09:00:00+08:00")
        try workspace.write("customers/LX2024004-haida.md", withoutEntry)
        try git(["commit", "-q", "-am", "lost"], date: "2024-03-13T18:00:00+08:00")

        func report(_ extra: [String]) throws -> [String: Any] {
            let result = run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--format", "json"] + extra,
                             environment: gitEnvironment("2024-03-20T12:00:00+08:00"))
            XCTAssertEqual(result.code, .ok, result.errors)
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        }
        let history = try report([])
        let source = try XCTUnwrap(history["status_changes"] as? [String: Any])
        XCTAssertEqual(source["from"] as? String, "git")
        XCTAssertEqual((source["before"] as? String)?.count, 40)
        XCTAssertTrue(source["after"] is NSNull, "HEAD is the week's last commit: the files now")
        let changes = try XCTUnwrap(try owner(history, "赵六")["status_changes"] as? [[String: Any]])
        let lost = try XCTUnwrap(changes.first { $0["id"] as? String == "LX2024004" })
        XCTAssertEqual(lost["from"] as? String, "qualified")
        XCTAssertEqual(lost["to"] as? String, "lost")
        XCTAssertEqual(ids(try owner(history, "赵六"), "lost"), ["LX2024004"])

        // The log alone cannot tell: 004 was lost all along as far as its file says.
        let logOnly = try report(["--no-git"])
        XCTAssertEqual((logOnly["status_changes"] as? [String: Any])?["from"] as? String, "log")
        XCTAssertFalse(ids(try owner(logOnly, "赵六"), "status_changes").contains("LX2024004"))

        // A commit after the week: the week's end is read from the week's last commit.
        try workspace.write("customers/LX2024004-haida.md", withoutEntry.replacingOccurrences(of: "status: lost", with: "status: proposal")
            .replacingOccurrences(of: "lost_reason: 选了竞品，对方经理 13912345678 不再接电话\n", with: ""))
        try git(["commit", "-q", "-am", "back again"], date: "2024-03-19T09:00:00+08:00")
        let later = try report([])
        XCTAssertEqual(((later["status_changes"] as? [String: Any])?["after"] as? String)?.count, 40)
        let again = try XCTUnwrap(try owner(later, "赵六")["status_changes"] as? [[String: Any]])
        XCTAssertEqual(again.first { $0["id"] as? String == "LX2024004" }?["to"] as? String, "lost")
    }

    func testARepositoryWithoutHistoryBeforeTheWeekReadsTheLogs() throws {
        try git(["init", "-q"], date: "2024-03-12T09:00:00+08:00")
        try git(["add", "-A"], date: "2024-03-12T09:00:00+08:00")
        try git(["commit", "-q", "-m", "first"], date: "2024-03-12T09:00:00+08:00")
        let result = run(["--week", "2024-W11", "--as-of", "2024-03-20T12:00", "--format", "json"],
                         environment: gitEnvironment("2024-03-20T12:00:00+08:00"))
        XCTAssertEqual(result.code, .ok, result.errors)
        XCTAssertTrue(result.out.contains("\"from\": \"log\""), result.out)
    }
}
