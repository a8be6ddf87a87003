import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// nul-byte: a NUL byte means a binary or damaged file (or UTF-16); it wins over invalid-utf8.
final class NulByteTests: XCTestCase {
    func testATextFileHasNoNulByte() {
        RuleAssert.clean(RuleFixture.diagnostics(bytes: Array(RuleFixture.customer(body: "\n# 华东云\n").utf8)))
    }

    func testNulByteInTheBodyIsReportedWithItsOffset() {
        let text = RuleFixture.customer(body: "\n# 华东云\n")
        var bytes = Array(text.utf8)
        let offset = bytes.count - 1  // replaces the final line feed
        bytes[offset] = 0
        let diagnostic = RuleAssert.one(RuleFixture.diagnostics(bytes: bytes), "nul-byte", at: (10, 6),
                                        says: "NUL byte at byte offset \(offset): this is not a text file",
                                        hint: "restore the file from git (`git checkout -- FILE`) or remove the NUL bytes")
        XCTAssertNil(diagnostic?.sourceLine)
    }

    func testNulByteWinsOverInvalidUTF8() {
        // A UTF-16 file is full of NUL bytes: say so, not "invalid UTF-8".
        let bytes: [UInt8] = [0xFF, 0xFE, 0x2D, 0x00, 0x2D, 0x00, 0x2D, 0x00, 0x0A, 0x00]
        RuleAssert.only(RuleFixture.diagnostics(bytes: bytes), "nul-byte", at: (1, 4), message: ["byte offset 3"])
    }
}
