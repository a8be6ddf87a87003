import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class CSVWriterTests: XCTestCase {
    func testFieldsAreQuotedOnlyWhenTheyMustBe() {
        XCTAssertEqual(CSVWriter.field("aaa"), "aaa")
        XCTAssertEqual(CSVWriter.field("a b"), "a b")
        XCTAssertEqual(CSVWriter.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.field("b\"bb"), "\"b\"\"bb\"")
        XCTAssertEqual(CSVWriter.field("b\r\nbb"), "\"b\r\nbb\"")
        XCTAssertEqual(CSVWriter.field("第一行\n第二行"), "\"第一行\n第二行\"")
        XCTAssertEqual(CSVWriter.field(""), "")
    }

    /// The RFC's examples 5 to 7 written back.
    func testRecordsEndWithCRLF() {
        XCTAssertEqual(CSVWriter.record(["aaa", "b\r\nbb", "ccc"]), "aaa,\"b\r\nbb\",ccc\r\n")
        XCTAssertEqual(CSVWriter.record(["aaa", "b\"bb", "ccc"]), "aaa,\"b\"\"bb\",ccc\r\n")
        XCTAssertEqual(CSVWriter.record([""]), "\"\"\r\n")
        XCTAssertEqual(CSVWriter.record(["", ""]), ",\r\n")
    }

    func testATableStartsWithABOMWhenAsked() {
        XCTAssertEqual(Array(CSVWriter.table([["a"], ["b"]], bom: true).utf8), [0xEF, 0xBB, 0xBF, 0x61, 0x0D, 0x0A, 0x62, 0x0D, 0x0A])
        XCTAssertEqual(CSVWriter.table([["a"]], bom: false), "a\r\n")
    }

    /// Whatever is written reads back as the same table.
    func testWrittenTablesReadBackTheSame() {
        let rows = [
            ["id", "名称", "备注"],
            ["1", "a,b", "He said \"hi\""],
            ["2", "", "line one\r\nline two\nline three\rend"],
            ["3", "\"", ",,,"],
            ["4", " spaced ", "=1+2"],
        ]
        let text = CSVWriter.table(rows, bom: false)
        XCTAssertEqual(CSVReader.read(Array(text.utf8)).map(\.fields), rows)
    }
}
