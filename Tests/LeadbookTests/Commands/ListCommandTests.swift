import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook list`: every filter alone keeps some customers and drops others, filters combine
/// (OR within one, AND across), the reason column, the sort keys, each format, both languages.
///
/// At 2024-05-10 09:00 the six open or closed customers below are:
/// - 001 赵六 (华东组), S by its score, proposal, intent A, 展会, 华东, 制造业, passes screening,
///   tags 展会2024 and 老客户, captured 04-01, last contact 05-08; overdue: a to-do of 05-05
///   (naming a phone number) and the S cadence (05-09).
/// - 002 赵六, B, qualified, intent B, website, 华东, 教育, fails screening (10 employees),
///   captured 05-07, contact 05-09; nothing overdue, its next and re-grading fall due 05-14.
/// - 003 钱七 (华北组), A, negotiation, intent A, 推荐, 华北, 软件, passes, tag 展会2024,
///   captured 03-01, last contact 03-20 (51 days); overdue since its grade review of 03-08.
/// - 004 王五 (华东组), no grade, untouched, intent C, 社交媒体, 华东, 零售 (no rule), captured
///   05-09 20:00, never contacted; its SLA falls due today at 20:00.
/// - 005 a private person, no owner, C, contacted, intent B, other, 华南, 咨询 (no rule),
///   captured 02-01, contact 02-02 (98 days); its SLA is overdue (never assigned).
/// - 006 钱七, A, won, 展会, 西南; 007 a tombstone merged into 001.
final class ListCommandTests: RuleWorkspaceTestCase {
    static let configuration = """
        language: zh-CN
        team:
          - {name: 王五, role: manager, group: 华东组}
          - {name: 赵六, role: senior, group: 华东组}
          - {name: 钱七, role: senior, group: 华北组, regions: [华北, 西北]}
        screening:
          - {industry: 制造业, min_employees: 100, min_budget: 200000, keywords: [自动化]}
          - {industry: 教育, min_employees: 20, min_budget: 50000, keywords: [在线课程]}
          - {industry: 软件, min_employees: 50, min_budget: 100000, keywords: [效率提升]}

        """

    static let files: [(String, String)] = [
        ("customers/LX2024001-hengli.md", """
            ---
            id: LX2024001
            name: 苏州恒力精密制造有限公司
            industry: 制造业
            region: 华东
            employees: 300
            source: 展会
            contacts:
              - name: 王磊
                phone: "13800000001"
            needs: 希望自动化改造产线
            budget: 500000
            intent: A
            score: {size: 30, budget: 30, urgency: 15, decision: 15, reviewed_by: 王五, reviewed: 2024-05-08}
            grade: S
            tags: [展会2024, 老客户]
            owner: 赵六
            created: 2024-04-01 09:00
            assigned: 2024-04-01 09:30
            status: proposal
            next: 2024-05-20
            ---

            # 苏州恒力精密制造有限公司

            ## 跟进记录

            ### 2024-04-01 10:00 电话 王磊
            - 状态: 初步接洽
            - [ ] 2024-05-05 回电 13912345678 确认报价

            ### 2024-05-08 10:00 拜访 王磊
            - 状态: 方案提交
            - 下次跟进: 2024-05-20

            """),
        ("customers/LX2024002-qiming.md", """
            ---
            id: LX2024002
            name: 杭州启明教育集团
            industry: 教育
            region: 华东
            employees: 10
            source: website
            needs: 在线课程平台
            budget: 80000
            intent: B
            grade: B
            tags: [官网]
            owner: 赵六
            created: 2024-05-07 09:00
            assigned: 2024-05-07 09:00
            status: qualified
            next: 2024-05-14
            ---

            # 杭州启明教育集团

            ## 跟进记录

            ### 2024-05-09 14:00 电话
            - 状态: 需求明确
            - 下次跟进: 2024-05-14

            """),
        ("customers/LX2024003-shuce.md", """
            ---
            id: LX2024003
            name: 北京数策软件有限公司
            industry: 软件
            region: 华北
            employees: 80
            source: 推荐
            needs: 效率提升
            budget: 150000
            intent: A
            grade: A
            tags: [展会2024]
            owner: 钱七
            created: 2024-03-01 09:00
            assigned: 2024-03-01 09:00
            status: negotiation
            next: 2024-03-25
            ---

            # 北京数策软件有限公司

            ## 跟进记录

            ### 2024-03-01 10:00 电话
            - 状态: 初步接洽

            ### 2024-03-20 邮件
            - 状态: 商务谈判
            - 下次跟进: 2024-03-25

            """),
        ("customers/LX2024004-meijia.md", """
            ---
            id: LX2024004
            name: 上海美佳零售有限公司
            industry: 零售
            region: 华东
            source: social
            intent: C
            owner: 王五
            created: 2024-05-09 20:00
            status: untouched
            ---

            # 上海美佳零售有限公司

            """),
        ("customers/LX2024005-chen.md", """
            ---
            id: LX2024005
            name: 陈小明
            kind: person
            industry: 咨询
            region: 华南
            source: other
            contacts:
              - name: 陈小明
                phone: "13800000005"
            intent: B
            grade: C
            created: 2024-02-01 09:00
            status: contacted
            ---

            # 陈小明

            ## 跟进记录

            ### 2024-02-02 10:00 电话
            - 状态: 初步接洽

            """),
        ("customers/LX2024006-tianfu.md", """
            ---
            id: LX2024006
            name: 成都天府食品有限公司
            industry: 食品
            region: 西南
            source: exhibition
            intent: A
            grade: A
            owner: 钱七
            created: 2024-04-01 09:00
            assigned: 2024-04-01 09:00
            status: won
            deal: {amount: 200000, closed: 2024-04-20}
            ---

            # 成都天府食品有限公司

            ## 跟进记录

            ### 2024-04-01 10:00 电话
            - 状态: 初步接洽

            ### 2024-04-20 10:00 拜访
            - 状态: 成交

            """),
        ("customers/LX2024007-hengli-old.md", "---\nid: LX2024007\nname: 苏州恒力精密制造有限公司\nmerged_into: LX2024001\n---\n"),
    ]

    static let asOf = ["--as-of", "2024-05-10T09:00"]

    override func prepare() throws {
        try workspace.write("leadbook.yml", Self.configuration)
        for (path, text) in Self.files { try workspace.write(path, text) }
    }

    func run(_ arguments: [String], language: String = "en") -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language], currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(["list"] + arguments + Self.asOf + ["-C", workspace.root], context)
        return (code, console.output, console.errors)
    }

    /// The ids `list --format json` gives for the filters.
    func ids(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let result = run(arguments + ["--format", "json"])
        XCTAssertEqual(result.code, .ok, result.errors, file: file, line: line)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], file: file, line: line)
        let customers = try XCTUnwrap(json["customers"] as? [[String: Any]], file: file, line: line)
        XCTAssertEqual(json["count"] as? Int, customers.count, file: file, line: line)
        return customers.compactMap { ($0["id"] as? String).map { String($0.dropFirst(6)) } }
    }

    /// The JSON rows, by id.
    func rows(_ arguments: [String], language: String = "en") throws -> [String: [String: Any]] {
        let result = run(arguments + ["--format", "json"], language: language)
        XCTAssertEqual(result.code, .ok, result.errors)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        var rows: [String: [String: Any]] = [:]
        for row in try XCTUnwrap(json["customers"] as? [[String: Any]]) { rows[row["id"] as! String] = row }
        return rows
    }

    // MARK: Every filter alone

    func testWithoutFiltersTheOpenCustomersNeitherClosedNorTombstones() throws {
        XCTAssertEqual(try ids([]), ["001", "002", "003", "004", "005"])
        XCTAssertEqual(try ids(["--all"]), ["001", "002", "003", "004", "005", "006"])
    }

    func testOwner() throws {
        XCTAssertEqual(try ids(["--owner", "赵六"]), ["001", "002"])
        XCTAssertEqual(try ids(["--owner", "赵六", "--owner", "王五"]), ["001", "002", "004"])
    }

    func testTeam() throws {
        XCTAssertEqual(try ids(["--team", "华东组"]), ["001", "002", "004"])
        XCTAssertEqual(try ids(["--team", "华北组"]), ["003"])
        XCTAssertEqual(try ids(["--team", "华北组", "--all"]), ["003", "006"])
    }

    func testStatusInEitherLanguageAndClosedOnesWhenNamed() throws {
        XCTAssertEqual(try ids(["--status", "方案提交"]), ["001"])
        XCTAssertEqual(try ids(["--status", "contacted", "--status", "商务谈判"]), ["003", "005"])
        XCTAssertEqual(try ids(["--status", "won"]), ["006"])
    }

    func testGrade() throws {
        XCTAssertEqual(try ids(["--grade", "S"]), ["001"])
        XCTAssertEqual(try ids(["--grade", "S级", "--grade", "A"]), ["001", "003"])
    }

    func testIntent() throws {
        XCTAssertEqual(try ids(["--intent", "A"]), ["001", "003"])
        XCTAssertEqual(try ids(["--intent", "C级"]), ["004"])
    }

    func testSourceByValueOrLabel() throws {
        XCTAssertEqual(try ids(["--source", "展会"]), ["001"])
        XCTAssertEqual(try ids(["--source", "exhibition", "--all"]), ["001", "006"])
        XCTAssertEqual(try ids(["--source", "website", "--source", "推荐"]), ["002", "003"])
    }

    func testRegionIndustryAndTag() throws {
        XCTAssertEqual(try ids(["--region", "华东"]), ["001", "002", "004"])
        XCTAssertEqual(try ids(["--industry", "软件"]), ["003"])
        XCTAssertEqual(try ids(["--tag", "展会2024"]), ["001", "003"])
        XCTAssertEqual(try ids(["--industry", "制造业", "--industry", "教育"]), ["001", "002"])
        // A value leadbook.yml names (a rep's region) that no customer has matches nobody; it is no typo.
        XCTAssertEqual(try ids(["--region", "西北"]), [])
        XCTAssertEqual(run(["--region", "西北"]).output, "no customers match\n")
    }

    /// Exactly the agenda's overdue items: the customers `agenda` shows OVERDUE lines for.
    func testOverdueIsWhatTheAgendaShowsOverdue() throws {
        XCTAssertEqual(try ids(["--overdue"]), ["001", "003", "005"])
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: workspace.root)
        _ = LeadbookCommandLine.run(["agenda", "--format", "json", "-C", workspace.root] + Self.asOf, context)
        let agenda = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [String: Any])
        var overdue = Set<String>()
        for owner in try XCTUnwrap(agenda["owners"] as? [[String: Any]]) {
            for item in try XCTUnwrap(owner["items"] as? [[String: Any]]) where item["overdue"] as? Bool == true {
                overdue.insert(String((item["customer"] as! String).dropFirst(6)))
            }
        }
        XCTAssertEqual(overdue, ["001", "003", "005"])
    }

    /// `--due-within N` is what `agenda --days N` lists: overdue, or due by the end of the day N days on.
    func testDueWithin() throws {
        XCTAssertEqual(try ids(["--due-within", "0"]), ["001", "003", "004", "005"])
        XCTAssertEqual(try ids(["--due-within", "3"]), ["001", "003", "004", "005"])
        XCTAssertEqual(try ids(["--due-within", "4"]), ["001", "002", "003", "004", "005"])
    }

    /// Days since the last follow-up entry (since capture for a customer never contacted).
    func testStalled() throws {
        XCTAssertEqual(try ids(["--stalled", "30"]), ["003", "005"])
        XCTAssertEqual(try ids(["--stalled", "2"]), ["001", "003", "005"])
        XCTAssertEqual(try ids(["--stalled", "1"]), ["001", "002", "003", "004", "005"])
        let rows = try self.rows(["--stalled", "30"])
        XCTAssertEqual(rows["LX2024003"]?["days_without_contact"] as? Int, 51)
        XCTAssertEqual(rows["LX2024003"]?["last_contact"] as? String, "2024-03-20")
        XCTAssertEqual(rows["LX2024005"]?["days_without_contact"] as? Int, 98)
    }

    func testScreening() throws {
        XCTAssertEqual(try ids(["--screening", "fail"]), ["002"])
        XCTAssertEqual(try ids(["--screening", "通过"]), ["001", "003"])
        XCTAssertEqual(try ids(["--screening", "no-rule"]), ["004", "005"])
    }

    func testCreatedFromAndToAreInclusiveDays() throws {
        XCTAssertEqual(try ids(["--created-from", "2024-05-01"]), ["002", "004"])
        XCTAssertEqual(try ids(["--created-to", "2024-03-31"]), ["003", "005"])
        XCTAssertEqual(try ids(["--created-from", "2024-04-01", "--created-to", "2024-05-07"]), ["001", "002"])
    }

    // MARK: Combinations: AND across filters

    func testCombinations() throws {
        // A team's overdue customers.
        XCTAssertEqual(try ids(["--team", "华东组", "--overdue"]), ["001"])
        // S or A customers in negotiation.
        XCTAssertEqual(try ids(["--grade", "S", "--grade", "A", "--status", "商务谈判"]), ["003"])
        // Trade-show leads of intent A that went quiet for a month.
        XCTAssertEqual(try ids(["--tag", "展会2024", "--intent", "A", "--stalled", "30"]), ["003"])
        // A rep's leads captured this month that fail screening.
        XCTAssertEqual(try ids(["--owner", "赵六", "--created-from", "2024-05-01", "--screening", "fail"]), ["002"])
    }

    // MARK: What is shown

    func testTheTableAndItsReasonColumn() {
        let plain = run(["--owner", "赵六"])
        XCTAssertEqual(plain.code, .ok, plain.errors)
        XCTAssertEqual(plain.output, """
            id         name                      grade  status     owner  next
            LX2024001  苏州恒力精密制造有限公司  S      proposal   赵六   2024-05-20
            LX2024002  杭州启明教育集团          B      qualified  赵六   2024-05-14

            2 customers

            """)
        let overdue = run(["--overdue", "--stalled", "2"])
        XCTAssertEqual(overdue.code, .ok, overdue.errors)
        let lines = overdue.output.components(separatedBy: "\n")
        XCTAssertEqual(lines[0].split(separator: " ", omittingEmptySubsequences: true).last, "reason")
        // The first overdue item (the to-do, its phone number masked), how many more, the days without contact.
        XCTAssertTrue(lines[1].hasPrefix("LX2024001"), lines[1])
        let rows = try? self.rows(["--overdue", "--stalled", "2"])
        let items = rows?["LX2024001"]?["items"] as? [[String: Any]]
        XCTAssertEqual(items?.map { $0["kind"] as? String }, ["todo", "follow-up"])
        XCTAssertEqual(items?.first?["detail"] as? String, "回电 ＊＊＊ 确认报价")
        XCTAssertFalse(overdue.output.contains("13912345678"))
        let md = run(["--overdue", "--stalled", "2", "--format", "md"])
        XCTAssertTrue(md.output.contains("| LX2024001 | 苏州恒力精密制造有限公司 | S | proposal | 赵六 | 2024-05-20 | to-do (urgent+important), overdue 2024-05-05: 回电 ＊＊＊ 确认报价 (+1 more); no contact for 2 days (last 2024-05-08) |"), md.output)
        XCTAssertTrue(md.output.contains("| LX2024003 | 北京数策软件有限公司 | A | negotiation | 钱七 | 2024-03-25 | review grade, overdue 2024-03-08: A every 7 days, last 2024-03-01 (+3 more); no contact for 51 days (last 2024-03-20) |"), md.output)
        // A private person is shown by id only, as in the summary.
        XCTAssertTrue(md.output.contains("| LX2024005 | - | C | contacted | - | - | first-contact limit, overdue 2024-02-01 13:00: assign within 4 h (intent B) (+3 more); no contact for 98 days (last 2024-02-02) |"), md.output)
        XCTAssertFalse(md.output.contains("陈小明"))
    }

    func testReasonsForScreeningAndMatchedValues() throws {
        let md = run(["--screening", "fail", "--source", "website", "--tag", "官网", "--format", "md"])
        XCTAssertTrue(md.output.contains("| LX2024002 | 杭州启明教育集团 | B | qualified | 赵六 | 2024-05-14 | screening fail: employees 10 &lt; 20: not met; source website; tag 官网 |"), md.output)
        let zh = run(["--screening", "fail", "--source", "website", "--format", "md"], language: "zh-CN")
        XCTAssertTrue(zh.output.contains("| 编号 | 名称 | 等级 | 状态 | 负责人 | 下次跟进 | 列出原因 |"), zh.output)
        XCTAssertTrue(zh.output.contains("| LX2024002 | 杭州启明教育集团 | B | 需求明确 | 赵六 | 2024-05-14 | 筛选未通过：员工人数 10 &lt; 20：不符合；来源 官网表单 |"), zh.output)
        XCTAssertTrue(zh.output.hasSuffix("\n共 1 位客户\n"), zh.output)
    }

    func testTheTableFitsTheWidthCuttingNamesAndReasonsOnly() {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "zh-CN", "COLUMNS": "80"], currentDirectory: workspace.root)
        _ = LeadbookCommandLine.run(["list", "--overdue", "-C", workspace.root] + Self.asOf, context)
        let lines = console.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 5, console.output)
        for line in lines.dropLast() { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 80, line) }
        // The name and the reason are cut; the id, grade, status, owner and date are whole.
        XCTAssertTrue(lines[1].hasPrefix("LX2024001  苏州恒力…   S     方案提交  赵六    2024-05-20  待办（重要紧急）"), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("…"), lines[1])
        XCTAssertEqual(lines.last, "共 3 位客户")
    }

    func testSortKeysAreStableAndPutMissingValuesLast() throws {
        func sorted(_ key: String) throws -> [String] { try ids(["--all", "--sort", key]) }
        XCTAssertEqual(try sorted("grade"), ["001", "003", "006", "002", "005", "004"])
        XCTAssertEqual(try sorted("next"), ["003", "002", "001", "004", "005", "006"])
        XCTAssertEqual(try sorted("status"), ["004", "005", "002", "001", "003", "006"])
        XCTAssertEqual(try sorted("created"), ["005", "003", "001", "006", "002", "004"])
        XCTAssertEqual(try sorted("last-contact"), ["005", "003", "006", "001", "002", "004"])
        // Names by their characters (王 U+738B, 赵 U+8D75, 钱 U+94B1), no owner last.
        XCTAssertEqual(try sorted("owner"), ["004", "001", "002", "003", "006", "005"])
        XCTAssertEqual(try sorted("id"), ["001", "002", "003", "004", "005", "006"])
    }

    func testJSONRowsCarryTheColumnsAndTheFilteredFieldsInEnglishInBothLanguages() throws {
        for language in ["en", "zh-CN"] {
            let rows = try self.rows(["--source", "展会", "--region", "华东", "--team", "华东组", "--intent", "A", "--tag", "老客户",
                                      "--created-from", "2024-04-01"], language: language)
            let row = try XCTUnwrap(rows["LX2024001"])
            XCTAssertEqual(row["name"] as? String, "苏州恒力精密制造有限公司")
            XCTAssertEqual(row["grade"] as? String, "S")
            XCTAssertEqual(row["status"] as? String, "proposal")
            XCTAssertEqual(row["owner"] as? String, "赵六")
            XCTAssertEqual(row["next"] as? String, "2024-05-20")
            XCTAssertEqual(row["source"] as? String, "exhibition")
            XCTAssertEqual(row["region"] as? String, "华东")
            XCTAssertEqual(row["team"] as? String, "华东组")
            XCTAssertEqual(row["intent"] as? String, "A")
            XCTAssertEqual(row["tags"] as? [String], ["老客户"])
            XCTAssertEqual(row["created"] as? String, "2024-04-01 09:00")
            XCTAssertNil(row["items"])
            XCTAssertNil(row["screening"])
            XCTAssertEqual(rows.count, 1)
        }
        let screened = try rows(["--screening", "fail"])
        let screening = try XCTUnwrap(screened["LX2024002"]?["screening"] as? [String: Any])
        XCTAssertEqual(screening["outcome"] as? String, "fail")
        XCTAssertEqual((screening["reasons"] as? [String])?.first, "employees 10 < 20: not met")
        // Neither phones nor emails, whatever the filters.
        let all = run(["--all", "--overdue", "--format", "json"]).output + run(["--all", "--format", "csv"]).output
        XCTAssertFalse(all.contains("138000000"))
    }

    func testCSVIsExcelSafeLikeExport() throws {
        try workspace.write("customers/LX2024008-x.md", """
            ---
            id: LX2024008
            name: "=HYPERLINK(\\"http://example.com\\")"
            source: website
            intent: B
            created: 2024-05-01 09:00
            status: untouched
            ---

            """)
        let csv = run(["--created-from", "2024-05-01", "--format", "csv"])
        XCTAssertEqual(csv.code, .ok, csv.errors)
        // The workspace's language (zh-CN) unless --lang: the team's spreadsheet, as export.
        XCTAssertEqual(csv.output, "\u{FEFF}编号,名称,等级,状态,负责人,下次跟进,列出原因\r\n"
            + "LX2024002,杭州启明教育集团,B,需求明确,赵六,2024-05-14,2024-05-07 获取\r\n"
            + "LX2024004,上海美佳零售有限公司,,未接触,王五,,2024-05-09 获取\r\n"
            + "LX2024008,\"'=HYPERLINK(\"\"http://example.com\"\")\",,未接触,,,2024-05-01 获取\r\n")
        let english = run(["--created-from", "2024-05-09", "--format", "csv", "--lang", "en"])
        XCTAssertEqual(english.output, "\u{FEFF}id,name,grade,status,owner,next,reason\r\nLX2024004,上海美佳零售有限公司,,untouched,王五,,created 2024-05-09\r\n")
    }

    func testNothingMatchesIsExitZeroWithALine() {
        let none = run(["--owner", "王五", "--grade", "S"])
        XCTAssertEqual(none.code, .ok)
        XCTAssertEqual(none.output, "no customers match\n")
        XCTAssertEqual(run(["--owner", "王五", "--grade", "S"], language: "zh-CN").output, "没有符合条件的客户\n")
        let json = run(["--owner", "王五", "--grade", "S", "--format", "json"])
        XCTAssertEqual(json.output, "{\n  \"as_of\": \"2024-05-10 09:00\",\n  \"count\": 0,\n  \"customers\": []\n}\n")
    }

    func testFilesWithErrorsAreToldAndListedAsFarAsTheyRead() throws {
        try workspace.write("customers/LX2024009-broken.md", "---\nid: LX2024009\nname: 坏文件\nsource: website\nintent: B\ncreated: 2024-05-01 09:00\nstatus: wonn\n---\n")
        let result = run(["--created-from", "2024-05-01"])
        XCTAssertEqual(result.code, .findings)
        XCTAssertTrue(result.errors.contains("leadbook list: 1 file has errors (customers/LX2024009-broken.md); run `leadbook check`"), result.errors)
    }

    // MARK: Bad values: usage errors with the nearest value

    func testWrongValuesAreUsageErrorsWithDidYouMean() {
        let cases: [([String], String)] = [
            (["--status", "谈判中"], "--status: unknown status `谈判中`; did you mean `商务谈判` (negotiation)?"),
            (["--grade", "SS"], "--grade"),
            (["--source", "展览"], "--source: unknown source `展览`"),
            (["--owner", "赵七"], "--owner: `赵七` is not in the team of leadbook.yml; did you mean 赵六?"),
            (["--team", "华东"], "`华东` is not a team of leadbook.yml; did you mean 华东组? (teams: 华东组, 华北组)"),
            (["--region", "华中"], "--region: no customer has the region `华中`; did you mean 华东?"),
            (["--industry", "软体"], "--industry: no customer has the industry `软体`; did you mean 软件?"),
            (["--tag", "展会2025"], "--tag: no customer has the tag `展会2025`; did you mean 展会2024?"),
            (["--screening", "failed"], "--screening must be pass, fail or no-rule"),
            (["--stalled", "ten"], "--stalled must be a whole number of days"),
            (["--due-within", "-1"], "--due-within must be a whole number of days"),
            (["--created-from", "2024-05-10", "--created-to", "2024-05-01"], "--created-from 2024-05-10 is after --created-to 2024-05-01"),
            (["--created-from", "May"], "--created-from must be a date like 2024-03-05"),
            (["--sort", "naem"], "--sort must be one of id, name, grade, status, owner, next, created, last-contact; did you mean name?"),
            (["--format", "xlsx"], "--format must be one of table, md, csv, json"),
            (["赵六"], "unexpected argument `赵六`"),
        ]
        for (arguments, message) in cases {
            let result = run(arguments)
            XCTAssertEqual(result.code, .failure, "\(arguments)")
            XCTAssertTrue(result.errors.contains(message), "\(arguments): \(result.errors)")
            XCTAssertEqual(result.output, "", "\(arguments)")
        }
        let zh = run(["--region", "华中"], language: "zh-CN")
        XCTAssertEqual(zh.errors, "leadbook list：--region：没有哪位客户的区域是 `华中`，是不是要写 华东？\n")
    }

    func testInChinese() {
        let result = run(["--team", "华北组", "--all"], language: "zh-CN")
        XCTAssertEqual(result.output, """
            编号       名称                  等级  状态      负责人  下次跟进    列出原因
            LX2024003  北京数策软件有限公司  A     商务谈判  钱七    2024-03-25  团队 华北组
            LX2024006  成都天府食品有限公司  A     成交      钱七    -           团队 华北组

            共 2 位客户

            """)
    }
}
