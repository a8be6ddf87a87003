import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-team-role: a team member's `role` is manager, senior or junior (or their Chinese labels).
final class UnknownTeamRoleTests: XCTestCase {
    func testRolesAndTheirChineseLabelsAreClean() {
        let (configuration, diagnostics) = RuleFixture.configuration("team:\n  - {name: 王五, role: 销售经理}\n  - {name: 李四, role: senior}\n")
        RuleAssert.clean(diagnostics)
        XCTAssertEqual(configuration.team.map(\.role), [.manager, .senior])
    }
    func testUnknownTeamRole() {
        let (configuration, diagnostics) = RuleFixture.configuration("""
            team:
              - name: 王五
                role: intern

            """)
        RuleAssert.one(diagnostics, "unknown-team-role", at: (3, 11), says: "unknown team role `intern`",
                       hint: "use one of: manager (销售经理), senior (资深销售), junior (新人销售)")
        XCTAssertNil(configuration.team.first?.role)
    }

    func testMisspelledTeamRole() {
        let (_, diagnostics) = RuleFixture.configuration("team:\n  - {name: 李四, role: senoir}\n")
        RuleAssert.only(diagnostics, "unknown-team-role", at: (2, 22), hint: ["did you mean `senior`?"])
    }

    func testUnknownRoleInABOMAndCRLFLeadbookYml() {
        let text = "\u{FEFF}language: zh-CN\r\nteam:\r\n  - {name: 王五, role: 经理}\r\n"
        let (_, diagnostics) = ConfigurationReader.read(SourceText(path: "leadbook.yml", bytes: Array(text.utf8)))
        RuleAssert.only(diagnostics, "unknown-team-role", at: (3, 22), message: ["`经理`"], path: "leadbook.yml")
    }
}
