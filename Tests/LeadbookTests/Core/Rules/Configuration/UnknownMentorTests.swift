import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-mentor: a mentor is a senior or a manager of the team, not the member themselves.
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

    func testMentorNotInTheTeam() {
        let (_, diagnostics) = RuleFixture.configuration("""
            team:
              - {name: 王五, role: manager}
              - {name: 赵六, role: junior, mentor: 王武}

            """)
        RuleAssert.one(diagnostics, "unknown-mentor", at: (3, 38), says: "mentor `王武` is not in the team", hint: "did you mean `王五`?")
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
}
