import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// duplicate-member: each rep is listed once in leadbook.yml `team`.
final class DuplicateMemberTests: XCTestCase {
    func testEmptyConfigurationIsClean() {
        let (configuration, diagnostics) = RuleFixture.configuration("# 默认配置\n")
        RuleAssert.clean(diagnostics)
        XCTAssertTrue(configuration.team.isEmpty)
    }

    func testDistinctNamesAreClean() {
        RuleAssert.clean(RuleFixture.configuration("team:\n  - {name: 王五, role: manager}\n  - {name: 王六, role: senior}\n").1)
    }

    func testMemberListedTwice() {
        let (configuration, diagnostics) = RuleFixture.configuration("""
            team:
              - name: 王五
                role: manager
              - name: 王五
                role: senior

            """)
        RuleAssert.one(diagnostics, "duplicate-member", at: (4, 11), says: "team member `王五` is listed twice",
                       hint: "keep one entry per rep; two reps with the same name need distinct names", path: "leadbook.yml")
        XCTAssertEqual(configuration.team.count, 2)
    }
}
