import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// missing-mentor (a warning): every junior has a mentor (the toolkit, section 2).
final class MissingMentorTests: XCTestCase {
    func testJuniorWithoutMentor() {
        let (_, diagnostics) = RuleFixture.configuration("""
            team:
              - name: 王五
                role: manager
              - name: 赵六
                role: junior

            """)
        RuleAssert.one(diagnostics, "missing-mentor", .warning, at: (4, 5), says: "junior 赵六 has no mentor",
                       hint: "add `mentor:` with the name of a senior or a manager (toolkit: juniors each have a senior mentor)")
    }

    func testAJuniorWithAMentorIsClean() {
        RuleAssert.clean(RuleFixture.configuration("team:\n  - {name: 李四, role: senior}\n  - {name: 赵六, role: junior, mentor: 李四}\n").1)
    }

    /// A junior listed twice is reported as a duplicate only.
    func testASecondListingIsNotCheckedForAMentor() {
        let (_, diagnostics) = RuleFixture.configuration("team:\n  - {name: 赵六, role: junior, mentor: 李四}\n  - {name: 李四, role: senior}\n  - {name: 赵六, role: junior}\n")
        RuleAssert.rules(diagnostics, [("duplicate-member", 4, 12)])
    }

    func testSeniorWithoutMentorIsFine() {
        let (_, diagnostics) = RuleFixture.configuration("team:\n  - {name: 李四, role: senior}\n")
        RuleAssert.clean(diagnostics)
    }
}
