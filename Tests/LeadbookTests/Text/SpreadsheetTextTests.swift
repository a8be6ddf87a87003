import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class SpreadsheetTextTests: XCTestCase {
    /// 企业名称,备注 / 华东云,"说""好"" 换行" in GB18030, as Excel writes it on Chinese Windows.
    static let gbSheet: [UInt8] = [
        0xC6, 0xF3, 0xD2, 0xB5, 0xC3, 0xFB, 0xB3, 0xC6, 0x2C, 0xB1, 0xB8, 0xD7, 0xA2, 0x0D, 0x0A,
        0xBB, 0xAA, 0xB6, 0xAB, 0xD4, 0xC6, 0x2C, 0x22, 0xCB, 0xB5, 0x22, 0x22, 0xBA, 0xC3, 0x22, 0x22, 0x0A, 0xBB, 0xBB, 0xD0, 0xD0, 0x22, 0x0D, 0x0A,
    ]

    func testValidUTF8IsReadAsUTF8WithOrWithoutBOM() throws {
        let plain = Array("企业名称\r\n".utf8)
        let decoded = try SpreadsheetText.decode(plain, as: nil).get()
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertFalse(decoded.hadBOM)
        XCTAssertEqual(decoded.bytes, plain)
        let withBOM = try SpreadsheetText.decode([0xEF, 0xBB, 0xBF] + plain, as: nil).get()
        XCTAssertEqual(withBOM.bytes, plain)
        XCTAssertTrue(withBOM.hadBOM)
    }

    func testGB18030IsDetectedWhenTheBytesAreNotUTF8() throws {
        let decoded = try SpreadsheetText.decode(Self.gbSheet, as: nil).get()
        XCTAssertEqual(decoded.encoding, .gb18030)
        XCTAssertEqual(String(decoding: decoded.bytes, as: UTF8.self), "企业名称,备注\r\n华东云,\"说\"\"好\"\"\n换行\"\r\n")
        XCTAssertEqual(CSVReader.read(decoded.bytes).map(\.fields), [["企业名称", "备注"], ["华东云", "说\"好\"\n换行"]])
    }

    func testAnExplicitEncodingIsObeyed() throws {
        XCTAssertEqual(try SpreadsheetText.decode(Array("abc".utf8), as: .gb18030).get().encoding, .gb18030)
        guard case .failure(let problem) = SpreadsheetText.decode(Self.gbSheet, as: .utf8) else { return XCTFail() }
        XCTAssertEqual(problem.line, 1)
        XCTAssertEqual(problem.message, "invalid UTF-8 at byte offset 0 (byte 0xC6)")
        XCTAssertTrue(problem.hint.contains("--encoding gb18030"))
    }

    func testBytesThatAreNeitherNameTheLineOfTheFirstBadByte() {
        guard case .failure(let problem) = SpreadsheetText.decode(Array("a,b\r\nc,".utf8) + [0xFF, 0x41], as: nil) else { return XCTFail() }
        XCTAssertEqual(problem.line, 2)
        XCTAssertEqual(problem.message, "the file is neither UTF-8 (invalid at byte offset 7) nor GB18030 (invalid at byte offset 7 (byte 0xFF))")
    }

    func testUTF16AndWorkbooksAreRecognised() {
        guard case .failure(let utf16) = SpreadsheetText.decode([0xFF, 0xFE, 0x41, 0x00], as: nil) else { return XCTFail() }
        XCTAssertTrue(utf16.message.contains("UTF-16"))
        guard case .failure(let xlsx) = SpreadsheetText.decode([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], as: nil) else { return XCTFail() }
        XCTAssertTrue(xlsx.message.contains("Excel workbook"))
    }

    func testANulByteIsNamedWhereverItIsAndWhateverTheEncoding() {
        // After an invalid UTF-8 byte, after a BOM, and with an explicit encoding: the NUL is named.
        let cases: [([UInt8], SpreadsheetText.Encoding?, Int, Int)] = [
            (Array("a,b\r\nc,".utf8) + [0xFF, 0x41, 0x0A, 0x00], nil, 10, 3),
            ([0xEF, 0xBB, 0xBF] + Array("a\nb".utf8) + [0x00], nil, 6, 2),
            (Array("a\n".utf8) + [0x00, 0xFF], .gb18030, 2, 2),
        ]
        for (bytes, encoding, offset, line) in cases {
            guard case .failure(let problem) = SpreadsheetText.decode(bytes, as: encoding) else { XCTFail("\(bytes)"); continue }
            XCTAssertEqual(problem.message, "the file has a NUL byte at offset \(offset): it is not a text file")
            XCTAssertEqual(problem.line, line)
        }
    }

    func testEncodingNames() {
        XCTAssertEqual(SpreadsheetText.Encoding(name: "UTF-8"), .utf8)
        XCTAssertEqual(SpreadsheetText.Encoding(name: "gbk"), .gb18030)
        XCTAssertNil(SpreadsheetText.Encoding(name: "latin1"))
    }
}
