import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook import FILE.xlsx`: the workbooks of Tests/Fixtures/xlsx (made by openpyxl and by
/// LibreOffice, both deflate-compressed, by make_fixtures.py there), the row messages of a
/// sheet, and the refusals.
final class WorkbookImportTests: RuleWorkspaceTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx")

    override func prepare() throws {
        try workspace.write("leadbook.yml", "language: zh-CN\n")
    }

    func run(_ arguments: [String], language: String = "en") -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language], currentDirectory: workspace.root)
        let code = LeadbookCommandLine.run(arguments + ["-C", workspace.root], context)
        return (code, console.output, console.errors)
    }

    func files() throws -> [(String, String)] {
        let folder = workspace.root + "/customers"
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            ("customers/" + name, try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
        }
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = workspace.root + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let expected: [(String, String)] = [
        ("customers/LX2024001-上海云帆信息技术.md", """
            ---
            id: LX2024001
            name: 上海云帆信息技术有限公司
            industry: 软件
            source: website
            contacts:
              - name: 陈晨
                phone: "02155550101"
                email: chen@yunfan.example.com
            budget: 200000
            intent: A
            created: 2024-03-05 10:20
            status: untouched
            ---

            # 上海云帆信息技术有限公司

            访问报价页
            留言要演示

            ## 跟进记录

            """),
        ("customers/LX2024002-𠀾氏贸易.md", """
            ---
            id: LX2024002
            name: 𠀾氏贸易有限公司
            industry: 贸易
            source: exhibition
            contacts:
              - name: 刘洋
                phone: "013800000101"
            budget: 50000
            intent: B
            created: 2024-03-06 00:00
            status: untouched
            ---

            # 𠀾氏贸易有限公司

            展位号A12

            ## 跟进记录

            """),
        ("customers/LX2024003-北京数策软件.md", """
            ---
            id: LX2024003
            name: 北京数策软件有限公司
            industry: 软件
            source: referral
            contacts:
              - name: 马骏
                phone: "13800000005"
                email: ma.jun@example.com
            intent: C
            created: 2024-03-07 09:00
            status: untouched
            ---

            # 北京数策软件有限公司

            ## 跟进记录

            """),
        ("customers/LX2024004-杭州绿源食品.md", """
            ---
            id: LX2024004
            name: 杭州绿源食品有限公司
            industry: 食品
            source: cold-call
            contacts:
              - name: 蒋红
                phone: "00862155550106"
            budget: 1500.5
            intent: B
            created: 2024-03-08 14:05
            status: untouched
            ---

            # 杭州绿源食品有限公司

            冷链

            ## 跟进记录

            """),
        ("customers/LX2024005-成都蓉锦医疗器械.md", """
            ---
            id: LX2024005
            name: 成都蓉锦医疗器械有限公司
            industry: 医疗
            source: partner
            contacts:
              - name: 邓海
                phone: "13800000010"
                email: deng.hai@example.com
            budget: 300000
            intent: A
            created: 2024-03-09 16:45
            status: untouched
            ---

            # 成都蓉锦医疗器械有限公司

            第一行
            第二行
            第三行

            ## 跟进记录

            """),
    ]

    /// Five leads with Chinese headers, a multi-line note, phones with leading zeros and a CJK
    /// Extension B character: every field arrives, from openpyxl's workbook and from LibreOffice's.
    func testWorkbooksOfOpenpyxlAndLibreOfficeImportEveryField() throws {
        for maker in ["openpyxl", "libreoffice"] {
            try? FileManager.default.removeItem(atPath: workspace.root + "/customers")
            try FileManager.default.createDirectory(atPath: workspace.root + "/customers", withIntermediateDirectories: true)
            let path = Self.fixtures.appendingPathComponent("leads-\(maker).xlsx").path
            let imported = run(["import", path, "--at", "2024-03-10 09:00"])
            XCTAssertEqual(imported.code, .ok, imported.errors)
            XCTAssertTrue(imported.output.hasPrefix("\(path): sheet `\(maker == "openpyxl" ? "线索" : "leads-libreoffice")`, 5 rows\n"), imported.output)
            XCTAssertTrue(imported.output.contains("5 created, 0 added, 0 unchanged, 0 skipped"), imported.output)
            let read = try files()
            XCTAssertEqual(read.map(\.0), Self.expected.map(\.0), maker)
            for (file, expected) in zip(read, Self.expected) { XCTAssertEqual(file.1, expected.1, "\(maker): \(file.0)") }
            // The same workbook again changes nothing.
            let again = run(["import", path, "--at", "2024-03-10 09:00"])
            XCTAssertTrue(again.output.contains("0 created, 0 added, 5 unchanged, 0 skipped"), again.output)
        }
    }

    /// A bad row of a sheet is told by its row and column, in both languages; nothing is written.
    func testABadRowIsToldByRowAndColumn() throws {
        let path = try write("bad.xlsx", WorkbookTests.workbook(sheets: [(name: "线索", data: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c><c r="B1" t="inlineStr"><is><t>来源渠道</t></is></c>\
            <c r="C1" t="inlineStr"><is><t>初步意向等级</t></is></c><c r="D1" t="inlineStr"><is><t>获取时间</t></is></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>远航物流</t></is></c><c r="B3" t="inlineStr"><is><t>展会</t></is></c>\
            <c r="C3" t="inlineStr"><is><t>D</t></is></c><c r="D3" t="e"><v>#VALUE!</v></c></row>
            """, after: "", hidden: false)]))
        let english = run(["import", path])
        XCTAssertEqual(english.code, .findings)
        XCTAssertEqual(english.errors, """
            \(path): row 3, column C (初步意向等级): unknown intent `D`
              hint: write A, B or C (A级, B级, C级 and 高意向, 中意向, 低意向 work too)
            \(path): row 3, column D (获取时间): the cell holds the error `#VALUE!`
              hint: correct the formula or type the value, then save the workbook again
            leadbook import: 1 bad row in \(path); nothing was written (fix it, or pass --skip-bad to import the other 0 rows)

            """)
        let chinese = run(["import", path], language: "zh-CN")
        XCTAssertTrue(chinese.errors.hasPrefix("\(path)：第 3 行，C 列（初步意向等级）："), chinese.errors)
        XCTAssertTrue(chinese.errors.contains("\(path)：第 3 行，D 列（获取时间）：单元格的值是错误 `#VALUE!`"), chinese.errors)
        XCTAssertEqual(try files().count, 0)
    }

    /// A formula cell with no saved result is a problem of its row and cell, in both languages.
    func testAFormulaWithNoSavedResultIsToldByItsCell() throws {
        let path = try write("formula.xlsx", WorkbookTests.workbook(sheets: [(name: "线索", data: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c><c r="B1" t="inlineStr"><is><t>来源渠道</t></is></c>\
            <c r="C1" t="inlineStr"><is><t>初步意向等级</t></is></c><c r="L1" t="inlineStr"><is><t>预算</t></is></c></row>
            <row r="5"><c r="A5" t="inlineStr"><is><t>远航物流</t></is></c><c r="B5" t="inlineStr"><is><t>展会</t></is></c>\
            <c r="C5" t="inlineStr"><is><t>B</t></is></c><c r="L5"><f>1+1</f><v/></c></row>
            """, after: "", hidden: false)]))
        let english = run(["import", path])
        XCTAssertEqual(english.code, .findings)
        XCTAssertTrue(english.errors.hasPrefix("""
            \(path): row 5, column L (预算): L5 holds a formula with no saved result
              hint: open the workbook in Excel or WPS and save it again, then import it
            """), english.errors)
        let chinese = run(["import", path], language: "zh-CN")
        XCTAssertTrue(chinese.errors.hasPrefix("""
            \(path)：第 5 行，L 列（预算）：L5 是公式，但工作簿里没有保存它的计算结果
              提示：请用 Excel 或 WPS 打开工作簿，保存一次后再导入
            """), chinese.errors)
        XCTAssertEqual(try files().count, 0)
    }

    /// A phone that Excel turned into a number: in a workbook the hint says to save it again,
    /// in a CSV file to export it again.
    func testAPhoneTurnedIntoANumberIsToldInTheWordsOfItsFile() throws {
        let path = try write("phone.xlsx", WorkbookTests.workbook(sheets: [(name: "线索", data: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c><c r="B1" t="inlineStr"><is><t>来源渠道</t></is></c>\
            <c r="C1" t="inlineStr"><is><t>初步意向等级</t></is></c><c r="D1" t="inlineStr"><is><t>电话</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>远航物流</t></is></c><c r="B2" t="inlineStr"><is><t>展会</t></is></c>\
            <c r="C2" t="inlineStr"><is><t>B</t></is></c><c r="D2" t="inlineStr"><is><t>1.38E+10</t></is></c></row>
            """, after: "", hidden: false)]))
        let workbook = run(["import", path], language: "zh-CN")
        XCTAssertEqual(workbook.code, .findings)
        XCTAssertTrue(workbook.errors.contains("提示：请在 Excel 里把这一列设为“文本”格式，重新输入号码后再保存\n"), workbook.errors)
        XCTAssertTrue(run(["import", path]).errors.contains("hint: format the column as Text in Excel, type the numbers again and save the workbook again\n"))
        let csv = try write("phone.csv", Array("企业名称,来源渠道,初步意向等级,电话\n远航物流,展会,B,1.38E+10\n".utf8))
        let table = run(["import", csv], language: "zh-CN")
        XCTAssertEqual(table.code, .findings)
        XCTAssertTrue(table.errors.contains("提示：请在 Excel 里把这一列设为“文本”格式，重新输入号码后再导出\n"), table.errors)
        XCTAssertEqual(try files().count, 0)
    }

    func testWorkbooksThatAreRefused() throws {
        var encrypted = WorkbookTests.workbook(sheets: [(name: "S", data: "", after: "", hidden: false)])
        let end = encrypted.count - 22
        let central = Int(encrypted[end + 16]) | Int(encrypted[end + 17]) << 8 | Int(encrypted[end + 18]) << 16
        encrypted[central + 8] |= 1
        var zip64 = WorkbookTests.workbook(sheets: [(name: "S", data: "", after: "", hidden: false)])
        zip64[zip64.count - 12] = 0xFF
        zip64[zip64.count - 11] = 0xFF
        let good = try Data(contentsOf: Self.fixtures.appendingPathComponent("leads-openpyxl.xlsx"))
        let bomb = try Data(contentsOf: Self.fixtures.appendingPathComponent("bomb.xlsx"))
        let cases: [(String, [UInt8], String, String)] = [
            ("encrypted.xlsx", encrypted, "the workbook is encrypted (`_rels/.rels`)", "工作簿已加密"),
            ("zip64.xlsx", zip64, "the workbook is a zip64 archive, which leadbook does not read", "zip64"),
            ("bomb.xlsx", Array(bomb), "`xl/worksheets/sheet1.xml` would grow", "zip 炸弹"),
            ("truncated.xlsx", Array(good.prefix(good.count - 100)), "the workbook is cut short (its zip archive is incomplete)", "工作簿不完整"),
            ("notes.xlsx", Array("企业名称,来源渠道\n".utf8), "the file is not a zip archive, so not an .xlsx workbook", "不是 zip 压缩包"),
            ("old.xls", Workbook.oleSignature + [UInt8](repeating: 0, count: 504),
             "the file is an Excel 97-2003 workbook (.xls), or a workbook protected with a password", "另存为 .xlsx"),
        ]
        for (name, bytes, english, chinese) in cases {
            let path = try write(name, bytes)
            let refused = run(["import", path])
            XCTAssertEqual(refused.code, .findings, name)
            XCTAssertTrue(refused.errors.hasPrefix("\(path): " + english), refused.errors)
            XCTAssertTrue(run(["import", path], language: "zh-CN").errors.contains(chinese), name)
        }
        XCTAssertEqual(try files().count, 0)
    }

    func testOptionsOfOneKindOfFileOnly() throws {
        let path = Self.fixtures.appendingPathComponent("leads-openpyxl.xlsx").path
        let encoding = run(["import", path, "--encoding", "gb18030"])
        XCTAssertEqual(encoding.code, .failure)
        XCTAssertTrue(encoding.errors.contains("--encoding is for CSV files"), encoding.errors)
        let csv = try write("leads.csv", Array("企业名称,来源渠道,初步意向等级\n远航物流,展会,B\n".utf8))
        let sheet = run(["import", csv, "--sheet", "线索"])
        XCTAssertEqual(sheet.code, .failure)
        XCTAssertTrue(sheet.errors.contains("--sheet is for workbooks (.xlsx)"), sheet.errors)
        let missing = run(["import", path, "--sheet", "线素"])
        XCTAssertEqual(missing.code, .findings)
        XCTAssertTrue(missing.errors.contains("the workbook has no sheet `线素`\n  hint: did you mean `线索`?"), missing.errors)
    }
}
