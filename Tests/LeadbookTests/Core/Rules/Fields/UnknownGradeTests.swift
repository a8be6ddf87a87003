import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-grade: a `grade` is S, A, B or C (S级 ...).
final class UnknownGradeTests: XCTestCase {
    func testAGradeIsClean() {
        let result = RuleFixture.read(RuleFixture.customer(adding: ["grade: A级"]))
        RuleAssert.clean(result.findings.diagnostics)
        XCTAssertEqual(result.customer?.grade, .A)
    }

    func testUnknownGrade() {
        let text = RuleFixture.customer(adding: ["grade: SS"])
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-grade", at: (8, 8), says: "unknown grade `SS`",
                       hint: "did you mean `S`? use one of: S (S级), A (A级), B (B级), C (C级)")
    }
}
