import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Cases once read wrongly, kept so they stay right.
final class RulesRegressionTests: XCTestCase {
    func testALeadingDocumentStartLineIsAccepted() {
        let (configuration, diagnostics) = RuleFixture.configuration("---\nlanguage: en\n")
        RuleAssert.clean(diagnostics)
        XCTAssertEqual(configuration.language, .en)
        let (_, withComment) = RuleFixture.configuration("# 配置\n--- # start\nlanguage: en\n")
        RuleAssert.clean(withComment)
    }

    func testASecondDocumentStartLineIsStillRejected() {
        let (_, diagnostics) = RuleFixture.configuration("---\nlanguage: en\n---\nlanguage: zh-CN\n")
        RuleAssert.only(diagnostics, "yaml-unsupported", at: (3, 1))
        let (_, valueOnMarker) = RuleFixture.configuration("--- language: en\n")
        RuleAssert.only(valueOnMarker, "yaml-unsupported", at: (1, 5))
    }

    func testNumbersTooLargeForAnAmountAreOutOfRange() {
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(adding: ["budget: 100000000000000000000"])), "out-of-range", at: (8, 9))
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(adding: ["budget: 1234567890123456789"])), "out-of-range", at: (8, 9))
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(adding: ["employees: -99999999999999999999"])), "out-of-range", at: (8, 12))
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(adding: ["budget: 999999999999999.99"])))
    }

    func testAQuotedEmptyRequiredValueIsOneMissingField() {
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(set: ["status: \"\""])), "missing-field", at: (7, 1))
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(set: ["intent: ''"])), "missing-field", at: (5, 1))
    }

    func testEmptyLogValuesAreNotes() {
        let text = RuleFixture.customer(body: "\n## Follow-ups\n\n### 2024-03-01 phone 张伟\n- status:\n- next:\n")
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }

    func testAnInvalidEscapeNamesTheWholeCharacter() {
        let diagnostics = RuleFixture.diagnostics(RuleFixture.customer(adding: ["needs: \"C:\\数据\""]))
        RuleAssert.only(diagnostics, "yaml-syntax", at: (8, 11))
        XCTAssertTrue(diagnostics.first?.message.contains("`\\数`") ?? false, diagnostics.first?.message ?? "")
    }

    func testACapitalisedMisspelledEntryKeyIsWarned() {
        let text = RuleFixture.customer(body: "\n## Follow-ups\n\n### 2024-03-01 phone 张伟\n- Staus: won\n")
        let diagnostics = RuleFixture.diagnostics(text)
        RuleAssert.only(diagnostics, "unknown-entry-key", .warning, at: (13, 3))
        XCTAssertEqual(diagnostics.first?.hint, "did you mean `status`?")
    }

    func testATimeWithoutTwoDigitsIsATimeError() {
        let text = RuleFixture.customer(body: "\n## Follow-ups\n\n### 2024-03-01 9:30 phone 张伟\n")
        RuleAssert.only(RuleFixture.diagnostics(text), "invalid-date", at: (12, 16))
    }
}
