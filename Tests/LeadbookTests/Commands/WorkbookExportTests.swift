import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// `leadbook export --format xlsx`: read back by leadbook, by openpyxl and by LibreOffice.
final class WorkbookExportTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "/leadbook-xlsx-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: root)
    }

    @discardableResult
    func run(_ arguments: [String], in folder: String, language: String = "en") -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": language], currentDirectory: folder)
        let code = LeadbookCommandLine.run(arguments + ["-C", folder], context)
        return (code, console.output, console.errors)
    }

    /// The template workspace, and three customers whose values a spreadsheet likes to change.
    func workspace(_ name: String, language: String = "zh-CN") throws -> String {
        let folder = root + "/" + name
        try FileManager.default.copyItem(atPath: Self.packageRoot.appendingPathComponent("template-workspace").path, toPath: folder)
        let tricky: [(String, String)] = [
            ("LX2024101-yunfan.md", """
                ---
                id: LX2024101
                name: 上海"云帆"信息技术有限公司
                industry: 软件
                source: website
                contacts:
                  - name: 陈晨
                    title: CTO
                    phone: "02155550101"
                    email: chen@yunfan.example.com
                needs: =HYPERLINK("http://example.com","报价")
                budget: 150000.5
                intent: A
                created: 2024-03-05 10:20
                status: contacted
                ---

                ## 跟进记录

                """),
            ("LX2024102-ext-b.md", """
                ---
                id: LX2024102
                name: 𠀾氏贸易有限公司
                source: exhibition
                contacts:
                  - name: 刘洋
                    phone: "+86 139 0000 0104"
                needs: "123456789012345678901234567890"
                intent: B
                created: 2024-03-06
                status: untouched
                ---

                """),
            ("LX2024103-zero.md", """
                ---
                id: LX2024103
                name: 远航物流
                source: referral
                contacts:
                  - name: 采购部
                    phone: "00862155550106"
                needs: |
                  第一行
                  第二行
                intent: C
                created: 2024-03-07 09:00
                status: untouched
                ---

                """),
        ]
        for (file, text) in tricky { try text.write(toFile: folder + "/customers/" + file, atomically: true, encoding: .utf8) }
        if language != "zh-CN" {
            let config = folder + "/leadbook.yml"
            let text = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "language: zh-CN", with: "language: \(language)")
            try text.write(toFile: config, atomically: true, encoding: .utf8)
        }
        return folder
    }

    func testTheWorkbookIsTheSameEveryTimeWithTextCellsAndNoFormula() throws {
        let folder = try workspace("w")
        let first = run(["export", "--out", "a.xlsx"], in: folder)
        XCTAssertEqual(first.code, .ok, first.errors)
        XCTAssertEqual(first.output, "exported 20 customers to a.xlsx\n")
        XCTAssertEqual(run(["export", "--format", "xlsx", "--out", folder + "/b.xlsx"], in: folder).code, .ok)
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.xlsx")), b = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.xlsx"))
        XCTAssertEqual(a, b)
        let archive = try ZipArchive(Array(a))
        let sheet = String(decoding: try archive.contents(of: archive.entry(named: "xl/worksheets/sheet1.xml")!), as: UTF8.self)
        XCTAssertFalse(sheet.contains("<f>") || sheet.contains("<f "), "a formula")
        XCTAssertTrue(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        let read = try Workbook(Array(a))
        let table = try read.table(read.sheet(named: nil))
        XCTAssertEqual(table.sheet.name, "客户")
        XCTAssertEqual(Array(table.header.fields.prefix(3)), ["线索编号", "企业名称", "来源渠道"])
        let yunfan = try XCTUnwrap(table.records.first { $0.fields[0] == "LX2024101" })
        XCTAssertEqual(yunfan.fields[7], "02155550101")
        XCTAssertEqual(yunfan.fields[9], "=HYPERLINK(\"http://example.com\",\"报价\")")
        XCTAssertEqual(yunfan.fields[10], "150000.5")
        XCTAssertEqual(yunfan.fields[15], "2024-03-05 10:20")

        let onTerminal = run(["export", "--format", "xlsx"], in: folder)
        XCTAssertEqual(onTerminal.code, .failure)
        XCTAssertTrue(onTerminal.errors.hasPrefix("leadbook export: --format xlsx writes a file: pass --out FILE.xlsx"), onTerminal.errors)
        XCTAssertTrue(run(["export", "--format", "xlsx"], in: folder, language: "zh-CN").errors.contains("请加 `--out 文件.xlsx`"))
    }

    /// A text longer than Excel keeps in a cell (32,767 UTF-16 units; 𠀾 counts two) refuses
    /// the workbook in both languages: nothing is written, and the CSV export is suggested.
    func testATextTooLongForACellRefusesTheWorkbook() throws {
        let folder = try workspace("long")
        func customer(_ id: String, needs: String) throws {
            try """
                ---
                id: \(id)
                name: 长文本测试\(id)有限公司
                source: website
                needs: \(needs)
                intent: B
                created: 2024-03-05
                status: untouched
                ---

                ## 跟进记录

                """.write(toFile: folder + "/customers/2024/\(id)-long.md", atomically: true, encoding: .utf8)
        }
        // Exactly the limit is kept (52,767 bytes of UTF-8, 32,767 UTF-16 units).
        try customer("LX2024190", needs: String(repeating: "中", count: 10_000) + String(repeating: "a", count: 22_767))
        XCTAssertEqual(run(["export", "--out", "fits.xlsx"], in: folder).code, .ok)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/fits.xlsx"))
        // 24,768 characters, 32,768 UTF-16 units: one too many.
        try customer("LX2024191", needs: String(repeating: "𠀾", count: 8_000) + String(repeating: "a", count: 16_768))
        let english = run(["export", "--out", "long.xlsx"], in: folder)
        XCTAssertEqual(english.code, .findings)
        XCTAssertEqual(english.output, "")
        XCTAssertEqual(english.errors, """
            customers/2024/LX2024191-long.md: customer LX2024191, column `需求关键词`: the text has 32,768 characters, more than the 32,767 an Excel cell holds
            leadbook export: 1 text is too long for a workbook, so long.xlsx was not written; export with `--format csv` instead, or shorten it

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/long.xlsx"))
        let chinese = run(["export", "--out", "long.xlsx"], in: folder, language: "zh-CN")
        XCTAssertEqual(chinese.code, .findings)
        XCTAssertTrue(chinese.errors.contains("客户 LX2024191 的 `需求关键词` 有 32,768 个字符，超过了 Excel 一个单元格能放的 32,767 个"), chinese.errors)
        XCTAssertTrue(chinese.errors.contains("所以没有写入 long.xlsx；请改用 `--format csv` 导出"), chinese.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/long.xlsx"))
        XCTAssertEqual(run(["export", "--format", "csv", "--out", "long.csv"], in: folder).code, .ok)
    }

    /// Export, then import into an empty workspace: the workbook gives the files the CSV export
    /// gives, byte for byte, except where the CSV had to neutralize a formula.
    func testExportThenImportGivesWhatTheCSVGives() throws {
        let folder = try workspace("from")
        XCTAssertEqual(run(["export", "--out", "all.xlsx"], in: folder).code, .ok)
        XCTAssertEqual(run(["export", "--out", "all.csv"], in: folder).code, .ok)
        var trees: [[String: String]] = []
        for (name, file) in [("xlsx", "all.xlsx"), ("csv", "all.csv")] {
            let empty = root + "/to-" + name
            try FileManager.default.createDirectory(atPath: empty + "/customers", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: folder + "/leadbook.yml", toPath: empty + "/leadbook.yml")
            let imported = run(["import", folder + "/" + file, "--skip-bad", "--at", "2024-06-01 09:00"], in: empty)
            // Won and lost customers cannot be created from a sheet (no deal, no reason): 5 rows of the
            // template; and the CSV's `'+86 ...` (neutralized) is not a phone number.
            let counts = name == "xlsx" ? "15 created, 0 added, 0 unchanged, 5 skipped" : "14 created, 0 added, 0 unchanged, 6 skipped"
            XCTAssertTrue(imported.output.contains(counts), imported.output + imported.errors)
            var tree: [String: String] = [:]
            for entry in try FileManager.default.contentsOfDirectory(atPath: empty + "/customers") {
                tree[entry] = try String(contentsOfFile: empty + "/customers/" + entry, encoding: .utf8)
            }
            trees.append(tree)
        }
        XCTAssertEqual(trees[0].keys.filter { !$0.hasPrefix("LX2024102") }.sorted(), trees[1].keys.sorted())
        XCTAssertEqual(trees[0].count, 15)
        for (file, text) in trees[0] {
            if file.hasPrefix("LX2024102") {
                XCTAssertTrue(text.contains("name: 𠀾氏贸易有限公司\n") && text.contains("phone: +86 139 0000 0104\n"), text)
            } else if file.hasPrefix("LX2024101") {
                XCTAssertTrue(text.contains("\nneeds: =HYPERLINK(\"http://example.com\",\"报价\")\n"), text)
                XCTAssertTrue(text.contains("phone: \"02155550101\""), text)
                XCTAssertTrue(trees[1][file]!.contains("needs: \"'=HYPERLINK("), trees[1][file]!)
            } else {
                XCTAssertEqual(text, trees[1][file], file)
            }
        }
        XCTAssertTrue(trees[0].values.contains { $0.contains("phone: \"00862155550106\"") })
        XCTAssertTrue(trees[0].values.contains { $0.contains("needs: \"123456789012345678901234567890\"") })
    }

    /// openpyxl reads exactly the values of `export --format json`: texts as texts, numbers as
    /// numbers, dates as dates; lists and maps as the CSV export writes them.
    func testOpenpyxlReadsTheValuesOfTheJSONExport() throws {
        guard (try? Python.run("import openpyxl")) != nil else {
            throw XCTSkip("openpyxl is not installed (pip install openpyxl): this oracle test is skipped")
        }
        let folder = try workspace("en", language: "en")
        let every = CustomerColumn.allCases.map(\.rawValue).joined(separator: ",")
        XCTAssertEqual(run(["export", "--out", "all.xlsx", "--fields", every], in: folder).code, .ok)
        let json = run(["export", "--format", "json", "--fields", every], in: folder).output
        let csv = run(["export", "--format", "csv", "--fields", every, "--out", "all.csv"], in: folder)
        XCTAssertEqual(csv.code, .ok)
        let output = try Python.run("""
            import csv, datetime, json, sys, openpyxl
            folder = sys.argv[1]
            book = openpyxl.load_workbook(folder + '/all.xlsx')
            sheet = book.active
            assert sheet.freeze_panes == 'A2', sheet.freeze_panes
            rows = list(sheet.iter_rows())
            header = [cell.value for cell in rows[0]]
            expected = json.load(sys.stdin)
            with open(folder + '/all.csv', encoding='utf-8-sig', newline='') as file:
                table = list(csv.reader(file))
            assert table[0] == header, (table[0], header)
            problems = []
            def unquoted(text):
                return text[1:] if text[:1] == "'" and text[1:2] in ('=', '+', '-', '@', '\\t', '\\r') else text
            for number, (row, values, line) in enumerate(zip(rows[1:], expected, table[1:]), start=2):
                for cell, key, text in zip(row, header, line):
                    value, want = cell.value, values[key]
                    if cell.data_type == 'f':
                        problems.append('formula in %s' % cell.coordinate)
                    if isinstance(value, datetime.datetime):
                        value = value.strftime('%Y-%m-%d %H:%M' if 'hh' in cell.number_format else '%Y-%m-%d')
                    if isinstance(want, (list, dict)):
                        if (value or '') != unquoted(text):
                            problems.append('%s %s: %r != CSV %r' % (cell.coordinate, key, value, text))
                    elif isinstance(want, str) and cell.data_type != 's' and not cell.is_date:
                        problems.append('%s %s: %r is not a text cell' % (cell.coordinate, key, value))
                    elif value != want:
                        problems.append('%s %s: %r != JSON %r' % (cell.coordinate, key, value, want))
            print('\\n'.join(problems) or 'same values in %d rows and %d columns' % (len(expected), len(header)))
            """, arguments: [folder], input: Data(json.utf8))
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "same values in 20 rows and \(CustomerColumn.allCases.count) columns\n")
    }

    /// LibreOffice opens the workbook and converts it to CSV without an error.
    func testLibreOfficeConvertsTheExportToCSV() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let soffice = path.split(separator: ":").map({ "\($0)/soffice" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("soffice is not installed (apt install libreoffice-calc-nogui): this oracle test is skipped")
        }
        let folder = try workspace("lo")
        XCTAssertEqual(run(["export", "--out", "all.xlsx"], in: folder).code, .ok)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["--headless", "-env:UserInstallation=file://\(root)/profile", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                             "--outdir", root + "/out", folder + "/all.xlsx"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let csv = try String(contentsOfFile: root + "/out/all.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("线索编号,企业名称,来源渠道,所属行业") == true, csv)
        XCTAssertTrue(csv.contains("LX2024101,\"上海\"\"云帆\"\"信息技术有限公司\",官网表单,软件,"), csv)
        XCTAssertTrue(csv.contains(",02155550101,"), csv)
        XCTAssertTrue(csv.contains(",\"=HYPERLINK(\"\"http://example.com\"\",\"\"报价\"\")\","), csv)
        XCTAssertTrue(csv.contains(",123456789012345678901234567890,"), csv)
        XCTAssertTrue(csv.contains("2024-03-05 10:20"), csv)
    }
}
