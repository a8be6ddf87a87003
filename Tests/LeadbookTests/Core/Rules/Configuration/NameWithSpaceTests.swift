import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// name-with-space: a member's or responder's name has no space, or a to-do's `@name` cannot
/// name them.
final class NameWithSpaceTests: XCTestCase {
    func testNamesWithoutSpacesAreClean() {
        RuleAssert.clean(RuleFixture.configuration("team:\n  - {name: 王五, role: manager}\nresponders:\n  - {name: 法务部}\n  - {name: Legal-Team}\n").1)
    }

    func testAResponderWithASpaceIsAWarningAtItsName() {
        let (configuration, diagnostics) = RuleFixture.configuration("""
            team:
              - {name: 王五, role: manager}
            responders:
              - name: Legal Team
                team: 法务

            """)
        let diagnostic = RuleAssert.one(diagnostics, "name-with-space", .warning, at: (4, 11),
                                        says: "`Legal Team` has a space: a to-do's `@Legal Team` would end at it and be read as text",
                                        hint: "write the name without spaces, like `LegalTeam` (it can still own feedback as it is)", path: "leadbook.yml")
        XCTAssertEqual(diagnostic?.phrase.zh, "`Legal Team` 里有空格：待办里写 `@Legal Team` 会在空格处断开，后面的字当成待办内容")
        XCTAssertEqual(diagnostic?.hintPhrase.zh, "名字里不要写空格，比如 `LegalTeam`（现在这样仍然可以负责反馈）")
        XCTAssertEqual(configuration.responders.map(\.name), ["Legal Team"], "the name is kept as written")
    }

    func testAMemberWithASpace() {
        let diagnostics = RuleFixture.configuration("team:\n  - {name: 王 五, role: manager}\n").1
        RuleAssert.only(diagnostics, "name-with-space", .warning, at: (2, 12), message: ["`王 五` has a space"], hint: ["`王五`"], path: "leadbook.yml")
    }
}
