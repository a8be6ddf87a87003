import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class ExportTests: XCTestCase {
    /// The workspace the import-export transcript ends with: quotes, commas, line breaks,
    /// Chinese, a value starting with `=` and a phone starting with `+`, a tombstone.
    var workspace: Workspace {
        Workspace.open(root: Transcript.fixtures.appendingPathComponent("import-export/expected-tree").path)
    }

    func export(_ arguments: [String]) -> (code: ExitCode, output: String, errors: String) {
        let console = RecordingConsole()
        let context = CommandContext(console: console, environment: ["LEADBOOK_LANG": "en"], currentDirectory: FileManager.default.temporaryDirectory.path)
        let code = LeadbookCommandLine.run(["export", "-C", workspace.root] + arguments, context)
        return (code, console.output, console.errors)
    }

    func testCellsThatASpreadsheetWouldRunAreNeutralized() {
        for cell in ["=1+2", "+86 138", "-5", "@SUM(A1)", "\tx", "\rx"] {
            XCTAssertEqual(CustomerTable.neutralized(cell), "'" + cell)
        }
        for cell in ["", "华东云", "1=1", " =1", "'=1", "13800000001"] {
            XCTAssertEqual(CustomerTable.neutralized(cell), cell)
        }
    }

    func testOneRowPerCustomerWithoutTombstones() {
        let (code, output, errors) = export(["--fields", "id,name"])
        XCTAssertEqual(code, .ok, errors)
        XCTAssertTrue(output.hasPrefix("\u{FEFF}线索编号,企业名称\r\n"))
        let ids = CSVReader.read(Array(output.utf8).dropFirst(3).map { $0 }).dropFirst().map { $0.fields[0] }
        XCTAssertEqual(ids, ["LX2024001", "LX2024002", "LX2024004", "LX2024005", "LX2024006"], "LX2024003 is a tombstone")
    }

    /// The oracle: every column of every customer, written as CSV, read by Python's csv module
    /// (as Excel users' scripts would) gives the same table, header included.
    func testTheCSVOpensAsTheSameTableInPythonsCSVModule() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("leadbook-export-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: out) }
        let fields = CustomerColumn.allCases.map(\.rawValue).joined(separator: ",")
        let (code, _, errors) = export(["--fields", fields, "--out", out.path])
        XCTAssertEqual(code, .ok, errors)
        let bytes = try Data(contentsOf: out)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 with BOM")

        let rows = CustomerTable.load(workspace, columns: CustomerColumn.allCases, labels: true, json: false).rows
        let expected = ([CustomerTable.header(CustomerColumn.allCases, labels: true)] + rows.map(\.cells)).map { $0.map(CustomerTable.neutralized) }
        XCTAssertEqual(expected.count, 6)
        XCTAssertTrue(expected.joined().contains { $0.contains("\n") }, "the table has cells with line breaks")
        XCTAssertTrue(expected.joined().contains { $0.contains("\"") }, "cells with quotes")
        XCTAssertTrue(expected.joined().contains { $0.contains(",") }, "cells with commas")
        XCTAssertTrue(expected.joined().contains("'=降本增效"))

        let script = """
        import csv, json, sys
        with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
            json.dump(list(csv.reader(f)), sys.stdout, ensure_ascii=False)
        """
        let parsed = try JSONSerialization.jsonObject(with: try Python.run(script, arguments: [out.path])) as! [[String]]
        XCTAssertEqual(parsed.count, expected.count)
        for (index, (python, ours)) in zip(parsed, expected).enumerated() {
            XCTAssertEqual(python, ours, "row \(index + 1)")
        }
        // And our own reader agrees.
        XCTAssertEqual(CSVReader.read(Array(bytes.dropFirst(3))).map(\.fields), expected)
    }

    func testJSONHasNumbersListsAndEnglishValues() throws {
        let (code, output, _) = export(["--format", "json", "--fields", "id,source,status,budget,employees,tags,follow_ups"])
        XCTAssertEqual(code, .ok)
        let rows = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [[String: Any]]
        XCTAssertEqual(rows.count, 5)
        XCTAssertEqual(rows[0]["source"] as? String, "website")
        XCTAssertEqual(rows[0]["status"] as? String, "contacted")
        XCTAssertEqual(rows[0]["follow_ups"] as? Int, 1)
        XCTAssertTrue(rows[0]["budget"] is NSNull)
        XCTAssertEqual(rows[3]["budget"] as? Int, 200000)
        XCTAssertEqual((rows[3]["tags"] as? [Any])?.count, 0)
    }

    func testUnknownAndRepeatedFieldsAreUsageErrors() {
        XCTAssertEqual(export(["--fields", "id,nmae"]).code, .failure)
        XCTAssertEqual(export(["--fields", "id,id"]).errors, "leadbook export: --fields names `id` twice\n")
        XCTAssertEqual(export(["--fields", "线索编号,企业名称"]).code, .ok, "the Chinese headers work as names too")
        XCTAssertEqual(export(["--format", "xlsx"]).code, .failure)
    }
}
