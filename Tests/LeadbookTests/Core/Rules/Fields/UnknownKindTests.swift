import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-kind: a customer's `kind` is company or person (企业, 个人).
final class UnknownKindTests: XCTestCase {
    func testKindsAndTheirChineseLabelsAreClean() {
        for (text, kind) in [("company", CustomerKind.company), ("person", .person), ("企业", .company), ("个人", .person)] {
            let result = RuleFixture.read(RuleFixture.customer(adding: ["kind: \(text)"]))
            RuleAssert.clean(result.findings.diagnostics)
            XCTAssertEqual(result.customer?.kind, kind, text)
        }
    }

    func testUnknownKind() {
        let text = RuleFixture.customer(adding: ["kind: compnay"])
        RuleAssert.one(RuleFixture.diagnostics(text), "unknown-kind", at: (8, 7), says: "unknown kind `compnay`",
                       hint: "did you mean `company`? use one of: company (企业), person (个人)")
    }
}
