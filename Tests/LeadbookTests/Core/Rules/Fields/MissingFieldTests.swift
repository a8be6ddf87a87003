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
        RuleAssert.one(RuleFixture.diagnostics(text), "missing-field", at: (2, 1), says: "missing required field `source`",
                       hint: "add a line `source: website` to the front matter")
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
        RuleAssert.one(RuleFixture.diagnostics(text), "missing-field", at: (3, 1), says: "required field `name` is empty",
                       hint: "fill it in, for example `name: 华东云科技有限公司`")
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
        RuleAssert.one(RuleFixture.diagnostics(text), "missing-field", at: (10, 5), says: "a contact without `name`",
                       hint: "add `name:` (the contact's name; title, phone and email are optional)")
    }

    func testSourcesItemWithoutSource() {
        let text = RuleFixture.customer(adding: ["sources:", "  - {date: 2024-03-02, detail: 展位A12}"])
        RuleAssert.one(RuleFixture.diagnostics(text), "missing-field", at: (9, 5), says: "a `sources` item without `source`",
                       hint: "add `source:` with the channel this lead also came from")
    }

    func testAQuotedEmptyRequiredValueIsOneMissingField() {
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(set: ["status: \"\""])), "missing-field", at: (7, 1))
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(set: ["intent: ''"])), "missing-field", at: (5, 1))
    }

    // MARK: leadbook.yml

    func testCompleteListsOfLeadbookYmlAreClean() {
        let (configuration, diagnostics) = RuleFixture.configuration("""
            scoring:
              rules:
                size: [{min: 1000, points: 30}, {points: 5}]
            screening:
              - {industry: 软件, min_employees: 50}
            team:
              - {name: 王五, role: manager}

            """)
        RuleAssert.clean(diagnostics)
        XCTAssertEqual(configuration.screening.count, 1)
        XCTAssertEqual(configuration.team.count, 1)
    }

    func testScoringBandWithoutPoints() {
        let (_, diagnostics) = RuleFixture.configuration("scoring:\n  rules:\n    size:\n      - {min: 1000}\n")
        RuleAssert.one(diagnostics, "missing-field", at: (4, 9), says: "a scoring band without `points`", hint: "add `points: 10`",
                       path: "leadbook.yml")
    }

    func testScreeningRuleWithoutIndustry() {
        let (configuration, diagnostics) = RuleFixture.configuration("screening:\n  - {min_employees: 50}\n")
        RuleAssert.one(diagnostics, "missing-field", at: (2, 5), says: "a screening rule without `industry`",
                       hint: "add `industry: 软件` (the industry the rule applies to)")
        XCTAssertTrue(configuration.screening.isEmpty)
    }

    func testTeamMemberWithoutNameOrRole() {
        let (configuration, diagnostics) = RuleFixture.configuration("team:\n  - {role: senior}\n  - {name: 李四}\n")
        RuleAssert.rules(diagnostics, [("missing-field", 2, 5), ("missing-field", 3, 5)])
        XCTAssertEqual(diagnostics.map(\.message), ["a team member without `name`", "team member 李四 has no `role`"])
        XCTAssertEqual(diagnostics.map(\.hint), ["add `name:` with the rep's name", "add `role: manager`, `senior` or `junior`"])
        XCTAssertEqual(configuration.team.map(\.name), ["李四"])
    }
}
