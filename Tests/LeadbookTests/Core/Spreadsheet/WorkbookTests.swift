import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Reading workbooks: parts found through their relationships, cell values, dates, merged
/// headers, and the refusals.
final class WorkbookTests: XCTestCase {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A workbook of the given sheets (name, sheet XML body inside `<sheetData>` and after it).
    static func workbook(sheets: [(name: String, data: String, after: String, hidden: Bool)], sharedStrings: [String]? = nil,
                         styles: String? = nil, date1904: Bool = false) -> [UInt8] {
        var zip = ZipWriter()
        zip.add("_rels/.rels", Array("""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relations)/officeDocument" Target="/xl/workbook.xml"/></Relationships>
            """.utf8))
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        var list = ""
        for (index, sheet) in sheets.enumerated() {
            rels += "<Relationship Id=\"s\(index)\" Type=\"\(relations)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
            list += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"s\(index)\"\(sheet.hidden ? " state=\"hidden\"" : "")/>"
        }
        rels += "<Relationship Id=\"st\" Type=\"\(relations)/styles\" Target=\"styles.xml\"/>"
        rels += "<Relationship Id=\"ss\" Type=\"\(relations)/sharedStrings\" Target=\"../xl/./sharedStrings.xml\"/></Relationships>"
        zip.add("xl/_rels/workbook.xml.rels", Array(rels.utf8))
        zip.add("xl/workbook.xml", Array("""
            <workbook xmlns="\(main)" xmlns:r="\(relations)"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(list)</sheets></workbook>
            """.utf8))
        for (index, sheet) in sheets.enumerated() {
            var xml = "<x:worksheet xmlns:x=\"\(main)\"><x:sheetData>\(sheet.data)</x:sheetData>\(sheet.after)</x:worksheet>"
            // Every element of the sheet with the prefix x: (the reader goes by namespace, not by prefix).
            let names = ["c", "row", "v", "f", "is", "t", "mergeCell", "mergeCells"]
            for name in names {
                xml = xml.replacingOccurrences(of: "<\(name)>", with: "<x:\(name)>")
                xml = xml.replacingOccurrences(of: "<\(name) ", with: "<x:\(name) ")
                xml = xml.replacingOccurrences(of: "<\(name)/", with: "<x:\(name)/")
                xml = xml.replacingOccurrences(of: "</\(name)>", with: "</x:\(name)>")
            }
            zip.add("xl/worksheets/sheet\(index).xml", Array(xml.utf8))
        }
        if let sharedStrings {
            zip.add("xl/sharedStrings.xml", Array("<sst xmlns=\"\(main)\">\(sharedStrings.joined())</sst>".utf8))
        }
        zip.add("xl/styles.xml", Array((styles ?? """
            <styleSheet xmlns="\(main)"><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
            <numFmt numFmtId="165" formatCode="0.00&quot;万元&quot;"/><numFmt numFmtId="166" formatCode="[$-804]yyyy/m/d\\ h:mm"/></numFmts>\
            <cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="31"/>\
            <xf numFmtId="166"/><xf numFmtId="49"/></cellXfs></styleSheet>
            """).utf8))
        return zip.finished()
    }

    func table(_ bytes: [UInt8], sheet: String? = nil) throws -> WorkbookTable {
        let workbook = try Workbook(bytes)
        return try workbook.table(workbook.sheet(named: sheet))
    }

    func testCellValues() throws {
        let bytes = Self.workbook(sheets: [(name: "线索", data: """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>电话</t></is></c><c r="C1" t="s"><v>1</v></c></row>
            <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><t>0215555</t><t>0101</t></is></c><c r="C2" t="b"><v>1</v></c>\
            <c r="D2"><v>13800000101</v></c><c r="E2"><v>0.30000000000000004</v></c><c r="F2"><v>1.5E+20</v></c>\
            <c r="G2" t="str"><v>公式_x000A_结果</v></c><c r="H2" s="4"><v>20</v></c></row>
            """, after: "", hidden: false)], sharedStrings: [
                "<si><t>企业名称</t></si>", "<si><r><t>备</t></r><r><t>注</t></r></si>",
                "<si><r><t xml:space=\"preserve\">上海 </t></r><r><t>云帆</t></r><rPh sb=\"0\" eb=\"2\"><t>シャンハイ</t></rPh></si>",
            ])
        let read = try table(bytes)
        XCTAssertEqual(read.sheet.name, "线索")
        XCTAssertEqual(read.header.fields, ["企业名称", "电话", "备注"])
        XCTAssertEqual(read.records.map(\.fields), [["上海 云帆", "02155550101", "TRUE", "13800000101", "0.3", "1.5E+20", "公式\n结果", "20"]])
        XCTAssertEqual(read.records.map(\.row), [2])
    }

    func testDatesByStyleInBothSystems() throws {
        let data = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>获取时间</t></is></c></row>
            <row r="2"><c r="A2" s="1"><v>45356</v></c></row>
            <row r="3"><c r="A3" s="2"><v>45356.43055555556</v></c></row>
            <row r="4"><c r="A4" s="3"><v>45356</v></c></row>
            <row r="5"><c r="A5" s="5"><v>45356</v></c></row>
            <row r="6"><c r="A6" s="6"><v>45356.5</v></c></row>
            <row r="7"><c r="A7" s="1"><v>59</v></c></row>
            <row r="8"><c r="A8" s="1"><v>61</v></c></row>
            <row r="9"><c r="A9" s="1"><v>1</v></c></row>
            <row r="10"><c r="A10" s="4"><v>45356</v></c></row>
            <row r="11"><c r="A11" s="7"><v>45356</v></c></row>
            <row r="12"><c r="A12" s="1"><v>60</v></c></row>
            <row r="13"><c r="A13" t="e"><v>#N/A</v></c></row>
            """
        let read = try table(Self.workbook(sheets: [(name: "S", data: data, after: "", hidden: false)]))
        XCTAssertEqual(read.records.map { $0.fields[0] }, [
            "2024-03-05", "2024-03-05 10:20", "2024-03-05", "2024-03-05", "2024-03-05 12:00",
            "1900-02-28", "1900-03-01", "1900-01-01", "45356", "45356", "60", "",
        ])
        XCTAssertEqual(read.records[10].problems.map(\.phrase), [Wording<Workbook>.leapDay.phrase])
        XCTAssertEqual(read.records[11].problems.map(\.phrase), [Wording<Workbook>.errorValue("#N/A").phrase])
        XCTAssertEqual(read.records[11].problems.first?.hintPhrase, Wording<Workbook>.errorValue("#N/A").hintPhrase)

        let in1904 = try table(Self.workbook(sheets: [(name: "S", data: data, after: "", hidden: false)], date1904: true))
        XCTAssertEqual(in1904.records[0].fields, ["2028-03-06"])
        XCTAssertEqual(in1904.records[10].fields, ["1904-03-01"])
        XCTAssertTrue(in1904.records[10].problems.isEmpty)
    }

    func testCustomFormatsThatAreDates() {
        XCTAssertEqual(Workbook.dateFormat(code: "yyyy-mm-dd"), .date)
        XCTAssertEqual(Workbook.dateFormat(code: "yyyy\"年\"m\"月\"d\"日\""), .date)
        XCTAssertEqual(Workbook.dateFormat(code: "[$-804]yyyy/m/d\\ h:mm"), .dateTime)
        XCTAssertEqual(Workbook.dateFormat(code: "h:mm AM/PM"), .dateTime)
        XCTAssertEqual(Workbook.dateFormat(code: "0.00\"万元\""), .none)
        XCTAssertEqual(Workbook.dateFormat(code: "#,##0;[Red]-#,##0"), .none)
        XCTAssertEqual(Workbook.dateFormat(code: "General"), .none)
        XCTAssertEqual(Workbook.dateFormat(code: "@"), .none)
        XCTAssertEqual(Workbook.dateFormat(code: "\"day\" 0"), .none)
    }

    /// A number in a format of only `0` digits reads as Excel shows it, padded to that width
    /// (openpyxl: `s["E2"] = 2155550101; s["E2"].number_format = "00000000000"`).
    func testZeroPaddedNumberFormats() throws {
        let styles = """
            <styleSheet xmlns="\(Self.main)"><numFmts><numFmt numFmtId="164" formatCode="00000000000"/>\
            <numFmt numFmtId="165" formatCode="0.00"/><numFmt numFmtId="166" formatCode="000"/></numFmts>\
            <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="1"/></cellXfs></styleSheet>
            """
        let data = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>电话</t></is></c></row>
            <row r="2"><c r="A2" s="1"><v>2155550101</v></c></row>
            <row r="3"><c r="A3" s="1"><v>13800000101</v></c></row>
            <row r="4"><c r="A4" s="2"><v>7</v></c></row>
            <row r="5"><c r="A5" s="3"><v>-7</v></c></row>
            <row r="6"><c r="A6" s="3"><v>1.5</v></c></row>
            <row r="7"><c r="A7" s="4"><v>7</v></c></row>
            <row r="8"><c r="A8"><v>2155550101</v></c></row>
            """
        let read = try table(Self.workbook(sheets: [(name: "S", data: data, after: "", hidden: false)], styles: styles))
        XCTAssertEqual(read.records.map { $0.fields[0] }, ["02155550101", "13800000101", "7", "-007", "1.5", "7", "2155550101"])
        XCTAssertEqual(Workbook.paddedWidth(code: "00000"), 5)
        XCTAssertEqual(Workbook.paddedWidth(code: "0\"-\"0"), 0)
        XCTAssertEqual(Workbook.paddedWidth(code: ""), 0)
    }

    /// A formula with no saved result (openpyxl writes `<f>1+1</f><v/>`) is a problem of its
    /// cell, never an empty value; a formula whose saved result is an empty text is read.
    func testAFormulaWithNoSavedResultIsAProblem() throws {
        let data = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c><c r="L1" t="inlineStr"><is><t>预算</t></is></c></row>
            <row r="5"><c r="A5" t="inlineStr"><is><t>远航物流</t></is></c><c r="L5"><f>1+1</f><v/></c></row>
            <row r="6"><c r="A6" t="inlineStr"><is><t>星河数据</t></is></c><c r="L6"><f>1+1</f></c></row>
            <row r="7"><c r="A7" t="inlineStr"><is><t>云帆</t></is></c><c r="L7" t="str"><f>""</f><v></v></c></row>
            <row r="8"><c r="L8"><f>1+1</f><v>2</v></c></row>
            """
        let read = try table(Self.workbook(sheets: [(name: "S", data: data, after: "", hidden: false)]))
        XCTAssertEqual(read.records.map(\.row), [5, 6, 7, 8])
        XCTAssertEqual(read.records[0].problems.map(\.phrase), [Wording<Workbook>.formulaWithoutResult("L5").phrase])
        XCTAssertEqual(read.records[0].problems.map(\.field), [11])
        XCTAssertEqual(read.records[1].problems.map(\.phrase), [Wording<Workbook>.formulaWithoutResult("L6").phrase])
        XCTAssertTrue(read.records[2].problems.isEmpty)
        XCTAssertEqual(read.records[3].fields[11], "2")
        XCTAssertTrue(read.records[3].problems.isEmpty)
    }

    /// A title merged over the columns is skipped; a header merged down makes a two-level header.
    func testMergedHeaderCellsAndEmptyRowsAndColumns() throws {
        let data = """
            <row r="2"><c r="A2" t="inlineStr"><is><t>2024年3月展会线索</t></is></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>序号</t></is></c><c r="B3" t="inlineStr"><is><t>企业名称</t></is></c>\
            <c r="C3" t="inlineStr"><is><t>联系人信息</t></is></c></row>
            <row r="4"><c r="C4" t="inlineStr"><is><t>联系人</t></is></c><c t="inlineStr"><is><t>电话</t></is></c></row>
            <row r="5"/>
            <row><c r="A6"><v>1</v></c><c r="B6" t="inlineStr"><is><t>远航物流</t></is></c><c r="D6" t="inlineStr"><is><t>013800000101</t></is></c></row>
            <row r="9"><c r="B9" t="inlineStr"><is><t>星河数据</t></is></c><c r="F9" t="inlineStr"><is><t> </t></is></c></row>
            """
        let merges = "<mergeCells><mergeCell ref=\"A2:F2\"/><mergeCell ref=\"A3:A4\"/><mergeCell ref=\"B3:B4\"/><mergeCell ref=\"C3:D3\"/></mergeCells>"
        let read = try table(Self.workbook(sheets: [(name: "S", data: data, after: merges, hidden: false)]))
        XCTAssertEqual(read.header.fields, ["序号", "企业名称", "联系人", "电话"])
        XCTAssertEqual(read.header.row, 3)
        XCTAssertEqual(read.records.map(\.row), [6, 9])
        XCTAssertEqual(read.records.map(\.fields), [["1", "远航物流", "", "013800000101"], ["", "星河数据", "", "", "", " "]])
    }

    func testTheSheetByDefaultAndByName() throws {
        let one = "<row><c t=\"inlineStr\"><is><t>企业名称</t></is></c></row>"
        let bytes = Self.workbook(sheets: [(name: "说明", data: one, after: "", hidden: true), (name: "线索 ", data: one, after: "", hidden: false),
                                           (name: "旧线索", data: one, after: "", hidden: false)])
        XCTAssertEqual(try table(bytes).sheet.name, "线索 ")
        XCTAssertEqual(try table(bytes, sheet: "旧线索").sheet.part, "xl/worksheets/sheet2.xml")
        XCTAssertEqual(try table(bytes, sheet: "线索").sheet.name, "线索 ")
        XCTAssertEqual(try table(bytes, sheet: "说明").sheet.name, "说明")
        XCTAssertThrowsError(try table(bytes, sheet: "新线索")) { error in
            XCTAssertEqual((error as? WorkbookProblem)?.kind, .noSheetNamed("新线索", ["说明", "线索 ", "旧线索"]))
            XCTAssertEqual((error as? WorkbookProblem)?.hintPhrase.en, "did you mean `旧线索`? its sheets: `说明`, `线索 `, `旧线索`")
        }
    }

    func testRefusals() {
        func kind(_ bytes: [UInt8]) -> WorkbookProblem.Kind? {
            do {
                _ = try table(bytes)
                return nil
            } catch {
                return (error as? WorkbookProblem)?.kind
            }
        }
        XCTAssertEqual(kind(Workbook.oleSignature + [UInt8](repeating: 0, count: 504)), .compoundFile)
        var binary = ZipWriter()
        binary.add("xl/workbook.bin", [1, 2, 3])
        XCTAssertEqual(kind(binary.finished()), .binary)
        var document = ZipWriter()
        document.add("word/document.xml", Array("<w:document/>".utf8))
        XCTAssertEqual(kind(document.finished()), .notAWorkbook)
        XCTAssertEqual(kind(Array("序号,企业名称".utf8)), .zip(ZipProblem(.notAZip)))
        let doctype = Self.workbook(sheets: [(name: "S", data: "", after: "", hidden: false)],
                                    styles: "<!DOCTYPE x [<!ENTITY a \"b\">]><styleSheet xmlns=\"\(Self.main)\"/>")
        XCTAssertEqual(kind(doctype), .xml("xl/styles.xml", XMLProblem(.doctype, offset: 0)))
        let outside = Self.workbook(sheets: [(name: "S", data: "<row><c r=\"XFE1\"><v>1</v></c></row>", after: "", hidden: false)])
        XCTAssertEqual(kind(outside), .content(Wording<Workbook>.badReference("XFE1")))
        // A repeated or out-of-order row has its own words, in both languages; so has a row outside the grid.
        let again = Self.workbook(sheets: [(name: "S", data: "<row r=\"5\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</v></c></row>", after: "", hidden: false)])
        XCTAssertEqual(kind(again), .content(Wording<Workbook>.rowOutOfOrder("2", after: 5)))
        XCTAssertEqual(Wording<Workbook>.rowOutOfOrder("2", after: 5).zh, "工作表里第 2 行出现在第 5 行之后：有重复或顺序错乱的行")
        let twice = Self.workbook(sheets: [(name: "S", data: "<row r=\"2\"/><row r=\"2\"/>", after: "", hidden: false)])
        XCTAssertEqual(kind(twice), .content(Wording<Workbook>.rowOutOfOrder("2", after: 2)))
        let zero = Self.workbook(sheets: [(name: "S", data: "<row r=\"0\"/>", after: "", hidden: false)])
        XCTAssertEqual(kind(zero), .content(Wording<Workbook>.badRow("0")))
        XCTAssertFalse(Wording<Workbook>.badRow("0").zh.contains("row"))
        // Too many cells: the hint says how to make the sheet smaller, the number grouped.
        let tooMany = WorkbookProblem(.content(Wording<Workbook>.tooManyCells(Workbook.cellLimit)))
        XCTAssertEqual(tooMany.phrase.zh, "工作表的单元格超过 1,000,000 个")
        XCTAssertEqual(tooMany.phrase.en, "the sheet has more than 1,000,000 cells")
        XCTAssertEqual(tooMany.hintPhrase, Wording<Workbook>.fewerCells)
        XCTAssertFalse(tooMany.hintPhrase.zh.contains("另存为"))
        let noString = Self.workbook(sheets: [(name: "S", data: "<row><c t=\"s\"><v>7</v></c></row>", after: "", hidden: false)],
                                     sharedStrings: [])
        guard case .content? = kind(noString) else { return XCTFail("a missing shared string is not refused") }
    }

    /// Damaged workbooks (bytes changed, inserted, cut) are refused or read, never a crash: a
    /// few thousand mutations of the openpyxl fixture, the same ones every run.
    func testDamagedWorkbooksNeverCrash() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx/leads-openpyxl.xlsx")
        let original = Array(try Data(contentsOf: fixture))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        var read = 0, refused = 0
        for round in 0..<3000 {
            var bytes = original
            for _ in 0..<(1 + next() % 4) {
                let at = next() % bytes.count
                switch next() % 3 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: next())
                case 1: bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
                default: bytes[at] ^= UInt8(1 << (next() % 8))
                }
            }
            if round % 10 == 0 { bytes = Array(bytes.prefix(next() % bytes.count)) }
            do {
                let workbook = try Workbook(bytes)
                _ = try workbook.table(workbook.sheet(named: nil))
                read += 1
            } catch {
                XCTAssertFalse(error.phrase.en.isEmpty)
                refused += 1
            }
        }
        XCTAssertEqual(read + refused, 3000)
        XCTAssertGreaterThan(refused, 1000)
    }
}
