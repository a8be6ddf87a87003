import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// The reader against the examples of RFC 4180 section 2, the shapes Excel writes, and Python's
/// csv module as an oracle.
final class CSVReaderTests: XCTestCase {
    func fields(_ text: String) -> [[String]] {
        CSVReader.read(Array(text.utf8)).map(\.fields)
    }

    // MARK: - RFC 4180, section 2

    /// 1. Each record is on a separate line, delimited by a line break (CRLF).
    func testRule1RecordsEndWithCRLF() {
        XCTAssertEqual(fields("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n"), [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])
    }

    /// 2. The last record may or may not have an ending line break.
    func testRule2TheLastLineBreakIsOptional() {
        XCTAssertEqual(fields("aaa,bbb,ccc\r\nzzz,yyy,xxx"), [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])
    }

    /// 3. An optional header line in the same format as the records.
    func testRule3HeaderLine() {
        let records = CSVReader.read(Array("field_name,field_name,field_name\r\naaa,bbb,ccc\r\nzzz,yyy,xxx\r\n".utf8))
        XCTAssertEqual(records.map(\.fields), [["field_name", "field_name", "field_name"], ["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])
        XCTAssertEqual(records.map(\.row), [1, 2, 3])
        XCTAssertEqual(records.map(\.line), [1, 2, 3])
    }

    /// 4. Spaces are part of a field and are not ignored; no comma after the last field.
    func testRule4SpacesArePartOfTheField() {
        XCTAssertEqual(fields("aaa , bbb,ccc \r\n"), [["aaa ", " bbb", "ccc "]])
    }

    /// 5. Fields may be enclosed in double quotes.
    func testRule5QuotedFields() {
        XCTAssertEqual(fields("\"aaa\",\"bbb\",\"ccc\"\r\nzzz,yyy,xxx"), [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])
    }

    /// 6. Fields with line breaks, double quotes and commas are enclosed in double quotes.
    func testRule6LineBreaksAndCommasInsideQuotes() {
        let records = CSVReader.read(Array("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,yyy,xxx".utf8))
        XCTAssertEqual(records.map(\.fields), [["aaa", "b\r\nbb", "ccc"], ["zzz", "yyy", "xxx"]])
        XCTAssertEqual(records.map(\.line), [1, 3], "the second record starts on the third line")
        XCTAssertEqual(records.map(\.row), [1, 2])
        XCTAssertEqual(fields("\"a,b\",c"), [["a,b", "c"]])
    }

    /// 7. A double quote inside a quoted field is escaped by another double quote.
    func testRule7DoubledQuotes() {
        XCTAssertEqual(fields("\"aaa\",\"b\"\"bb\",\"ccc\""), [["aaa", "b\"bb", "ccc"]])
        XCTAssertEqual(fields("\"\"\"\",\"\""), [["\"", ""]])
    }

    // MARK: - What spreadsheets and people write

    func testLineEndingsLFAndCRAlsoEndRecords() {
        XCTAssertEqual(fields("a,b\nc,d\n"), [["a", "b"], ["c", "d"]])
        XCTAssertEqual(fields("a,b\rc,d\r"), [["a", "b"], ["c", "d"]])
        XCTAssertEqual(fields("a,b\r\n\r\nc,d"), [["a", "b"], [""], ["c", "d"]])
    }

    func testEmptyFieldsAndEmptyInput() {
        XCTAssertEqual(fields(""), [])
        XCTAssertEqual(fields(",,"), [["", "", ""]])
        XCTAssertEqual(fields("a,\r\n"), [["a", ""]])
        XCTAssertTrue(CSVReader.read(Array(",,\r\n".utf8))[0].isBlank)
    }

    func testAnExcelSheetWithChineseMultiLineCells() {
        let text = "企业名称,备注\r\n\"华东云科技有限公司\",\"第一行\n第二行，含逗号\"\r\n恒力,\"说\"\"好\"\"的\"\r\n"
        let records = CSVReader.read(Array(text.utf8))
        XCTAssertEqual(records.map(\.fields), [["企业名称", "备注"], ["华东云科技有限公司", "第一行\n第二行，含逗号"], ["恒力", "说\"好\"的"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 4])
        XCTAssertTrue(records.allSatisfy(\.problems.isEmpty))
    }

    func testAQuoteInsideAnUnquotedFieldIsKept() {
        let records = CSVReader.read(Array("5\" screen,b\r\n".utf8))
        XCTAssertEqual(records.map(\.fields), [["5\" screen", "b"]])
        XCTAssertEqual(records[0].problems, [])
    }

    func testTextAfterAClosingQuoteIsAProblemOfItsRecord() {
        let records = CSVReader.read(Array("a,b\r\n\"abc\"def,x\r\nc,d\r\n".utf8))
        XCTAssertEqual(records.map(\.fields), [["a", "b"], ["abcdef", "x"], ["c", "d"]])
        XCTAssertEqual(records[1].problems.map { "\($0.line):\($0.field) \($0.message)" }, ["2:0 text after the closing quote of a quoted field"])
        XCTAssertEqual(records[1].problems.map(\.phrase.zh), ["带引号的单元格在闭合引号后面还有文字"])
        XCTAssertEqual(records[2].problems, [])
    }

    func testAQuoteNeverClosedIsAProblemAtTheLineItOpens() {
        let records = CSVReader.read(Array("a,b\r\nc,\"open\r\nd,e\r\n".utf8))
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records[1].fields, ["c", "open\r\nd,e\r\n"])
        XCTAssertEqual(records[1].problems.map { "\($0.line):\($0.field) \($0.message)" }, ["2:1 the quote that opens this field is never closed"])
        XCTAssertEqual(records[1].problems.map(\.phrase.zh), ["这个单元格开头的引号没有闭合"])
    }

    // MARK: - Python's csv module as the oracle

    /// Tricky inputs read the same as Python's csv.reader reads them (where Python reports no
    /// error; Python gives [] for a blank line where we give [""]).
    func testTheReaderAgreesWithPythonsCSVModule() throws {
        let inputs = [
            "a,b,c\r\n1,2,3\r\n",
            "\"a\"\"b\",\"c,d\",\"e\r\nf\"\r\nx\n",
            "\"\",,\"\"\"\"\r\n",
            "中文,\"引号\"\"里\"\"\",\"换\n行\"\r\n",
            "no,newline,at,end",
            "a,b\rc,d\r",
            "\"x\"\"\",\"\"\"y\"\r\n",
            "5\" screen,\"ok\"\r\n",
            "trailing,comma,\r\n",
        ]
        let script = """
        import csv, io, json, sys
        out = []
        for text in json.load(sys.stdin):
            out.append([row if row else [""] for row in csv.reader(io.StringIO(text, newline=""))])
        json.dump(out, sys.stdout, ensure_ascii=False)
        """
        let output = try Python.run(script, input: try JSONSerialization.data(withJSONObject: inputs))
        let expected = try JSONSerialization.jsonObject(with: output) as! [[[String]]]
        for (input, rows) in zip(inputs, expected) {
            XCTAssertEqual(fields(input), rows, "input: \(input.debugDescription)")
        }
    }
}
