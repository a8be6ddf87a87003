import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `export`'s `first_contact` (首次跟进): the earliest follow-up entry's moment, where the
/// summary's response time ends; a date in a workbook; read and not imported by `import`.
final class ExportFirstContactTests: RuleWorkspaceTestCase {
    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\n")
        try workspace.write("customers/LX2024001.md", """
            ---
            id: LX2024001
            name: 华东云科技有限公司
            source: website
            intent: A
            created: 2024-03-01 09:10
            assigned: 2024-03-01 09:40
            status: contacted
            ---

            ## 跟进记录

            ### 2024-03-01 10:30 电话 张伟
            - 状态: 初步接洽

            ### 2024-03-04 邮件 张伟

            """)
        // The first entry has no time: its date alone.
        try workspace.write("customers/LX2024002.md", """
            ---
            id: LX2024002
            name: 恒力精密
            source: website
            intent: B
            created: 2024-03-02 09:20
            status: contacted
            ---

            ## Follow-ups

            ### 2024-03-02 phone

            ### 2024-03-05 10:00 email

            """)
        try workspace.write("customers/LX2024003.md", """
            ---
            id: LX2024003
            name: 启明教育
            source: website
            intent: C
            created: 2024-03-03 09:00
            status: untouched
            ---

            """)
    }

    func run(_ arguments: [String], language: String = "en") -> (code: ExitCode, out: String, err: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language], currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(arguments + ["-C", workspace.root], context)
        return (code, console.output, console.errors)
    }

    func testTheColumnInCSVInBothLanguagesAndInJSON() throws {
        let chinese = run(["export", "--fields", "id,assigned,first_contact"])
        XCTAssertEqual(chinese.code, .ok, chinese.err)
        XCTAssertEqual(chinese.out, "\u{FEFF}线索编号,分配时间,首次跟进\r\nLX2024001,2024-03-01 09:40,2024-03-01 10:30\r\nLX2024002,,2024-03-02\r\nLX2024003,,\r\n")
        let english = run(["export", "--fields", "id,first_contact", "--lang", "en"])
        XCTAssertEqual(english.out, "\u{FEFF}id,first_contact\r\nLX2024001,2024-03-01 10:30\r\nLX2024002,2024-03-02\r\nLX2024003,\r\n")
        let json = run(["export", "--format", "json", "--fields", "id,first_contact"])
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["first_contact"] as? String }, ["2024-03-01 10:30", "2024-03-02", nil])
        XCTAssertTrue(rows[2]["first_contact"] is NSNull)
        // It is not a default column, and `--fields` takes its Chinese header too.
        XCTAssertFalse(CustomerColumn.defaults.contains { $0.rawValue == "first_contact" })
        XCTAssertEqual(run(["export", "--fields", "线索编号,首次跟进"]).out,
                       "\u{FEFF}线索编号,首次跟进\r\nLX2024001,2024-03-01 10:30\r\nLX2024002,2024-03-02\r\nLX2024003,\r\n")
    }

    /// A workbook holds it as a date (with its time when the entry has one).
    func testTheColumnIsADateInAWorkbook() throws {
        let column = try XCTUnwrap(CustomerColumn(header: "first_contact"))
        let rows = WorkbookExport.rows(Workspace.open(root: workspace.root), columns: [column], labels: false).rows
        guard rows.count == 3, case .date(_, let withTime, let shown) = rows[0].cells[0],
              case .date(_, let withoutTime, _) = rows[1].cells[0], case .empty = rows[2].cells[0] else {
            return XCTFail("\(rows.map(\.cells))")
        }
        XCTAssertTrue(withTime)
        XCTAssertEqual(shown, "2024-03-01 10:30")
        XCTAssertFalse(withoutTime)
    }

    /// An exported table with the column imports again: the column is read and not imported
    /// (leadbook computes it from the log), in both languages.
    func testImportReadsTheColumnAndDoesNotImportIt() throws {
        try workspace.write("leads.csv", "企业名称,来源渠道,初步意向等级,首次跟进\n远航物流,官网表单,B,2024-03-09 10:00\n")
        let chinese = run(["import", workspace.root + "/leads.csv", "--dry-run", "--at", "2024-03-09T09:00"], language: "zh-CN")
        XCTAssertEqual(chinese.code, .ok, chinese.err)
        XCTAssertTrue(chinese.out.contains("首次跟进") && chinese.out.contains("不导入：这一项由 leadbook 计算或维护"), chinese.out)
        let english = run(["import", workspace.root + "/leads.csv", "--dry-run", "--at", "2024-03-09T09:00"])
        XCTAssertTrue(english.out.contains("column D (首次跟进) is not imported: leadbook computes or keeps it"), english.out)
        XCTAssertFalse(english.out.contains("2024-03-09 10:00"), english.out)
    }
}
