import Foundation
import XCTest

/// No input crashes leadbook (a crash exits with a signal's status, above 2): numbers near
/// Int64.max in leadbook.yml and in options, huge money totals, ids at the end of their range,
/// control characters, lone carriage returns, a folder without leadbook.yml and a broken
/// leadbook.yml. Each case runs the built binary.
final class NoCrashTests: XCTestCase {
    var root: URL!

    static let customer = """
    ---
    id: LX2024001
    name: 测试客户有限公司
    source: website
    intent: B
    created: 2024-03-01 09:00
    status: contacted
    owner: 张三
    assigned: 2024-03-01 10:00
    score: {size: 10, budget: 10, urgency: 10, decision: 10, reviewed: 2024-03-01}
    grade: B
    next: 2024-03-09
    ---

    # 测试客户有限公司

    ## 跟进记录

    ### 2024-03-02 10:00 电话 王经理
    - 内容: 初次沟通
    - 状态: contacted
    - 下次: 2024-03-09

    ## 反馈记录

    ### 2024-03-03 电话 方案缺少数据备份功能
    - 类型: 产品
    - 优先级: 高
    - 处理: fix

    """

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-nocrash-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("customers"), withIntermediateDirectories: true)
        try write("leadbook.yml", "language: zh-CN\n")
        try write("customers/LX2024001-ceshi.md", Self.customer)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func run(_ arguments: [String], in folder: URL? = nil) throws -> Transcript.Run {
        try Transcript.run(arguments, in: folder ?? root)
    }

    /// The commands that read the whole workspace or one customer without writing.
    static let readers: [[String]] = [
        ["agenda", "--as-of", "2024-03-20 09:00"], ["summary", "--from", "2024-03-01", "--to", "2024-03-31"],
        ["index", "--check"], ["sync", "--dry-run"], ["show", "LX2024001"], ["explain", "LX2024001"],
        ["export"], ["dupes"], ["fix", "--dry-run"],
    ]

    /// The commands that write.
    static let writers: [[String]] = [
        ["log", "LX2024001", "--channel", "phone", "--at", "2024-03-10 10:00"],
        ["new", "--name", "另一家公司", "--intent", "B", "--source", "website", "--at", "2024-03-10 10:00"],
        ["feedback", "LX2024001", "--channel", "phone", "--type", "price", "--priority", "low", "--summary", "太贵", "--at", "2024-03-10"],
        ["feedback", "LX2024001", "1", "--resolve", "2024-03-10"],
        ["assign", "--at", "2024-03-10 10:00"], ["renumber"], ["sync"], ["index"], ["fix"],
    ]

    // MARK: Numbers in leadbook.yml

    /// Each numeric setting of leadbook.yml at a value that overflowed before.
    static let hugeSettings = [
        "index_days: 2147483649", "index_days: 9223372036854775807",
        "sla_hours: {A: 9223372036854775807, B: 9223372036854775807, C: 9223372036854775807}",
        "cadence_days: {B: 9223372036854775807}", "first_stage_days: {B: 9223372036854775807}",
        "regrade_days: {B: 9223372036854775807}", "expected_cycle_days: {B: 9223372036854775807}",
        "feedback: {fix_hours: 9223372036854775807}", "feedback: {confirm_days: 9223372036854775807}",
        "scoring: {max: {size: 9223372036854775806}}", "scoring: {grades: {S: 9223372036854775807, A: 60, B: 40}}",
        "team: [{name: 张三, role: manager, capacity: 9223372036854775807}]",
        "scoring: {rules: {size: [{min: 9223372036854775807, points: 10}]}}",
        "scoring: {rules: {urgency: [{min: -9223372036854775807, points: 10}]}}",
        "screening: [{industry: 软件, min_employees: 9223372036854775807}]",
        "stage_days: {negotiation: {B: 9223372036854775807}}", "stage_follow_ups: {negotiation: 9223372036854775807}",
        "rhythm: {B: {channels: phone, days: 9223372036854775807}}",
    ]

    func testHugeNumbersInLeadbookYmlAreOutOfRangeAtTheirLineAndNoCommandCrashes() throws {
        for setting in Self.hugeSettings {
            try write("leadbook.yml", "language: zh-CN\n" + setting + "\n")
            if setting.hasPrefix("scoring: {max") {
                // A score at that maximum, too.
                try write("customers/LX2024001-ceshi.md", Self.customer.replacingOccurrences(of: "size: 10,", with: "size: 9223372036854775806,"))
            }
            let check = try run(["check"])
            XCTAssertEqual(check.status, 1, "\(setting): \(check.stdout)\(check.stderr)")
            XCTAssertTrue(check.stdout.contains("leadbook.yml:2:") && check.stdout.contains("error[out-of-range]"), "\(setting): \(check.stdout)")
            for command in Self.readers + Self.writers {
                let result = try run(command)
                XCTAssertEqual(result.status, 2, "\(setting): leadbook \(command.joined(separator: " ")): \(result.stdout)\(result.stderr)")
                XCTAssertTrue(result.stderr.contains("leadbook.yml:2:"), "\(setting): \(command): \(result.stderr)")
            }
            try write("customers/LX2024001-ceshi.md", Self.customer)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("customers").path), ["LX2024001-ceshi.md"])
    }

    func testTheLargestNumbersInRangeRunEveryCommand() throws {
        try write("leadbook.yml", """
            language: zh-CN
            index_days: 3650
            sla_hours: {A: 8760, B: 8760, C: 8760}
            cadence_days: {S: 3650, A: 3650, B: 3650, C: 3650}
            first_stage_days: {S: 3650, A: 3650, B: 3650, C: 3650}
            regrade_days: {S: 3650, A: 3650, B: 3650, C: 3650}
            expected_cycle_days: {S: 3650, A: 3650, B: 3650, C: 3650}
            feedback: {fix_hours: 8760, confirm_days: 3650}
            stage_days: {needs-deepening: {S: 3650, A: 3650, B: 3650, C: 3650}, negotiation: {B: 3650}}
            stage_follow_ups: {initial-contact: 10000}
            rhythm: {S: {channels: meeting, days: 3650}, B: {channels: [phone, email], days: 3650}}
            scoring: {max: {size: 1000, budget: 1000, urgency: 1000, decision: 1000}, grades: {S: 4000, A: 3999, B: 3998}}

            """)
        try write("customers/LX2024001-ceshi.md", Self.customer
            .replacingOccurrences(of: "score: {size: 10, budget: 10, urgency: 10, decision: 10,", with: "score: {size: 1000, budget: 1000, urgency: 1000, decision: 1000,")
            .replacingOccurrences(of: "grade: B", with: "grade: S"))
        XCTAssertEqual(try run(["check"]).status, 0)
        for command in Self.readers + [["agenda", "--as-of", "9999-12-31 23:59", "--days", "3650"]] {
            let result = try run(command)
            XCTAssertLessThanOrEqual(result.status, 1, "leadbook \(command.joined(separator: " ")): \(result.stdout)\(result.stderr)")
        }
    }

    // MARK: Numbers in options

    func testAgendaDaysHasARange() throws {
        for days in ["9223372036854775807", "99999999999999999999", "3651", "-1"] {
            let result = try run(["agenda", "--days", days])
            XCTAssertEqual(result.status, 2, "--days \(days): \(result.stderr)")
            XCTAssertEqual(result.stderr, "leadbook agenda: --days must be a whole number of days from 0 to 3650\n")
        }
        XCTAssertEqual(try run(["agenda", "--days", "3650", "--as-of", "2024-03-20 09:00"]).status, 0)
    }

    func testNinetyThreeLargestBudgetsMakeASummary() throws {
        for number in 1...93 {
            let id = "LX2024" + String(format: "%03d", number)
            try write("customers/\(id)-ceshi.md", Self.customer
                .replacingOccurrences(of: "LX2024001", with: id)
                .replacingOccurrences(of: "测试客户有限公司", with: "测试客户\(number)号有限公司")
                .replacingOccurrences(of: "status: contacted\n", with: "status: contacted\nbudget: 999999999999999.99\n"))
        }
        for format in ["md", "json", "html"] {
            let result = try run(["summary", "--from", "2024-03-01", "--to", "2024-03-31", "--format", format])
            XCTAssertEqual(result.status, 0, "\(format): \(result.stderr)")
        }
        let markdown = try run(["summary", "--from", "2024-03-01", "--to", "2024-03-31"]).stdout
        XCTAssertTrue(markdown.contains("93 个在途客户的预算合计"), markdown)
        XCTAssertTrue(markdown.contains("92,999,999,999,999,999") || markdown.contains("93,000,000,000,000,000"), markdown)
    }

    func testTheLargestAmountsAreWrittenAsTyped() throws {
        // 999999999999999.99 is no Double: written through one, it became 1000000000000000.0,
        // which `new` then refused as too large.
        let created = try run(["new", "--name", "大额客户有限公司", "--intent", "A", "--source", "website",
                               "--at", "2024-03-10 10:00", "--budget", "999999999999999.99", "--employees", "9223372036854775807"])
        XCTAssertEqual(created.status, 0, created.stderr)
        let path = created.stdout.trimmingCharacters(in: .newlines)
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        XCTAssertTrue(text.contains("\nbudget: 999999999999999.99\n"), text)
        XCTAssertTrue(text.contains("\nemployees: 9223372036854775807\n"), text)
        let won = try run(["log", "LX2024001", "--channel", "visit", "--at", "2024-03-10 11:00", "--status", "won", "--deal", "+999999999999999.90"])
        XCTAssertEqual(won.status, 0, won.stderr)
        let customer = try String(contentsOf: root.appendingPathComponent("customers/LX2024001-ceshi.md"), encoding: .utf8)
        XCTAssertTrue(customer.contains("amount: 999999999999999.9"), customer)
        XCTAssertEqual(try run(["check"]).status, 0)
        for command in Self.readers { XCTAssertLessThanOrEqual(try run(command).status, 1, "\(command)") }
    }

    // MARK: Ids

    func testRenumberDoesNotWriteAnIdCheckRejects() throws {
        try write("customers/LX2024001-ceshi2.md", Self.customer
            .replacingOccurrences(of: "测试客户有限公司", with: "第二家客户有限公司")
            .replacingOccurrences(of: "created: 2024-03-01 09:00", with: "created: 2024-03-01 09:30"))
        try write("leads.csv", "线索编号,客户名称,意向,来源,创建时间\nLX999999999999999999,长编号客户有限公司,B,website,2024-03-05 09:00\n")
        let imported = try run(["import", "leads.csv"])
        XCTAssertEqual(imported.status, 0, imported.stdout + imported.stderr)
        let before = try Transcript.tree(root)
        let renumber = try run(["renumber"])
        XCTAssertEqual(renumber.status, 1, renumber.stdout + renumber.stderr)
        XCTAssertTrue(renumber.stderr.contains("no free id is left for customers/LX2024001-ceshi2.md"), renumber.stderr)
        XCTAssertEqual(try Transcript.tree(root), before, "nothing was written")
        let check = try run(["check"])
        XCTAssertFalse(check.stdout.contains("invalid-id"), check.stdout)
    }

    // MARK: Text options

    func testEveryTextOptionRefusesALoneCR() throws {
        let forged = "ok\r### 2030-01-01 电话 伪造的记录\r- 状态: won"
        let cases: [[String]] = [
            ["log", "LX2024001", "--channel", "phone", "--note", forged],
            ["log", "LX2024001", "--channel", "phone", "--with", forged],
            ["log", "LX2024001", "--channel", "phone", "--set", "pain=" + forged],
            ["log", "LX2024001", "--channel", "phone", "--todo", "2024-03-12 " + forged],
            ["log", "LX2024001", "--channel", "phone", "--status", "lost", "--lost-reason", forged],
            ["new", "--name", forged, "--intent", "B", "--source", "website"],
            ["new", "--name", "另一家公司", "--intent", "B", "--source", "website", "--note", forged],
            ["new", "--name", "另一家公司", "--intent", "B", "--source", "website", "--needs", forged],
            ["new", "--name", "另一家公司", "--intent", "B", "--source", "website", "--region", forged],
            ["new", "--name", "另一家公司", "--intent", "B", "--source", "website", "--contact", "张伟,经理\r- 状态: won"],
            ["new", "--name", "另一家公司", "--intent", "B", "--source", "website", "--detail", "booth=" + forged],
            ["feedback", "LX2024001", "--channel", "phone", "--type", "price", "--priority", "low", "--summary", forged],
            ["feedback", "LX2024001", "--channel", "phone", "--type", "price", "--priority", "low", "--summary", "太贵", "--why", forged],
            ["feedback", "LX2024001", "--channel", "phone", "--type", "price", "--priority", "low", "--summary", "太贵", "--plan", forged],
            ["feedback", "LX2024001", "1", "--confirm", "2024-03-10 " + forged],
        ]
        let before = try Transcript.tree(root)
        for arguments in cases {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("line break") || result.stderr.contains("carriage return"), "\(arguments): \(result.stderr)")
        }
        XCTAssertEqual(try Transcript.tree(root), before, "nothing was written")
        // A note with LF and CRLF line breaks is fine.
        let fine = try run(["log", "LX2024001", "--channel", "phone", "--at", "2024-03-10 10:00", "--note", "第一行\n第二行\r\n第三行"])
        XCTAssertEqual(fine.status, 0, fine.stderr)
        XCTAssertEqual(try run(["check"]).status, 0)
    }

    // MARK: Finding the workspace

    func testAFolderWithoutLeadbookYmlIsNotAWorkspace() throws {
        let customers = try run(["check", "-C", root.appendingPathComponent("customers").path])
        XCTAssertEqual(customers.status, 2)
        XCTAssertEqual(customers.stderr, "leadbook: \(root.appendingPathComponent("customers").path) has no leadbook.yml; it is inside the workspace \(root.path): pass -C \(root.path)\n")
        XCTAssertEqual(customers.stdout, "")
        try FileManager.default.removeItem(at: root.appendingPathComponent("leadbook.yml"))
        for arguments in [["check", "-C", root.path], ["check", "-C", "customers"], ["agenda", "-C", root.path]] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stdout)")
            XCTAssertTrue(result.stderr.contains("has no leadbook.yml, so it is not a workspace") && result.stderr.contains("--no-config"), result.stderr)
        }
        let inside = try run(["check"])
        XCTAssertEqual(inside.status, 2)
        XCTAssertTrue(inside.stderr.contains("no leadbook.yml in"), inside.stderr)
        // --no-config says so: the toolkit's defaults.
        let explicit = try run(["check", "-C", root.path, "--no-config"])
        XCTAssertEqual(explicit.status, 0, explicit.stdout + explicit.stderr)
        XCTAssertEqual(explicit.stdout, "0 errors, 0 warnings in 1 file\n")
        XCTAssertEqual(try run(["check", "--no-config"]).stdout, "0 errors, 0 warnings in 1 file\n")
        XCTAssertEqual(try run(["agenda", "--no-config", "--as-of", "2024-03-20 09:00"]).status, 0)
    }

    // MARK: A broken leadbook.yml

    func testEveryCommandRefusesABrokenLeadbookYml() throws {
        let broken: [(String, [UInt8])] = [
            ("invalid-utf8", Array("language: zh-CN\nteam: [{name: 张".utf8) + [0xFF, 0xFE] + Array("三, role: manager}]\n".utf8)),
            ("yaml-syntax", Array("language: zh-CN\nteam:\n  - name: 张三\n    role: manager\n   regions: [华东\n".utf8)),
            ("yaml-unsupported", Array("language: zh-CN\nsla_hours: &a {A: 2}\n".utf8)),
        ]
        for (rule, bytes) in broken {
            try write("leadbook.yml", bytes: bytes)
            let before = try Transcript.tree(root)
            let check = try run(["check"])
            XCTAssertEqual(check.status, 1, "\(rule): \(check.stdout)")
            XCTAssertTrue(check.stdout.contains("leadbook.yml:") && check.stdout.contains("error[\(rule)]"), "\(rule): \(check.stdout)")
            for command in Self.readers + Self.writers + [["import", "leads.csv"], ["merge", "LX2024001", "LX2024002"], ["hook", "install"]] {
                let result = try run(command)
                XCTAssertEqual(result.status, 2, "\(rule): \(command): \(result.stdout)\(result.stderr)")
                XCTAssertTrue(result.stderr.contains("error[\(rule)]") && result.stderr.contains("leadbook.yml has 1 error; nothing was done"),
                              "\(rule): \(command): \(result.stderr)")
                XCTAssertEqual(result.stdout, "", "\(rule): \(command)")
            }
            XCTAssertEqual(try Transcript.tree(root), before, "\(rule): nothing was written")
        }
    }
}
