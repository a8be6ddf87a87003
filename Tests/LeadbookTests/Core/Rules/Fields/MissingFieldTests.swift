import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// missing-field: id, name, source, intent, created and status are present and not empty;
/// a contact has a name; a tombstone needs only id and merged_into.
final class MissingFieldTests: XCTestCase {
    func testAllRequiredFieldsPresentIsClean() {
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.head))
    }

    func testTombstoneNeedsOnlyIdAndMergedInto() {
        let text = "---\nid: LX2024001\nmerged_into: LX2024002\n---\n"
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }

    func testMissingSourcePointsAtTheFirstFrontMatterLine() {
        let text = RuleFixture.customer(removing: ["source"])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-field", at: (2, 1),
                        message: ["missing required field `source`"], hint: ["source: website"])
    }

    func testEachRequiredFieldIsNamed() {
        for (key, example) in [("id", "id: LX2024001"), ("name", "name: "), ("intent", "intent: B"),
                               ("created", "created: 2024-03-01 09:10"), ("status", "status: untouched")] {
            let text = RuleFixture.customer(removing: [key])
            // Without an id there is no file-name check; without the others nothing else changes.
            let diagnostics = RuleFixture.diagnostics(text)
            RuleAssert.only(diagnostics, "missing-field", at: (2, 1), message: ["`\(key)`"], hint: [example])
        }
    }

    func testEmptyValueIsReportedAtItsKey() {
        let text = RuleFixture.customer(set: ["name:"])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-field", at: (3, 1),
                        message: ["required field `name` is empty"], hint: ["name: 华东云科技有限公司"])
    }

    func testEmptyQuotedValueIsEmpty() {
        let text = RuleFixture.customer(set: ["name: \"\""])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-field", at: (3, 1), message: ["`name` is empty"])
    }

    func testEmptyFrontMatterMissesEveryRequiredField() {
        let diagnostics = RuleFixture.diagnostics("---\n---\n\n# 华东云\n")
        XCTAssertEqual(diagnostics.map(\.rule.id), Array(repeating: "missing-field", count: 6), RuleFixture.describe(diagnostics))
        XCTAssertTrue(diagnostics.allSatisfy { $0.line == 2 && $0.column == 1 }, RuleFixture.describe(diagnostics))
        XCTAssertEqual(diagnostics.map { $0.message }, ["id", "name", "source", "intent", "created", "status"].map { "missing required field `\($0)`" })
    }

    func testContactWithoutName() {
        let text = RuleFixture.customer(adding: [
            "contacts:",                   // 8
            "  - name: 张伟",               // 9
            "  - title: 采购总监",           // 10
            "    phone: \"13900000002\"",   // 11
        ])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-field", at: (10, 5),
                        message: ["a contact without `name`"], hint: ["add `name:`"])
    }

    func testSourcesItemWithoutSource() {
        let text = RuleFixture.customer(adding: ["sources:", "  - {date: 2024-03-02, detail: 展位A12}"])
        RuleAssert.only(RuleFixture.diagnostics(text), "missing-field", at: (9, 5), message: ["without `source`"])
    }
}
