import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-owner: with a team in leadbook.yml, `owner` names one of its members.
final class UnknownOwnerTests: XCTestCase {
    var team: Configuration {
        var configuration = Configuration()
        configuration.team = [TeamMember(name: "王五"), TeamMember(name: "李四"), TeamMember(name: "Zhang San")]
        return configuration
    }

    func testOwnerInTheTeamIsClean() {
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(adding: ["owner: 王五"]), configuration: team))
    }

    func testAnyOwnerIsCleanWithoutATeam() {
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(adding: ["owner: 赵六"])))
    }

    func testOwnerNearAMemberSuggestsThem() {
        let text = RuleFixture.customer(adding: ["owner: 王武"])
        RuleAssert.one(RuleFixture.diagnostics(text, configuration: team), "unknown-owner", at: (8, 8),
                       says: "owner `王武` is not in the team", hint: "did you mean `王五`?")
    }

    func testOwnerFarFromEveryMemberListsTheTeam() {
        let text = RuleFixture.customer(adding: ["owner: 赵六"])
        RuleAssert.one(RuleFixture.diagnostics(text, configuration: team), "unknown-owner", at: (8, 8),
                       says: "owner `赵六` is not in the team", hint: "use one of: 王五, 李四, Zhang San, or add them to `team` in leadbook.yml")
    }

    func testTeamFromLeadbookYml() {
        let (configuration, configurationDiagnostics) = RuleFixture.configuration("""
            team:
              - {name: 王五, role: manager}
              - {name: 李四, role: senior}

            """)
        RuleAssert.clean(configurationDiagnostics)
        RuleAssert.clean(RuleFixture.diagnostics(RuleFixture.customer(adding: ["owner: 李四"]), configuration: configuration))
        RuleAssert.only(RuleFixture.diagnostics(RuleFixture.customer(adding: ["owner: 李司"]), configuration: configuration),
                        "unknown-owner", at: (8, 8), hint: ["did you mean `李四`?"])
    }
}
