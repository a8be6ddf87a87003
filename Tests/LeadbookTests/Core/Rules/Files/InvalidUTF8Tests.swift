import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// invalid-utf8, nul-byte, empty-file: what is wrong with a file's bytes before any YAML.
final class InvalidUTF8Tests: XCTestCase {
    func testValidUTF8WithChineseIsClean() {
        RuleAssert.clean(RuleFixture.diagnostics(bytes: Array(RuleFixture.head.utf8)))
    }

    // MARK: invalid-utf8

    func testGBKBytesAreInvalidUTF8AndTheMessageNamesTheByteOffset() {
        // `name: 华东` saved as GBK: 华 = BB AA, 东 = B6 AB.
        let prefix = Array("---\nid: LX2024001\nname: ".utf8)  // 24 bytes
        let bytes = prefix + [0xBB, 0xAA, 0xB6, 0xAB] + Array("\nsource: website\nintent: A\ncreated: 2024-03-01 09:10\nstatus: qualified\n---\n".utf8)
        RuleAssert.only(RuleFixture.diagnostics(bytes: bytes), "invalid-utf8", at: (3, 7),
                        message: ["byte offset 24", "0xBB"], hint: ["UTF-8", "GBK"], path: RuleFixture.path)
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

    // MARK: nul-byte

    func testNulByteInTheBodyIsReportedWithItsOffset() {
        let text = RuleFixture.customer(body: "\n# 华东云\n")
        var bytes = Array(text.utf8)
        let offset = bytes.count - 1  // replaces the final line feed
        bytes[offset] = 0
        let diagnostics = RuleFixture.diagnostics(bytes: bytes)
        RuleAssert.only(diagnostics, "nul-byte", at: (10, 6), message: ["byte offset \(offset)"], hint: ["git checkout"])
    }

    func testNulByteWinsOverInvalidUTF8() {
        // A UTF-16 file is full of NUL bytes: say so, not "invalid UTF-8".
        let bytes: [UInt8] = [0xFF, 0xFE, 0x2D, 0x00, 0x2D, 0x00, 0x2D, 0x00, 0x0A, 0x00]
        RuleAssert.only(RuleFixture.diagnostics(bytes: bytes), "nul-byte", at: (1, 4), message: ["byte offset 3"])
    }

    // MARK: empty-file

    func testEmptyFile() {
        RuleAssert.only(RuleFixture.diagnostics(bytes: []), "empty-file", at: (1, 1), message: ["empty"], path: RuleFixture.path)
    }

    func testWhitespaceOnlyFileIsEmpty() {
        RuleAssert.only(RuleFixture.diagnostics("\n  \r\n\t\n"), "empty-file", at: (1, 1))
    }

    func testBOMOnlyFileIsEmpty() {
        RuleAssert.only(RuleFixture.diagnostics(bytes: [0xEF, 0xBB, 0xBF, 0x0A]), "empty-file", at: (1, 1))
    }
}
