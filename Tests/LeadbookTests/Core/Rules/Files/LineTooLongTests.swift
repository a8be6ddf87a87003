import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// line-too-long: a line of a customer file is at most 64 KB (pasted data, not notes).
final class LineTooLongTests: XCTestCase {
    /// Line 10 of the file is `- 数据: ` and pasted digits, `kilobytes` long in all.
    func customer(lineOf kilobytes: Int) -> String {
        RuleFixture.customer(body: "\n- 数据: " + String(repeating: "7", count: kilobytes * 1024 - 10) + "\n")
    }

    func testALongNoteIsFine() {
        RuleAssert.clean(RuleFixture.diagnostics(customer(lineOf: 64)))
    }

    func testALineOverSixtyFourKilobytes() {
        let diagnostic = RuleAssert.one(RuleFixture.diagnostics(customer(lineOf: 70)), "line-too-long", at: (10, 1),
                                        says: "line 10 is 70 KB long; lines are at most 64 KB",
                                        hint: "a customer file holds notes, not data: move pasted content to a separate file and link to it")
        XCTAssertNil(diagnostic?.sourceLine, "the line is too long to show")
    }
}
