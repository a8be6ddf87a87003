import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// duplicate-member, unknown-mentor, missing-mentor (a warning) and unknown-team-role: the
/// team in leadbook.yml.
final class UnknownMentorTests: XCTestCase {
    func testConsistentTeamIsClean() {
        let (configuration, diagnostics) = RuleFixture.configuration("""
            language: zh-CN
            team:
              - name: 王五
                role: manager
                group: 华东组
                regions: [华东]
              - name: 李四
                role: 资深销售
                mentor: 王五
              - {name: 赵六, role: junior, mentor: 李四, capacity: 20}

            """)
        RuleAssert.clean(diagnostics)
        XCTAssertEqual(configuration.team.map(\.name), ["王五", "李四", "赵六"])
        XCTAssertEqual(configuration.team.map(\.role), [.manager, .senior, .junior])
    }

    func testEmptyConfigurationIsClean() {
        let (configuration, diagnostics) = RuleFixture.configuration("# 默认配置\n")
        RuleAssert.clean(diagnostics)
        XCTAssertTrue(configuration.team.isEmpty)
    }

    // MARK: duplicate-member

    func testMemberListedTwice() {
        let (configuration, diagnostics) = RuleFixture.configuration("""
            team:
              - name: 王五
                role: manager
              - name: 王五
                role: senior

            """)
        RuleAssert.only(diagnostics, "duplicate-member", at: (4, 11),
                        message: ["team member `王五` is listed twice"], hint: ["one entry per rep"], path: "leadbook.yml")
        XCTAssertEqual(configuration.team.count, 2)
    }

    // MARK: unknown-mentor

    func testMentorNotInTheTeam() {
        let (_, diagnostics) = RuleFixture.configuration("""
            team:
              - {name: 王五, role: manager}
              - {name: 赵六, role: junior, mentor: 王武}

            """)
        RuleAssert.only(diagnostics, "unknown-mentor", at: (3, 38),
                        message: ["mentor `王武` is not in the team"], hint: ["did you mean `王五`?"])
    }

    func testMentorWhoIsAJunior() {
        let (_, diagnostics) = RuleFixture.configuration("""
            team:
              - name: 王五
                role: manager
              - name: 赵六
                role: junior
                mentor: 王五
              - name: 孙七
                role: junior
                mentor: 赵六

            """)
        RuleAssert.only(diagnostics, "unknown-mentor", at: (9, 13), message: ["mentor `赵六` is a junior"], hint: ["senior or a manager"])
    }

    func testMemberMentoringThemselves() {
        let (_, diagnostics) = RuleFixture.configuration("""
            team:
              - name: 李四
                role: senior
                mentor: 李四

            """)
        RuleAssert.only(diagnostics, "unknown-mentor", at: (4, 13), message: ["cannot mentor themselves"])
    }

    // MARK: missing-mentor

    func testJuniorWithoutMentor() {
        let (_, diagnostics) = RuleFixture.configuration("""
            team:
              - name: 王五
                role: manager
              - name: 赵六
                role: junior

            """)
        RuleAssert.only(diagnostics, "missing-mentor", .warning, at: (4, 5),
                        message: ["junior 赵六 has no mentor"], hint: ["mentor:"])
    }

    func testSeniorWithoutMentorIsFine() {
        let (_, diagnostics) = RuleFixture.configuration("team:\n  - {name: 李四, role: senior}\n")
        RuleAssert.clean(diagnostics)
    }

    // MARK: unknown-team-role

    func testUnknownTeamRole() {
        let (configuration, diagnostics) = RuleFixture.configuration("""
            team:
              - name: 王五
                role: intern

            """)
        RuleAssert.only(diagnostics, "unknown-team-role", at: (3, 11),
                        message: ["unknown team role `intern`"], hint: ["manager (销售经理)", "junior (新人销售)"])
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

    // MARK: leadbook.yml YAML

    func testSecondDocumentInLeadbookYml() {
        let (_, diagnostics) = RuleFixture.configuration("language: zh-CN\n---\nlanguage: en\n")
        RuleAssert.only(diagnostics, "yaml-unsupported", at: (2, 1), message: ["second document marker"], path: "leadbook.yml")
    }
}
