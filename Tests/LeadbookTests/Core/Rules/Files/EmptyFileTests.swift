import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// empty-file: a customer file with nothing in it, or only blanks, or only a BOM.
final class EmptyFileTests: XCTestCase {
    func testAFileWithFrontMatterIsNotEmpty() {
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.head))
    }

    func testEmptyFile() {
        let diagnostic = RuleAssert.one(RuleFixture.diagnostics(bytes: []), "empty-file", at: (1, 1), says: "the file is empty",
                                        hint: "write the customer's front matter (see docs/format.md), or delete the file",
                                        path: RuleFixture.path)
        XCTAssertNil(diagnostic?.sourceLine)
    }

    func testWhitespaceOnlyFileIsEmpty() {
        RuleAssert.only(RuleFixture.diagnostics("\n  \r\n\t\n"), "empty-file", at: (1, 1))
    }

    func testBOMOnlyFileIsEmpty() {
        RuleAssert.only(RuleFixture.diagnostics(bytes: [0xEF, 0xBB, 0xBF, 0x0A]), "empty-file", at: (1, 1))
    }
}
