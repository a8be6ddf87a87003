import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// unknown-responder: a to-do's `@owner` / `^requester` and a feedback `owner` are members of
/// the team or responders, when leadbook.yml names either.
final class UnknownResponderTests: XCTestCase {
    static let configuration: Configuration = {
        var configuration = Configuration()
        configuration.team = [TeamMember(name: "王五"), TeamMember(name: "赵六")]
        configuration.responders = [Responder(name: "法务部")]
        return configuration
    }()

    func testKnownNamesAreClean() {
        let text = RuleFixture.followUp("2024-03-05 phone 张伟", ["- [ ] 2024-03-08 审核合同条款 @法务部 ^赵六", "- todo: 2024-03-09 回访 @王五"])
        RuleAssert.clean(RuleFixture.diagnostics(text, configuration: Self.configuration))
    }

    func testAnUnknownOwnerOfAToDoIsAWarningAtTheNameWithTheNearest() {
        // Line 12 is the heading, 13 the to-do; `法务` starts at column 27.
        let text = RuleFixture.followUp("2024-03-05 phone 张伟", ["- [ ] 2024-03-08 审核合同条款 @法务 ^赵六"])
        let diagnostic = RuleAssert.one(RuleFixture.diagnostics(text, configuration: Self.configuration), "unknown-responder", .warning, at: (13, 26),
                                        says: "`法务` is neither a member of the team nor a responder",
                                        hint: "did you mean `法务部`? (until then it is on the customer owner's agenda)")
        XCTAssertEqual(diagnostic?.phrase.zh, "`法务` 既不是团队成员，也不在响应方（`responders`）里")
        XCTAssertNotNil(diagnostic?.suggestion, "the editor offers the name meant")
    }

    func testAnUnknownRequesterAndAFeedbackOwner() {
        let todo = RuleFixture.followUp("2024-03-05 phone 张伟", ["- [ ] 2024-03-08 审核合同条款 @法务部 ^赵七"])
        XCTAssertEqual(RuleFixture.diagnostics(todo, configuration: Self.configuration).map(\.message), ["`赵七` is neither a member of the team nor a responder"])
        let feedback = RuleFixture.feedback(["- handling: negotiate", "- owner: 技术部"])
        let diagnostics = RuleFixture.diagnostics(feedback, configuration: Self.configuration)
        RuleAssert.only(diagnostics, "unknown-responder", .warning, at: (14, 10), message: ["`技术部`"], hint: ["use one of: 王五, 赵六, 法务部"])
    }

    /// Front matter lines 8 to 12: `plan:` and its steps, an owner in a flow map and one in a
    /// block map (quoted); `法务` also written in a goal before it.
    func testAPlanStepOwnerThatIsNeitherIsAWarningAtItsValue() {
        let text = RuleFixture.customer(adding: [
            "plan:",
            "  - {stage: needs-deepening, goal: 法务审核, owner: 法务, due: 2024-03-20}",
            "  - {goal: 审核合同, owner: 法务部, due: 2024-03-21}",
            "  - goal: 报价",
            "    owner: \"赵七\"",
        ])
        let diagnostics = RuleFixture.diagnostics(text, configuration: Self.configuration)
        RuleAssert.rules(diagnostics, [("unknown-responder", 9, 49), ("unknown-responder", 12, 13)])
        XCTAssertEqual(diagnostics.first?.hint, "did you mean `法务部`? (until then it is on the customer owner's agenda)")
        XCTAssertEqual(diagnostics.last?.message, "`赵七` is neither a member of the team nor a responder")
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }

    func testWithoutATeamOrRespondersNamesAreNotChecked() {
        let text = RuleFixture.followUp("2024-03-05 phone 张伟", ["- [ ] 2024-03-08 审核合同条款 @外部顾问 ^谁"])
        RuleAssert.clean(RuleFixture.diagnostics(text))
    }

    func testADoneToDoAndAnsweredFeedbackAreHistory() {
        let text = RuleFixture.followUp("2024-03-05 phone 张伟", ["- [x] 2024-03-08 审核合同条款 @外部顾问"])
        RuleAssert.clean(RuleFixture.diagnostics(text, configuration: Self.configuration))
        let feedback = RuleFixture.feedback(["- handling: fix", "- owner: 技术总监张伟", "- resolved: 2024-03-05"])
        RuleAssert.clean(RuleFixture.diagnostics(feedback, configuration: Self.configuration))
    }

    func testCheckSeesTheNamesWithoutReadingTexts() {
        let text = RuleFixture.followUp("2024-03-05 phone 张伟", ["- [ ] 2024-03-08 审核合同条款 @法务 ^赵六"])
        let result = CustomerReader.read(path: RuleFixture.path, bytes: Array(text.utf8), configuration: Self.configuration, text: false, tree: false)
        XCTAssertEqual(result.findings.diagnostics.map(\.rule.id), ["unknown-responder"])
        XCTAssertEqual(result.customer?.followUps.first?.todos.first?.text, "", "the text itself is not kept")
    }

    /// The finding and its quick fix are at the name itself, not where the same letters come
    /// again later in the line or entry.
    func testTheFindingAndItsFixAreAtTheNameItself() throws {
        var configuration = Self.configuration
        configuration.team.append(TeamMember(name: "李四"))
        let todo = RuleFixture.followUp("2024-05-06 phone 张伟", ["- [ ] 2024-05-09 确认合同 @李 ^李四"])
        let onTodo = try XCTUnwrap(RuleFixture.diagnostics(todo, configuration: configuration).first { $0.rule.id == "unknown-responder" })
        let fixedTodo = String(decoding: Fix.apply([try XCTUnwrap(onTodo.suggestion)], to: Array(todo.utf8)).bytes, as: UTF8.self)
        XCTAssertTrue(fixedTodo.contains("- [ ] 2024-05-09 确认合同 @李四 ^李四\n"), fixedTodo)

        let feedback = RuleFixture.feedback(["- handling: negotiate", "- owner: 法务", "- plan: 法务部下周休假，改约"])
        let onOwner = try XCTUnwrap(RuleFixture.diagnostics(feedback, configuration: configuration).first { $0.rule.id == "unknown-responder" })
        XCTAssertEqual(onOwner.line, 14, "the owner line, not the plan line after it")
        let fixedOwner = String(decoding: Fix.apply([try XCTUnwrap(onOwner.suggestion)], to: Array(feedback.utf8)).bytes, as: UTF8.self)
        XCTAssertTrue(fixedOwner.contains("- owner: 法务部\n- plan: 法务部下周休假，改约"), fixedOwner)
    }

    /// An unknown requester changes nobody's list: the hint says what is missing instead.
    func testAnUnknownRequesterSaysNobodyIsWaiting() throws {
        let todo = RuleFixture.followUp("2024-03-05 phone 张伟", ["- [ ] 2024-03-08 审核合同条款 @法务部 ^赵七"])
        let diagnostic = try XCTUnwrap(RuleFixture.diagnostics(todo, configuration: Self.configuration).first)
        XCTAssertEqual(diagnostic.hint, "did you mean `赵六`? (until then nobody gets the \"waiting for\" line of this to-do)")
        XCTAssertEqual(diagnostic.hintPhrase.zh, "是不是想写 `赵六`？（改好之前，谁的待办日程里都没有这一项的“等待”行）")
    }
}
