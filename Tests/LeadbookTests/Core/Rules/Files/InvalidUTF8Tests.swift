import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// invalid-utf8: customer files and leadbook.yml are UTF-8; the message names the first byte
/// that is not.
final class InvalidUTF8Tests: XCTestCase {
    func testValidUTF8WithChineseIsClean() {
        RuleAssert.clean(RuleFixture.diagnostics(bytes: Array(RuleFixture.head.utf8)))
    }

    func testGBKBytesAreInvalidUTF8AndTheMessageNamesTheByteOffset() {
        // `name: 华东` saved as GBK: 华 = BB AA, 东 = B6 AB.
        let prefix = Array("---\nid: LX2024001\nname: ".utf8)  // 24 bytes
        let bytes = prefix + [0xBB, 0xAA, 0xB6, 0xAB] + Array("\nsource: website\nintent: A\ncreated: 2024-03-01 09:10\nstatus: qualified\n---\n".utf8)
        let diagnostic = RuleAssert.one(RuleFixture.diagnostics(bytes: bytes), "invalid-utf8", at: (3, 7),
                                        says: "invalid UTF-8 at byte offset 24 (byte 0xBB)",
                                        hint: "save the file as UTF-8 (files saved as GBK show this; re-save them as UTF-8 in your editor)",
                                        path: RuleFixture.path)
        XCTAssertNil(diagnostic?.sourceLine, "bytes that are not text are not shown")
    }

    func testTruncatedMultiByteSequenceAtTheEndIsInvalidUTF8() {
        // The last character `中` (E4 B8 AD) cut after two bytes.
        let text = RuleFixture.customer(body: "\n备注: 重点客户")
        let bytes = Array(text.utf8) + [0xE4, 0xB8]
        let offset = text.utf8.count
        RuleAssert.only(RuleFixture.diagnostics(bytes: bytes), "invalid-utf8", at: (10, 9),
                        message: ["byte offset \(offset)", "0xE4"])
    }

    func testOverlongEncodingIsInvalidUTF8() {
        // C0 AF is an overlong `/`: never valid UTF-8.
        let bytes = Array(RuleFixture.customer(body: "\n").utf8) + [0xC0, 0xAF, 0x0A]
        let offset = bytes.count - 3
        RuleAssert.only(RuleFixture.diagnostics(bytes: bytes), "invalid-utf8", at: (10, 1), message: ["byte offset \(offset)"])
    }

    func testLeadbookYmlSavedAsGBK() {
        // `sources: [展会]` with 展会 saved as GBK (D5 B9 BB E1): D5 B9 happens to be a UTF-8
        // character, BB is not.
        let bytes = Array("language: zh-CN\nsources: [".utf8) + [0xD5, 0xB9, 0xBB, 0xE1] + Array("]\n".utf8)
        let (_, diagnostics) = ConfigurationReader.read(SourceText(path: "leadbook.yml", bytes: bytes))
        RuleAssert.one(diagnostics, "invalid-utf8", at: (2, 12), says: "invalid UTF-8 at byte offset 28",
                       hint: "save leadbook.yml as UTF-8", path: "leadbook.yml")
        let (_, clean) = ConfigurationReader.read(SourceText(path: "leadbook.yml", bytes: Array("language: zh-CN\nsources: [展会]\n".utf8)))
        RuleAssert.clean(clean)
    }
}
